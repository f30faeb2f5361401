// Filter Series functions that keep or rank series by an aggregate (graphite-web functions.py filterSeries,
// highest/lowest and their wrappers, limit, mostDeviant, removeEmptySeries, unique).
import { describe, expect, test } from 'vitest';
import type { Series } from '../../../render/series.js';
import { invoke, makeSeries } from '../helpers.js';

// averages a=2 b=5 c=none d=5 e=-1; last a=3 b=4 c=none d=9 e=-1; max a=3 b=9 d=9 e=-1
const list = (): Series[] => [
  makeSeries('a', [1, 2, 3]),
  makeSeries('b', [9, 2, 4]),
  makeSeries('c', [null, null, null]),
  makeSeries('d', [1, null, 9]),
  makeSeries('e', [-1, null, null]),
];
const names = (out: Series[]): string[] => out.map((s) => s.name);

describe('threshold filters', () => {
  test.each([
    ['averageAbove', 2, ['b', 'd']],
    ['averageBelow', 2, ['a', 'c', 'e']],
    ['currentAbove', 3, ['b', 'd']],
    ['currentBelow', 3, ['a', 'c', 'e']],
    ['maximumAbove', 3, ['b', 'd']],
    ['maximumBelow', 3, ['a', 'c', 'e']],
    ['minimumAbove', 0.5, ['a', 'b', 'd']],
    ['minimumBelow', 1, ['a', 'c', 'd', 'e']],
  ])('%s(list, %d) keeps %j (a series without data passes only the Below filters)', async (fn, n, want) => {
    expect(names(await invoke(fn, [list(), n]))).toEqual(want);
  });

  test.each([
    ['=', 9, ['b', 'd']],
    ['!=', 9, ['a', 'c', 'e']],
    ['>', 3, ['b', 'd']],
    ['>=', 3, ['a', 'b', 'd']],
    ['<', 3, ['c', 'e']],
    ['<=', 3, ['a', 'c', 'e']],
  ])("filterSeries(list, 'max', '%s', %d) keeps %j", async (op, threshold, want) => {
    expect(names(await invoke('filterSeries', [list(), 'max', op, threshold]))).toEqual(want);
  });

  test('filterSeries refuses an unknown operator and a deprecated aggregation name', async () => {
    await expect(invoke('filterSeries', [list(), 'max', '~', 1])).rejects.toMatchObject({
      code: 'RENDER_ERR_BAD_ARGUMENT',
    });
    await expect(invoke('filterSeries', [list(), 'maxSeries', '>', 1])).rejects.toMatchObject({
      code: 'RENDER_ERR_BAD_ARGUMENT',
    });
  });
});

describe('highest and lowest', () => {
  test.each([
    ['highestAverage', 2, ['b', 'd']],
    ['highestCurrent', 2, ['d', 'b']],
    ['highestMax', 3, ['b', 'd', 'a']],
    ['lowestAverage', 2, ['c', 'e']],
    ['lowestCurrent', 3, ['c', 'e', 'a']],
  ])('%s(list, %d) is %j: ties keep input order, no data sorts as -inf', async (fn, n, want) => {
    expect(names(await invoke(fn, [list(), n]))).toEqual(want);
  });

  test.each([
    ['highest', 'sum', 2, ['b', 'd']],
    ['highest', 'count', 2, ['a', 'b']],
    ['lowest', 'min', 2, ['c', 'e']],
    ['lowest', 'range', 10, ['c', 'e', 'a', 'b', 'd']],
  ])('%s by %s keeps the n first by that aggregate', async (fn, func, n, want) => {
    expect(names(await invoke(fn, [list(), n, func]))).toEqual(want);
  });

  test('a negative n drops the last ones of the ranking (a Python slice)', async () => {
    expect(names(await invoke('highest', [list(), -3]))).toEqual(['b', 'd']);
    expect(names(await invoke('highestMax', [list(), 0]))).toEqual([]);
  });
});

describe('limit', () => {
  test.each([
    [2, ['a', 'b']],
    [0, []],
    [-1, ['a', 'b', 'c', 'd']],
    [99, ['a', 'b', 'c', 'd', 'e']],
  ])('limit(list, %d) is %j', async (n, want) => {
    expect(names(await invoke('limit', [list(), n]))).toEqual(want);
  });
});

describe('mostDeviant', () => {
  test('ranks by variance and skips series without data', async () => {
    const out = await invoke('mostDeviant', [list(), 10]);
    expect(names(out)).toEqual(['d', 'b', 'a', 'e']);
    expect(names(await invoke('mostDeviant', [list(), 1]))).toEqual(['d']);
  });
});

describe('removeEmptySeries', () => {
  test('drops series without any value by default', async () => {
    expect(names(await invoke('removeEmptySeries', [list()]))).toEqual(['a', 'b', 'd', 'e']);
  });

  test('an xFilesFactor asks for that share of values', async () => {
    expect(names(await invoke('removeEmptySeries', [list(), 0.5]))).toEqual(['a', 'b', 'd']);
    expect(names(await invoke('removeEmptySeries', [list(), 1]))).toEqual(['a', 'b']);
  });

  test('ignores the request xFilesFactor, as graphite-web does', async () => {
    const out = await invoke('removeEmptySeries', [list()], { ctx: { xFilesFactor: 1 } });
    expect(names(out)).toEqual(['a', 'b', 'd', 'e']);
  });

  test('a series with no points at all is dropped', async () => {
    expect(await invoke('removeEmptySeries', [[makeSeries('z', [])], 0])).toEqual([]);
  });
});

describe('unique', () => {
  test('keeps the first series of each name across the lists', async () => {
    const first = makeSeries('a', [1]);
    const out = await invoke('unique', [
      [first, makeSeries('b', [1])],
      [makeSeries('a', [2]), makeSeries('c', [3])],
    ]);
    expect(names(out)).toEqual(['a', 'b', 'c']);
    expect(out[0]).toBe(first);
  });
});
