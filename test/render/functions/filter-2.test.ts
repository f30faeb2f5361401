// Filter Series functions driven by regexes and percentiles (graphite-web functions.py grep, exclude,
// useSeriesAbove, averageOutsidePercentile, removeBetweenPercentile), with the server's regex engine.
import { describe, expect, test } from 'vitest';
import type { Series } from '../../../render/series.js';
import { compileRenderRegex } from '../../../storage/index.js';
import { invoke, makeSeries } from '../helpers.js';

const ctx = { regex: compileRenderRegex };
const names = (out: Series[]): string[] => out.map((s) => s.name);
const hosts = (): Series[] => [
  makeSeries('srv01.cpu', [1]),
  makeSeries('srv02.cpu', [2]),
  makeSeries('db01.disk', [3]),
  makeSeries('sumSeries(srv0*.cpu)', [4]),
];

describe('grep and exclude', () => {
  test.each([
    ['srv0[12]', ['srv01.cpu', 'srv02.cpu']],
    ['srv0', ['srv01.cpu', 'srv02.cpu', 'sumSeries(srv0*.cpu)']],
    ['^srv', ['srv01.cpu', 'srv02.cpu']],
    ['cpu$', ['srv01.cpu', 'srv02.cpu']],
    ['(?i)DB', ['db01.disk']],
    ['', ['srv01.cpu', 'srv02.cpu', 'db01.disk', 'sumSeries(srv0*.cpu)']],
  ])('grep(%j) searches anywhere in the name', async (pattern, want) => {
    expect(names(await invoke('grep', [hosts(), pattern], { ctx }))).toEqual(want);
  });

  test('exclude drops the series whose name the pattern matches', async () => {
    expect(names(await invoke('exclude', [hosts(), 'srv\\d+\\.'], { ctx }))).toEqual([
      'db01.disk',
      'sumSeries(srv0*.cpu)',
    ]);
    expect(names(await invoke('exclude', [hosts(), 'a|b'], { ctx }))).toEqual([
      'srv01.cpu',
      'srv02.cpu',
      'sumSeries(srv0*.cpu)',
    ]);
  });

  test('an invalid pattern is a bad regex, not a server error', async () => {
    await expect(invoke('grep', [hosts(), '['], { ctx })).rejects.toMatchObject({
      code: 'RENDER_ERR_BAD_REGEX',
    });
    await expect(invoke('exclude', [hosts(), '('], { ctx })).rejects.toMatchObject({
      code: 'RENDER_ERR_BAD_REGEX',
    });
  });
});

describe('useSeriesAbove', () => {
  test('fetches group() of the substituted names of the series whose maximum is above value', async () => {
    const targets: string[] = [];
    const list = [makeSeries('a.reqs', [1, 20]), makeSeries('b.reqs', [5, null]), makeSeries('c.reqs', [11])];
    const out = await invoke('useSeriesAbove', [list, 10, '(\\w)\\.reqs', '\\1.time'], {
      ctx,
      call: {
        evaluateTarget: async (target) => {
          targets.push(target);
          return [makeSeries('a.time', [1]), makeSeries('c.time', [])];
        },
      },
    });
    expect(targets).toEqual(['group(a.time,c.time)']);
    expect(names(out)).toEqual(['a.time']);
  });

  test('evaluates nothing when no series is above value', async () => {
    const out = await invoke('useSeriesAbove', [[makeSeries('a.reqs', [1, null])], 1, 'reqs', 'time'], {
      ctx,
      call: {
        evaluateTarget: async () => {
          throw new Error('must not evaluate');
        },
      },
    });
    expect(out).toEqual([]);
  });
});

describe('averageOutsidePercentile', () => {
  const list = (): Series[] => [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((v) => makeSeries(`s${v}`, [v, v]));

  test('keeps the series whose average is on or outside the percentile band', async () => {
    expect(names(await invoke('averageOutsidePercentile', [list(), 80]))).toEqual([
      's1',
      's2',
      's3',
      's9',
      's10',
    ]);
  });

  test('n below 50 means the same band as 100 - n', async () => {
    expect(names(await invoke('averageOutsidePercentile', [list(), 20]))).toEqual([
      's1',
      's2',
      's3',
      's9',
      's10',
    ]);
  });

  test('a series without data is kept (graphite-web fails on it)', async () => {
    const out = await invoke('averageOutsidePercentile', [[...list(), makeSeries('none', [null])], 80]);
    expect(names(out)).toContain('none');
  });
});

describe('removeBetweenPercentile', () => {
  test('keeps the series with a point outside the band of its column', async () => {
    const list = [makeSeries('low', [1, 5]), makeSeries('mid', [5, 5]), makeSeries('high', [9, 5])];
    // the 30th/70th percentiles are 5 and 9: a point on a bound is outside the band
    expect(names(await invoke('removeBetweenPercentile', [list, 30]))).toEqual(['low', 'mid', 'high']);
    const strict = [makeSeries('low', [1, 1]), makeSeries('mid', [5, 5]), makeSeries('high', [9, 9])];
    expect(names(await invoke('removeBetweenPercentile', [strict, 80]))).toEqual(['low', 'high']);
  });

  test('an empty list stays empty', async () => {
    expect(await invoke('removeBetweenPercentile', [[], 50])).toEqual([]);
  });
});
