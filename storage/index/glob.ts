// Graphite find patterns (graphite.md §3.4) compiled for a prefix walk of the name tree: graphite-web
// finders/standard.py strips backslashes, splits on `.`, expands braces per segment (finders/__init__.py
// expand_braces) and matches each segment with Python 3.11 fnmatch; `**` is a globstar.
import { StorageError } from '../errors.js';

/** Most alternatives one segment's braces may expand to; more is STORAGE_ERR_INVALID_PATTERN. */
export const MAX_BRACE_EXPANSION = 10_000;

/** One alternative of a pattern segment, in the form an index can walk. */
export type GlobSegment =
  /** No `*`, `?` or `[`: a direct lookup of one child, no listing. */
  | { kind: 'literal'; name: string }
  /** fnmatch wildcard: list the children starting with `prefix`, keep those `match` accepts. */
  | { kind: 'wildcard'; source: string; prefix: string; match: (name: string) => boolean }
  /** The segment `**`: zero or more levels; as the last segment, everything below. */
  | { kind: 'globstar' };

export interface CompiledGlob {
  pattern: string;
  /** One entry per `.`-separated segment: its distinct alternatives after brace expansion. */
  segments: GlobSegment[][];
  /**
   * Segments written with an escaped wildcard (`\*`, `\{`…): graphite-web returns the pattern text of
   * such a segment (backslashes removed) in place of the name it matched.
   */
  escapedFields: ReadonlyMap<number, string>;
}

const BRACES = /\{([^{}]*)\}/;

/**
 * Expands `{a,b}` groups like graphite-web's expand_braces: the first group without nested braces is
 * replaced by each comma-separated alternative (empty ones included) and the result expanded again,
 * so nested groups resolve innermost first. Duplicates are removed; order is sorted.
 */
export function expandBraces(text: string): string[] {
  const out = new Set<string>();
  const pending = [text];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    const m = BRACES.exec(item);
    if (m === null) {
      out.add(item);
      if (out.size > MAX_BRACE_EXPANSION) throw tooMany(text);
      continue;
    }
    const before = item.slice(0, m.index);
    const after = item.slice(m.index + m[0].length);
    for (const alt of (m[1] ?? '').split(',')) pending.push(before + alt + after);
    if (pending.length > MAX_BRACE_EXPANSION * 4) throw tooMany(text);
  }
  return [...out].sort();
}

function tooMany(text: string): StorageError {
  return new StorageError(
    'STORAGE_ERR_INVALID_PATTERN',
    `pattern "${text}": braces expand to more than ${MAX_BRACE_EXPANSION} alternatives`,
    { context: { pattern: text, limit: MAX_BRACE_EXPANSION } },
  );
}

type Token = { kind: 'star' } | { kind: 'one'; test: (ch: string) => boolean };

/** The characters of a set as fnmatch.translate leaves them: `stuff` in Python's source. */
function setStuff(cps: string[], i: number, j: number): string {
  const slice = (a: number, b: number): string => cps.slice(a, b).join('');
  if (!cps.slice(i, j).includes('-')) return slice(i, j).replaceAll('\\', '\\\\');
  const chunks: string[] = [];
  let k = cps[i] === '!' ? i + 2 : i + 1;
  for (;;) {
    k = cps.indexOf('-', k);
    if (k < 0 || k >= j) break;
    chunks.push(slice(i, k));
    i = k + 1;
    k = k + 3;
  }
  const last = slice(i, j);
  if (last !== '') chunks.push(last);
  else chunks[chunks.length - 1] += '-';
  // Empty ranges (z-a) are dropped by merging their neighbours, as Python does.
  for (let n = chunks.length - 1; n > 0; n--) {
    const left = Array.from(chunks[n - 1] ?? '');
    const right = Array.from(chunks[n] ?? '');
    if ((left.at(-1) ?? '') > (right[0] ?? '')) {
      chunks[n - 1] = left.slice(0, -1).join('') + right.slice(1).join('');
      chunks.splice(n, 1);
    }
  }
  return chunks.map((c) => c.replaceAll('\\', '\\\\').replaceAll('-', '\\-')).join('-');
}

/** Reads `stuff` as Python's sre reads a class body: escaped atoms, `a-b` ranges, a leading `^`. */
function classTest(stuff: string): (ch: string) => boolean {
  if (stuff === '') return () => false;
  if (stuff === '!') return () => true;
  const cps = Array.from(stuff);
  const negate = cps[0] === '!';
  let i = negate ? 1 : 0;
  const atom = (): number => {
    if (cps[i] === '\\') i++;
    return (cps[i++] ?? '').codePointAt(0) ?? 0;
  };
  const ranges: [number, number][] = [];
  while (i < cps.length) {
    const lo = atom();
    if (cps[i] === '-' && i + 1 < cps.length) {
      i++;
      ranges.push([lo, atom()]);
    } else ranges.push([lo, lo]);
  }
  return (ch) => {
    const cp = ch.codePointAt(0) ?? 0;
    return ranges.some(([lo, hi]) => cp >= lo && cp <= hi) !== negate;
  };
}

/** Tokens of a Python 3.11 fnmatch pattern (fnmatch.translate's grammar, without building a regex). */
function fnmatchTokens(pattern: string): { tokens: Token[]; prefix: string } {
  const cps = Array.from(pattern);
  const tokens: Token[] = [];
  let prefix = '';
  let literalRun = true;
  for (let i = 0; i < cps.length;) {
    const c = cps[i++] ?? '';
    if (c === '*') {
      if (tokens.at(-1)?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (c === '?') tokens.push({ kind: 'one', test: () => true });
    else if (c === '[') {
      let j = i;
      if (cps[j] === '!') j++;
      if (cps[j] === ']') j++;
      while (j < cps.length && cps[j] !== ']') j++;
      if (j >= cps.length) {
        tokens.push({ kind: 'one', test: (ch) => ch === '[' });
        if (literalRun) prefix += '[';
        continue;
      }
      tokens.push({ kind: 'one', test: classTest(setStuff(cps, i, j)) });
      i = j + 1;
    } else {
      tokens.push({ kind: 'one', test: (ch) => ch === c });
      if (literalRun) prefix += c;
      continue;
    }
    literalRun = false;
  }
  return { tokens, prefix };
}

/**
 * Compiles one fnmatch pattern (case-sensitive, as on POSIX) to a matcher running in O(name × pattern):
 * the two-pointer wildcard algorithm that backtracks only to the last `*`, so no input can make it slow.
 */
export function compileFnmatch(pattern: string): { prefix: string; match: (name: string) => boolean } {
  const { tokens, prefix } = fnmatchTokens(pattern);
  const match = (name: string): boolean => {
    const s = Array.from(name);
    let p = 0;
    let i = 0;
    let starP = -1;
    let starI = 0;
    while (i < s.length) {
      const tok = tokens[p];
      if (tok?.kind === 'one' && tok.test(s[i] ?? '')) {
        p++;
        i++;
      } else if (tok?.kind === 'star') {
        starP = p++;
        starI = i;
      } else if (starP >= 0) {
        p = starP + 1;
        i = ++starI;
      } else return false;
    }
    while (tokens[p]?.kind === 'star') p++;
    return p === tokens.length;
  };
  return { prefix, match };
}

const WILDCARD = /[*?[]/;

/** One segment alternative as the standard finder treats it (a wildcard never matches a `.` name). */
export function compileSegment(alternative: string): GlobSegment {
  if (alternative === '**') return { kind: 'globstar' };
  if (!WILDCARD.test(alternative)) return { kind: 'literal', name: alternative };
  const { prefix, match } = compileFnmatch(alternative);
  return { kind: 'wildcard', source: alternative, prefix, match: (n) => !n.startsWith('.') && match(n) };
}

/** graphite-web util.is_escaped_pattern: a backslash right before the first `*`, `?`, `[` or `{`. */
function isEscapedField(part: string): boolean {
  return [...'*?[{'].some((symbol) => {
    const i = part.indexOf(symbol);
    return i > 0 && part[i - 1] === '\\';
  });
}

/** Compiles a find pattern; STORAGE_ERR_INVALID_PATTERN if it is empty or its braces explode. */
export function compileGlob(pattern: string): CompiledGlob {
  if (pattern === '') {
    throw new StorageError('STORAGE_ERR_INVALID_PATTERN', 'find pattern is empty', {
      context: { pattern },
    });
  }
  const clean = pattern.replaceAll('\\', '');
  const parts = clean.split('.');
  const segments = parts.map((part) => {
    const seen = new Map<string, GlobSegment>();
    for (const alt of expandBraces(part)) seen.set(alt, compileSegment(alt));
    return [...seen.values()];
  });
  const escapedFields = new Map<number, string>();
  pattern.split('.').forEach((part, index) => {
    const replacement = parts[index];
    if (isEscapedField(part) && replacement !== undefined) escapedFields.set(index, replacement);
  });
  return { pattern, segments, escapedFields };
}
