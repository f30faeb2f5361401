// seriesByTag expressions and tagged series names: graphite-web tags/base.py parse_tagspec, localdatabase.py
// find_series_query (regexes anchored `^(…)`, re.match, empty-string rules) and tags/utils.py TaggedSeries
// (parse, validate, canonical format). Spec: graphite.md §4.1, §4.3.
import { StorageError } from '../errors.js';
import { type PythonRegex, compilePythonRegex } from './python-re.js';

export type TagOperator = '=' | '!=' | '=~' | '!=~';

/** One parsed seriesByTag expression. */
export interface TagExpression {
  expression: string;
  tag: string;
  operator: TagOperator;
  /** The value or regex as written (regexes before anchoring). */
  spec: string;
  /** True if a series lacking the tag (value `''`) satisfies it. */
  matchesEmpty: boolean;
  /** Whether a series whose tag has `value` (`''` when absent) satisfies the expression. */
  test(value: string): boolean;
}

const TAGSPEC = /^([^;!=]+)(!?=~?)([^;]*)$/;

function invalid(message: string, context: Record<string, unknown>, cause?: unknown): StorageError {
  return new StorageError('STORAGE_ERR_INVALID_TAG_EXPRESSION', message, { context, cause });
}

/** graphite-web's anchoring of user regexes: `^(re)` unless it already starts with `^`. */
export function anchorRegex(source: string): string {
  return source.startsWith('^') ? source : `^(${source})`;
}

/** Compiles a `/tags` filter or `=~` spec, anchored; errors name `what` (the expression or filter). */
export function compileAnchored(source: string, what: string): PythonRegex {
  try {
    return compilePythonRegex(anchorRegex(source));
  } catch (err) {
    if (!(err instanceof StorageError)) throw err;
    throw invalid(`${what}: ${err.message}`, { ...err.context, expression: what }, err);
  }
}

/** Parses one `tag=value`, `tag!=value`, `tag=~regex` or `tag!=~regex` expression. */
export function parseTagExpression(expression: string): TagExpression {
  const m = TAGSPEC.exec(expression);
  if (m === null) {
    throw invalid(
      `invalid tag expression "${expression}": expected tag=value, tag!=value, tag=~regex or tag!=~regex`,
      {
        expression,
      },
    );
  }
  const tag = m[1] ?? '';
  const operator = (m[2] ?? '=') as TagOperator;
  const spec = m[3] ?? '';
  let test: (value: string) => boolean;
  if (operator === '=') test = (v) => v === spec;
  else if (operator === '!=') test = (v) => v !== spec;
  else {
    const re = compileAnchored(spec, `tag expression "${expression}"`);
    test = operator === '=~' ? (v) => re.match(v) : (v) => !re.match(v);
  }
  return { expression, tag, operator, spec, matchesEmpty: test(''), test };
}

/**
 * Parses the expressions of one seriesByTag call. STORAGE_ERR_INVALID_TAG_EXPRESSION if there are none,
 * if one is malformed, or if every one matches the empty string (graphite-web's rule: such a query
 * would select every series).
 */
export function parseTagExpressions(expressions: readonly string[]): TagExpression[] {
  if (expressions.length === 0) throw invalid('no tag expressions specified', { expressions: [] });
  const parsed = expressions.map(parseTagExpression);
  if (parsed.every((e) => e.matchesEmpty)) {
    throw invalid(`At least one tagspec must not match the empty string: ${expressions.join(', ')}`, {
      expressions: [...expressions],
    });
  }
  return parsed;
}

/** A tagged series split into its metric name and tags (`name` included, as graphite-web does). */
export interface TaggedName {
  name: string;
  tags: Record<string, string>;
}

/** Whether a series name is tagged (`name;tag=value…`) rather than a plain dotted path. */
export function isTagged(name: string): boolean {
  return name.includes(';');
}

/**
 * Parses a carbon tagged name `name;tag=value;…` by graphite-web's rules (tag and value non-empty, no
 * `;!^=` in tags, no `;` in values, values not starting with `~`, duplicates: last wins); the `name` tag
 * is the metric with leading `~` stripped. STORAGE_ERR_INVALID_TAG_EXPRESSION names the broken segment.
 */
export function parseTaggedName(path: string): TaggedName {
  const [metric = '', ...segments] = path.split(';');
  if (metric === '') throw invalid(`Cannot parse path ${path}, no metric found`, { path });
  const tags: Record<string, string> = {};
  for (const segment of segments) {
    const eq = segment.indexOf('=');
    const tag = eq < 0 ? '' : segment.slice(0, eq);
    const value = segment.slice(eq + 1);
    if (tag === '') throw invalid(`Cannot parse path ${path}, invalid segment ${segment}`, { path, segment });
    if (value === '') throw invalid(`Value for tag "${tag}" may not be empty`, { path, tag });
    const bad = [...';!^='].find((c) => tag.includes(c));
    if (bad !== undefined) throw invalid(`Character "${bad}" is not allowed in tag "${tag}"`, { path, tag });
    if (value.startsWith('~')) {
      throw invalid(`Tag values are not allowed to start with "~" in tag "${tag}"`, { path, tag });
    }
    tags[tag] = value;
  }
  const name = metric.replace(/^~+/, '');
  if (name === '')
    throw invalid(`Cannot use metric name ${metric} as tag value, results in empty string`, { path });
  tags['name'] = name;
  return { name, tags };
}

/** The canonical name: `name` then `;tag=value` pairs sorted as strings (graphite-web TaggedSeries.format). */
export function formatTaggedName(tags: Readonly<Record<string, string>>): string {
  const pairs = Object.entries(tags)
    .filter(([tag]) => tag !== 'name')
    .map(([tag, value]) => `;${tag}=${value}`)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return (tags['name'] ?? '') + pairs.join('');
}

/** parseTaggedName then formatTaggedName: what carbon stores a tagged series as. */
export function canonicalTaggedName(path: string): string {
  return formatTaggedName(parseTaggedName(path).tags);
}
