// The tag queries shared by both indexes: seriesByTag over tag postings (graphite-web localdatabase.py
// find_series: positive expressions select, empty-matching ones filter) and the /tags filters. Spec:
// graphite.md §4.2, §4.3.
import { StorageError } from '../errors.js';
import type { TagValueCount } from './metric-index.js';
import { compileAnchored, parseTagExpressions, parseTaggedName } from './tag-expr.js';

/** What the tag queries need from an index's postings. */
export interface TagSource {
  /** Series carrying `tag` (0 if none). */
  tagCount(tag: string): Promise<number>;
  /** Series whose `tag` is exactly `value` (0 if none). */
  valueCount(tag: string, value: string): Promise<number>;
  /** Values of `tag` with their series counts, sorted by value. */
  values(tag: string): AsyncIterable<TagValueCount>;
  /** Canonical names of the series whose `tag` is `value`. */
  series(tag: string, value: string): AsyncIterable<string>;
}

/** Order of names, tags and values: JavaScript string order, as graphite-web's ORDER BY on ASCII. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * seriesByTag: the canonical names matching every expression, sorted. Candidates come from the most
 * selective expression that needs a value (an exact `=` by its posting count, otherwise by the tag's
 * count); every candidate is then checked against all expressions, a missing tag reading as `''`.
 * More than `limit` results is STORAGE_ERR_LIMIT_EXCEEDED.
 */
export async function findTaggedSeries(
  source: TagSource,
  expressions: readonly string[],
  limit?: number,
): Promise<string[]> {
  const parsed = parseTagExpressions(expressions);
  let best: { cost: number; index: number } | undefined;
  for (const [index, e] of parsed.entries()) {
    if (e.matchesEmpty) continue;
    const cost = e.operator === '=' ? await source.valueCount(e.tag, e.spec) : await source.tagCount(e.tag);
    if (best === undefined || cost < best.cost) best = { cost, index };
  }
  const driver = parsed[best?.index ?? 0];
  if (driver === undefined) return [];
  const out = new Set<string>();
  const consider = (name: string): void => {
    let tags: Record<string, string>;
    try {
      tags = parseTaggedName(name).tags;
    } catch {
      return; // graphite-web skips paths it cannot parse
    }
    if (!parsed.every((e) => e.test(tags[e.tag] ?? ''))) return;
    out.add(name);
    if (limit !== undefined && out.size > limit) {
      throw new StorageError(
        'STORAGE_ERR_LIMIT_EXCEEDED',
        `seriesByTag(${expressions.map((e) => `'${e}'`).join(',')}) matches more than the limit of ${limit} series`,
        { context: { expressions: [...expressions], limit } },
      );
    }
  };
  if (driver.operator === '=') {
    for await (const name of source.series(driver.tag, driver.spec)) consider(name);
  } else {
    for await (const { value } of source.values(driver.tag)) {
      if (!driver.test(value)) continue;
      for await (const name of source.series(driver.tag, value)) consider(name);
    }
  }
  return [...out].sort(compareStrings);
}

/**
 * Keeps the items whose key matches `filter` (a regex anchored like graphite-web: `^(filter)` unless it
 * starts with `^`, matched as Python re.match) and truncates to `limit` (SQL LIMIT: no error).
 */
export function filterByRegex<T>(
  items: Iterable<T>,
  key: (item: T) => string,
  options: { filter?: string; limit?: number },
): T[] {
  const re = options.filter ? compileAnchored(options.filter, `filter "${options.filter}"`) : undefined;
  const out: T[] = [];
  for (const item of items) {
    if (options.limit !== undefined && options.limit > 0 && out.length >= options.limit) break;
    if (re === undefined || re.match(key(item))) out.push(item);
  }
  return out;
}
