// Python's list.sort(key=…, reverse=…) for the Sorting functions: stable, and with reverse=True equal keys
// keep their original order (not a reversed stable sort); strings compare by code point as Python's do.
import type { Series, Value } from '../../series.js';

/** Python str comparison: by code point (JS `<` compares UTF-16 units, which differs past U+FFFF). */
export function comparePyStr(a: string, b: string): number {
  if (a === b) return 0;
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const cx = x.value.codePointAt(0) as number;
    const cy = y.value.codePointAt(0) as number;
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
}

function compareNum(a: number, b: number): number {
  return a < b ? -1 : b < a ? 1 : 0;
}

/** A stable sort of `list` by `key`, as Python's sorted(list, key=key, reverse=reverse). */
export function sortSeries<K extends number | string>(
  list: readonly Series[],
  key: (s: Series) => K,
  reverse = false,
): Series[] {
  const keyed = list.map((s) => ({ s, k: key(s) }));
  const cmp = (a: K, b: K): number =>
    typeof a === 'number' ? compareNum(a, b as number) : comparePyStr(a as string, b as string);
  keyed.sort((x, y) => (reverse ? cmp(y.k, x.k) : cmp(x.k, y.k)));
  return keyed.map((e) => e.s);
}

/** graphite-web's keyFunc: an aggregate as a sort key, None sorting lowest (-inf). */
export function aggKeyFunc(func: (values: readonly Value[]) => Value): (s: Series) => number {
  return (s) => func(s.points()) ?? -Infinity;
}
