// Unit tables for the bucketing Transform functions (graphite-web functions.py summarize, smartSummarize,
// hitcount, _summarizeValues): bucket alignment, the result's start/end/step, xFilesFactor, names and tags,
// and the re-fetch over an aligned window (call.evaluateArg stubbed).
import { describe, expect, test } from 'vitest';
import type { RequestContext } from '../../../render/context.js';
import { floorToUnit, isDst } from '../../../render/functions/common/transform-calendar.js';
import type { Series } from '../../../render/series.js';
import { invoke, makeSeries } from '../helpers.js';

/** 1..10 every minute from 120 s: [120, 720). */
const tenPoints = (): Series[] => [makeSeries('a.b', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 120, 60)];

describe('summarize', () => {
  test('buckets sit on epoch multiples of the interval and the end rounds up past the last one', async () => {
    const [s] = await invoke('summarize', [tenPoints(), '5min']);
    expect(s?.values).toEqual([6, 30, 19]);
    expect([s?.start, s?.end, s?.step]).toEqual([0, 900, 300]);
    expect(s?.name).toBe('summarize(a.b, "5min", "sum")');
    expect(s?.pathExpression).toBe(s?.name);
    expect(s?.tags).toEqual({ name: 'a.b', summarize: '5min', summarizeFunction: 'sum' });
  });

  test('alignToFrom starts the buckets at the series start and ends after the last bucket', async () => {
    const [s] = await invoke('summarize', [tenPoints(), '5min', 'sum', true]);
    expect(s?.values).toEqual([15, 40]);
    expect([s?.start, s?.end, s?.step]).toEqual([120, 720, 300]);
    expect(s?.name).toBe('summarize(a.b, "5min", "sum", true)');
  });

  test.each([
    ['avg', [2, 6, 9.5]],
    ['max', [3, 8, 10]],
    ['last', [3, 8, 10]],
    ['count', [3, 5, 2]],
    ['sumSeries', [6, 30, 19]],
  ])('aggregates each bucket with %s', async (func, expected) => {
    const [s] = await invoke('summarize', [tenPoints(), '5min', func]);
    expect(s?.values).toEqual(expected);
    expect(s?.tags.summarizeFunction).toBe(func);
  });

  test("a bucket with too few values for the series' xFilesFactor is null", async () => {
    const input = tenPoints();
    input[0]!.xFilesFactor = 0.5;
    const [s] = await invoke('summarize', [input, '5min', 'sum']);
    // 3 of 5 points, 5 of 5, 2 of 5
    expect(s?.values).toEqual([6, 30, null]);
  });

  test('an interval that is not positive is refused', async () => {
    await expect(invoke('summarize', [tenPoints(), '-5min'])).rejects.toMatchObject({
      code: 'RENDER_ERR_BAD_ARGUMENT',
    });
  });
});

describe('smartSummarize', () => {
  test('without alignTo it buckets from the series start', async () => {
    const [s] = await invoke('smartSummarize', [tenPoints(), '4min', 'avg']);
    expect(s?.values).toEqual([2.5, 6.5, 9.5]);
    expect([s?.start, s?.end, s?.step]).toEqual([120, 840, 240]);
    expect(s?.name).toBe('smartSummarize(a.b, "4min", "avg")');
    expect(s?.tags).toEqual({ name: 'a.b', smartSummarize: '4min', smartSummarizeFunction: 'avg' });
  });

  test('alignTo re-fetches its argument from the start of the unit containing from', async () => {
    const asked: Partial<RequestContext>[] = [];
    const evaluateArg = async (index: number, changes: Partial<RequestContext>) => {
      expect(index).toBe(0);
      asked.push(changes);
      return [makeSeries('a.b', [1, 2, 3, 4, 5], 3600, 60)];
    };
    const [s] = await invoke('smartSummarize', [tenPoints(), '2min', 'sum', 'hours'], {
      ctx: { startTime: 3700, endTime: 3900 },
      call: { evaluateArg },
    });
    expect(asked).toEqual([{ startTime: 3600 }]);
    expect(s?.values).toEqual([3, 7, 5]);
    expect([s?.start, s?.end, s?.step]).toEqual([3600, 3960, 120]);
  });

  test('alignTo true or false (the retired alignToFrom) is accepted and ignored', async () => {
    const [s] = await invoke('smartSummarize', [tenPoints(), '5min', 'sum', true]);
    expect(s?.values).toEqual([15, 40]);
  });

  test('an alignTo that is not a unit name is refused', async () => {
    await expect(invoke('smartSummarize', [tenPoints(), '5min', 'sum', 'h'])).rejects.toMatchObject({
      code: 'RENDER_ERR_BAD_ARGUMENT',
    });
  });
});

describe('hitcount', () => {
  const rates = (): Series[] => [makeSeries('a.b', [1, 1, 1, 1], 0, 60)];

  test('each point brings value × step hits to the buckets it overlaps, buckets ending at the end', async () => {
    const [s] = await invoke('hitcount', [rates(), '90s']);
    expect(s?.values).toEqual([60, 90, 90]);
    expect([s?.start, s?.end, s?.step]).toEqual([-30, 240, 90]);
    expect(s?.name).toBe('hitcount(a.b, "90s")');
    expect(s?.tags).toEqual({ name: 'a.b', hitcount: '90s' });
  });

  test('a bucket nothing reaches is null', async () => {
    const [s] = await invoke('hitcount', [[makeSeries('a.b', [2, null, null, null], 0, 60)], '2min']);
    expect(s?.values).toEqual([120, null]);
  });

  test('alignToInterval re-fetches from the start of the hour and stretches the end to whole intervals', async () => {
    const asked: Partial<RequestContext>[] = [];
    const evaluateArg = async (_index: number, changes: Partial<RequestContext>) => {
      asked.push(changes);
      return [makeSeries('a.b', [1, 1, 1], 3660, 60)];
    };
    const [s] = await invoke('hitcount', [rates(), '1h', true], {
      ctx: { startTime: 3700 },
      call: { evaluateArg },
    });
    expect(asked).toEqual([{ startTime: 3600 }]);
    expect(s?.values).toEqual([180]);
    expect([s?.start, s?.end, s?.step]).toEqual([3660, 7260, 3600]);
    expect(s?.name).toBe('hitcount(a.b, "1h", true)');
  });
});

describe('calendar alignment', () => {
  test.each([
    ['years', 'UTC', 1672531200],
    ['months', 'UTC', 1698796800],
    ['weeks', 'UTC', 1699833600],
    ['days', 'UTC', 1700006400],
    ['days', 'America/New_York', 1699938000],
    ['hours', 'Asia/Kolkata', 1700004600],
  ] as const)('the %s containing 2023-11-15T00:00Z in %s starts at %i', (unit, tz, expected) => {
    expect(floorToUnit(1700006400, unit, tz)).toBe(expected);
  });

  test("a truncation across a DST change keeps the instant's own offset, as pytz does", () => {
    // 2023-11-05 05:00 EST, after the change: the month starts at Nov 1 00:00 -05:00, not -04:00
    expect(floorToUnit(1699178400, 'months', 'America/New_York')).toBe(1698814800);
  });

  test('daylight saving time is told from the zone offset', () => {
    expect(isDst(1688169600, 'America/New_York')).toBe(true);
    expect(isDst(1700006400, 'America/New_York')).toBe(false);
    expect(isDst(1688169600, 'UTC')).toBe(false);
  });
});
