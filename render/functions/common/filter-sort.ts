// Python's list.sort(key=…, reverse=…) and slicing as graphite-web's highest/lowest/mostDeviant rely on them
// (CPython 3.11 listobject.c): stable, reverse keeps equal keys in input order, NaN keys land where CPython's
// binary insertion sort puts them for the short lists dashboards sort.
import type { Value } from '../../series.js';

/** CPython sorts runs shorter than this by binary insertion alone (MIN_MERGE). */
const MIN_MERGE = 64;

interface Keyed<T> {
  key: number;
  item: T;
}

/** CPython's count_run + binarysort over the whole array, comparing with `<` only (NaN-faithful). */
function binarySort<T>(a: Keyed<T>[]): void {
  const n = a.length;
  if (n < 2) return;
  let run = 2;
  if ((a[1] as Keyed<T>).key < (a[0] as Keyed<T>).key) {
    while (run < n && (a[run] as Keyed<T>).key < (a[run - 1] as Keyed<T>).key) run++;
    const head = a.slice(0, run).reverse();
    for (let i = 0; i < run; i++) a[i] = head[i] as Keyed<T>;
  } else {
    while (run < n && !((a[run] as Keyed<T>).key < (a[run - 1] as Keyed<T>).key)) run++;
  }
  for (let start = run; start < n; start++) {
    const pivot = a[start] as Keyed<T>;
    let l = 0;
    let r = start;
    while (l < r) {
      const p = l + ((r - l) >> 1);
      if (pivot.key < (a[p] as Keyed<T>).key) r = p;
      else l = p + 1;
    }
    a.copyWithin(l + 1, l, start);
    a[l] = pivot;
  }
}

/**
 * `sorted(items, key=key, reverse=reverse)` as CPython computes it. Lists of 64 or more fall back to a
 * stable merge sort, which agrees with CPython whenever the keys are totally ordered (no NaN).
 */
export function pySorted<T>(items: readonly T[], key: (item: T) => number, reverse = false): T[] {
  const keyed: Keyed<T>[] = items.map((item) => ({ key: key(item), item }));
  if (reverse) keyed.reverse();
  if (keyed.length < MIN_MERGE) binarySort(keyed);
  else keyed.sort((x, y) => (x.key < y.key ? -1 : y.key < x.key ? 1 : 0));
  if (reverse) keyed.reverse();
  return keyed.map((k) => k.item);
}

/** graphite-web's keyFunc: a missing aggregate sorts as -inf (Python 2's None < everything). */
export function sortKey(value: Value): number {
  return value === null ? -Infinity : value;
}

/** Python's `items[start:stop]` (negative bounds count from the end, out-of-range bounds clamp). */
export function pySlice<T>(items: readonly T[], start: number | undefined, stop: number | undefined): T[] {
  const len = items.length;
  const clamp = (i: number): number => (i < 0 ? Math.max(0, len + i) : Math.min(len, i));
  const from = start === undefined ? 0 : clamp(start);
  const to = stop === undefined ? len : clamp(stop);
  return from < to ? items.slice(from, to) : [];
}
