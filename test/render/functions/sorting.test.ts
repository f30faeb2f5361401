// Unit tables for the Sorting and Filter Data functions (graphite-web functions.py sortBy*, remove*Value,
// remove*Percentile): Python's stable sort, natural order, names with %g and nPercentile tags.
import { describe, expect, test } from 'vitest';
import type { Series } from '../../../render/series.js';
import { invoke, makeSeries } from '../helpers.js';

const names = (list: Series[]): string[] => list.map((s) => s.name);
const named = (...ns: string[]): Series[] => ns.map((n) => makeSeries(n, [1]));

describe('sortByName', () => {
  const list = (): Series[] => named('server11', 'server2', 'server1', 'Server3', 'server12', 'server02');
  test.each([
    [[], ['Server3', 'server02', 'server1', 'server11', 'server12', 'server2']],
    [
      [false, true],
      ['server2', 'server12', 'server11', 'server1', 'server02', 'Server3'],
    ],
    [[true], ['Server3', 'server1', 'server2', 'server02', 'server11', 'server12']],
    [
      [true, true],
      ['server12', 'server11', 'server2', 'server02', 'server1', 'Server3'],
    ],
  ])('with natural/reverse %j orders %j', async (args, want) => {
    expect(names(await invoke('sortByName', [list(), ...args]))).toEqual(want);
  });

  test('natural order compares digit runs longer than 10 digits by value', async () => {
    const out = await invoke('sortByName', [named('a.12345678901', 'a.9', 'a.0000000000009'), true]);
    expect(names(out)).toEqual(['a.9', 'a.0000000000009', 'a.12345678901']);
  });

  test('names compare by code point as Python str does', async () => {
    const out = await invoke('sortByName', [named('a\u{ff5e}', 'a\u{1f600}', 'a~')]);
    expect(names(out)).toEqual(['a~', 'a\u{ff5e}', 'a\u{1f600}']);
  });
});

describe('sortBy and friends', () => {
  const list = (): Series[] => [
    makeSeries('low', [1, 2, 3]),
    makeSeries('empty', [null, null]),
    makeSeries('high', [10, null, 0]),
    makeSeries('mid', [4, 5, 6]),
    makeSeries('mid2', [6, 5, 4]),
  ];

  test.each([
    ['sortBy', [], ['empty', 'low', 'high', 'mid', 'mid2']],
    ['sortBy', ['max'], ['empty', 'low', 'mid', 'mid2', 'high']],
    ['sortBy', ['max', true], ['high', 'mid', 'mid2', 'low', 'empty']],
    ['sortBy', ['last', true], ['mid', 'mid2', 'low', 'high', 'empty']],
    ['sortByMaxima', [], ['high', 'mid', 'mid2', 'low', 'empty']],
    ['sortByTotal', [], ['mid', 'mid2', 'high', 'low', 'empty']],
    ['sortByMinima', [], ['high', 'low', 'mid', 'mid2']],
  ])('%s%j orders %j (stable: equal keys keep their order, even reversed)', async (fn, args, want) => {
    expect(names(await invoke(fn, [list(), ...args]))).toEqual(want);
  });

  test('sortByMinima drops series whose maximum is not above 0', async () => {
    const out = await invoke('sortByMinima', [[makeSeries('neg', [-1, -5]), makeSeries('zero', [0, null])]]);
    expect(out).toEqual([]);
  });

  test.each(['bogus', 'sumSeries'])('sortBy refuses the aggregation function %s', async (func) => {
    await expect(invoke('sortBy', [list(), func])).rejects.toMatchObject({
      code: 'RENDER_ERR_BAD_ARGUMENT',
    });
  });
});

describe('removeAboveValue and removeBelowValue', () => {
  test.each([
    ['removeAboveValue', 5, [1, null, 5, 6, 10], [1, null, 5, null, null], 'removeAboveValue(a.b, 5)'],
    ['removeBelowValue', 5, [1, null, 5, 6, 10], [null, null, 5, 6, 10], 'removeBelowValue(a.b, 5)'],
    ['removeAboveValue', 0.5, [0.25, 0.75], [0.25, null], 'removeAboveValue(a.b, 0.5)'],
    ['removeBelowValue', -1e-5, [0, -1], [0, null], 'removeBelowValue(a.b, -1e-05)'],
    ['removeAboveValue', 1234567, [1], [1], 'removeAboveValue(a.b, 1.23457e+06)'],
  ])('%s(%s) turns the values into %j named %s', async (fn, n, values, want, name) => {
    const [out] = await invoke(fn, [[makeSeries('a.b', values)], n]);
    expect(out?.values).toEqual(want);
    expect(out?.name).toBe(name);
    expect(out?.pathExpression).toBe(name);
    expect(out?.tags).toEqual({ name: 'a.b' });
  });
});

describe('removeAbovePercentile and removeBelowPercentile', () => {
  const values = [5, 1, null, 4, 2, 3, 10];
  test.each([
    ['removeAbovePercentile', 50, [null, 1, null, 4, 2, 3, null]],
    ['removeBelowPercentile', 50, [5, null, null, 4, null, null, 10]],
    ['removeAbovePercentile', 90, [5, 1, null, 4, 2, 3, 10]],
    ['removeAbovePercentile', 10, [null, 1, null, null, null, null, null]],
    ['removeBelowPercentile', 99.5, [null, null, null, null, null, null, 10]],
  ])('%s(%s) keeps %j and tags nPercentile', async (fn, n, want) => {
    const [out] = await invoke(fn, [[makeSeries('a.b', values)], n]);
    expect(out?.values).toEqual(want);
    expect(out?.name).toBe(`${fn}(a.b, ${n})`);
    expect(out?.tags).toEqual({ name: 'a.b', nPercentile: `${n}.0`.replace(/\.(\d+)\.0$/, '.$1') });
  });

  test('a percentile out of range leaves the values and tags alone (graphite-web skips the series)', async () => {
    const [out] = await invoke('removeAbovePercentile', [[makeSeries('a.b', [1, 2, 3])], 200]);
    expect(out?.values).toEqual([1, 2, 3]);
    expect(out?.name).toBe('removeAbovePercentile(a.b, 200)');
    expect(out?.tags).toEqual({ name: 'a.b' });
  });

  test('a negative percentile indexes from the end as Python lists do', async () => {
    const [out] = await invoke('removeAbovePercentile', [
      [makeSeries('a.b', [1, 2, 3, 4, 5, 6, 7, 8, 9])],
      -10,
    ]);
    expect(out?.values).toEqual([1, 2, 3, 4, 5, 6, 7, 8, null]);
  });

  test('a series without values is renamed only', async () => {
    const [out] = await invoke('removeBelowPercentile', [[makeSeries('a.b', [null, null])], 50]);
    expect(out?.values).toEqual([null, null]);
    expect(out?.name).toBe('removeBelowPercentile(a.b, 50)');
    expect(out?.tags).toEqual({ name: 'a.b' });
  });

  test('n = 0 is a bad argument', async () => {
    await expect(invoke('removeAbovePercentile', [[makeSeries('a', [1])], 0])).rejects.toMatchObject({
      code: 'RENDER_ERR_BAD_ARGUMENT',
    });
  });
});
