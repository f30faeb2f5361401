// Python-faithful helpers behind the Calculate and Filter Series functions: round(), sorted(), slicing and
// graphite-web's _getPercentile, checked against values CPython 3.11 / graphite-web 1.1.8 print.
import { describe, expect, test } from 'vitest';
import { getPercentile } from '../../../render/functions/common/calc-percentile.js';
import { pyRound } from '../../../render/functions/common/calc-round.js';
import { pySlice, pySorted, sortKey } from '../../../render/functions/common/filter-sort.js';

describe('pyRound', () => {
  test.each([
    [0.0078125, 6, 0.007812],
    [0.0234375, 6, 0.023438],
    [-0.0078125, 6, -0.007812],
    [2.675, 2, 2.67],
    [1.0000005, 6, 1.000001],
    [123.4567895, 6, 123.456789],
    [0.5, 0, 0],
    [1.5, 0, 2],
    [3.166666666666667, 6, 3.166667],
  ])('round(%d, %d) is %d as in Python', (x, digits, want) => {
    expect(pyRound(x, digits)).toBe(want);
  });

  test('non-finite values pass through', () => {
    expect(pyRound(Infinity, 6)).toBe(Infinity);
    expect(pyRound(NaN, 6)).toBeNaN();
  });
});

describe('pySorted', () => {
  const order = (keys: number[], reverse: boolean): number[] =>
    pySorted(
      keys.map((_k, i) => i),
      (i) => keys[i] as number,
      reverse,
    );

  test('equal keys keep their input order, also when reversed', () => {
    expect(order([2, 1, 2, 1], false)).toEqual([1, 3, 0, 2]);
    expect(order([2, 1, 2, 1], true)).toEqual([0, 2, 1, 3]);
  });

  test.each([
    [
      [3, NaN, 1, 2],
      [0, 1, 2, 3],
      [0, 1, 3, 2],
    ],
    [
      [NaN, 2, 1],
      [0, 2, 1],
      [0, 1, 2],
    ],
    [
      [1, NaN, 0.5, NaN, 3],
      [0, 1, 2, 3, 4],
      [0, 1, 2, 3, 4],
    ],
    [
      [2, 1, NaN, 0],
      [3, 1, 0, 2],
      [0, 1, 2, 3],
    ],
  ])('NaN keys land where CPython puts them (%j)', (keys, ascending, descending) => {
    expect(order(keys, false)).toEqual(ascending);
    expect(order(keys, true)).toEqual(descending);
  });

  test('long lists sort stably too', () => {
    const keys = Array.from({ length: 200 }, (_v, i) => (i * 37) % 10);
    const sorted = order(keys, true);
    expect(sorted.map((i) => keys[i])).toEqual([...keys].sort((a, b) => b - a));
    // key 9 first (indices 7, 17, 27 …), in input order
    expect(sorted.slice(0, 3)).toEqual([7, 17, 27]);
  });

  test('a missing aggregate sorts as -inf', () => {
    expect(sortKey(null)).toBe(-Infinity);
    expect(sortKey(0)).toBe(0);
  });
});

describe('pySlice', () => {
  test.each([
    [0, 2, ['a', 'b']],
    [0, -1, ['a', 'b', 'c']],
    [0, -10, []],
    [0, 10, ['a', 'b', 'c', 'd']],
    [-2, undefined, ['c', 'd']],
    [2, 1, []],
  ])('[%s:%s] is Python slicing', (start, stop, want) => {
    expect(pySlice(['a', 'b', 'c', 'd'], start, stop)).toEqual(want);
  });
});

describe('getPercentile', () => {
  const points = [5, null, 1, 4, 2, 3];
  test.each([
    [0, 1],
    [10, 1],
    [25, 2],
    [33.3, 2],
    [50, 3],
    [75, 5],
    [99, 5],
    [100, 5],
    [-10, 1],
    [-50, 2],
  ])('the %dth percentile by nearest rank is %d', (n, want) => {
    expect(getPercentile(points, n)).toBe(want);
  });

  test('interpolation moves between neighbouring ranks', () => {
    expect(getPercentile(points, 25, true)).toBe(1.5);
    expect(getPercentile(points, 33.3, true)).toBeCloseTo(1.998, 12);
    expect(getPercentile(points, 90, true)).toBe(5);
  });

  test('no non-null point has no percentile', () => {
    expect(getPercentile([null, null], 50)).toBeNull();
  });

  test('a percentile far past 100 is a bad argument', () => {
    expect(() => getPercentile(points, 150, false, 'nPercentile')).toThrow(
      expect.objectContaining({ code: 'RENDER_ERR_BAD_ARGUMENT' }),
    );
  });
});
