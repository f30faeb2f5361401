// The moving-window family, exponentialMovingAverage and nPercentile (graphite-web functions.py): values,
// names and tags as graphite-web prints them, and the widened re-fetch they ask the evaluator for.
import { describe, expect, test } from 'vitest';
import type { RequestContext } from '../../../render/context.js';
import type { Call } from '../../../render/functions/types.js';
import { Series, type Value } from '../../../render/series.js';
import { invoke, makeSeries } from '../helpers.js';

/** A stored metric: value at timestamp t (every 60 s), nulls where `gaps` says. */
function stored(t: number): Value {
  const k = t / 60;
  return k % 7 === 3 ? null : k % 10;
}

/** What the evaluator would return for `name` re-fetched over [startTime, endTime). */
function fetchOver(name: string, startTime: number, endTime: number, step = 60): Series {
  const start = Math.ceil(startTime / step) * step;
  const values: Value[] = [];
  for (let t = start; t < endTime; t += step) values.push(stored(t));
  return new Series({ name, start, end: start + values.length * step, step, values });
}

/** A Call whose evaluateArg re-fetches `name` and records the changes it was asked for. */
function refetching(name: string, seen: Partial<RequestContext>[], step = 60): Partial<Call> {
  return {
    evaluateArg: async (index, changes) => {
      expect(index).toBe(0);
      seen.push(changes);
      return [fetchOver(name, changes.startTime ?? 600, changes.endTime ?? 1200, step)];
    },
  };
}

const ctx = { startTime: 600, endTime: 1200 };
const base = (): Series => fetchOver('a.b', 600, 1200);

describe('movingAverage and friends', () => {
  test('an integer window re-fetches window × step seconds earlier and averages the preceding points', async () => {
    const seen: Partial<RequestContext>[] = [];
    const [out] = await invoke('movingAverage', [[base()], 3], { ctx, call: refetching('a.b', seen) });
    expect(seen).toEqual([{ startTime: 420 }]);
    expect(out?.name).toBe('movingAverage(a.b,3)');
    expect(out?.tags).toEqual({ name: 'a.b', movingAverage: '3' });
    expect(out?.start).toBe(600);
    expect(out?.end).toBe(1200);
    // preview timestamps 420..1140: values 7,8,9,null(k=10 → 10%7=3),1,2,…
    const preview = fetchOver('a.b', 420, 1200).values;
    const want = preview.slice(3).map((_v, i) => {
      const w = preview.slice(i, i + 3).filter((v): v is number => v !== null);
      return w.length > 0 ? w.reduce((a, b) => a + b, 0) / w.length : null;
    });
    expect(out?.values).toEqual(want);
  });

  test('an interval window is named with the quoted string and counts points by the series step', async () => {
    const seen: Partial<RequestContext>[] = [];
    const [out] = await invoke('movingSum', [[base()], '5min'], { ctx, call: refetching('a.b', seen) });
    expect(seen).toEqual([{ startTime: 300 }]);
    expect(out?.name).toBe('movingSum(a.b,"5min")');
    expect(out?.tags.movingSum).toBe('5min');
    expect(out?.values.length).toBe(10);
  });

  test('a negative interval reaches back by its absolute value', async () => {
    const seen: Partial<RequestContext>[] = [];
    const [out] = await invoke('movingMax', [[base()], '-2min'], { ctx, call: refetching('a.b', seen) });
    expect(seen).toEqual([{ startTime: 480 }]);
    expect(out?.name).toBe('movingMax(a.b,"-2min")');
  });

  test('xFilesFactor nulls windows with too few non-null points', async () => {
    const sparse = (): Series => makeSeries('s', [1, null, null, 4, null, 6, 7, 8], 0);
    const call: Partial<Call> = { evaluateArg: async () => [sparse()] };
    const loose = await invoke('movingAverage', [[sparse()], 2], { ctx: { startTime: 120 }, call });
    const strict = await invoke('movingAverage', [[sparse()], 2, 1], { ctx: { startTime: 120 }, call });
    expect(loose[0]?.values).toEqual([1, null, 4, 4, 6, 6.5]);
    expect(strict[0]?.values).toEqual([null, null, null, null, null, 6.5]);
  });

  test('the series xFilesFactor applies when none is given', async () => {
    const s = new Series({
      name: 's',
      start: 0,
      end: 300,
      step: 60,
      values: [1, null, 3, 4, 5],
      xFilesFactor: 0.6,
    });
    const [out] = await invoke('movingAverage', [[s], 2], {
      ctx: { startTime: 120 },
      call: { evaluateArg: async () => [s] },
    });
    expect(out?.values).toEqual([null, null, 3.5]);
  });

  test.each([
    ['movingMedian', [3, 1, 2, 5, 4], [2, 2]],
    ['movingMin', [3, 1, 2, 5, 4], [1, 1]],
    ['movingMax', [3, 1, 2, 5, 4], [3, 5]],
    ['movingSum', [3, 1, 2, 5, 4], [6, 8]],
  ] as const)('%s aggregates the window before each point', async (name, values, want) => {
    const s = makeSeries('m', [...values], 0);
    const [out] = await invoke(name, [[s], 3], {
      ctx: { startTime: 180 },
      call: { evaluateArg: async () => [s] },
    });
    expect(out?.values).toEqual(want);
    expect(out?.start).toBe(180);
  });

  test('a window of 0 points yields only nulls', async () => {
    const s = makeSeries('m', [1, 2, 3], 0);
    const [out] = await invoke('movingAverage', [[s], 0], {
      ctx: { startTime: 0 },
      call: { evaluateArg: async () => [s] },
    });
    expect(out?.values).toEqual([null, null, null]);
  });

  test('the widest step of the list sets how far an integer window reaches', async () => {
    const seen: Partial<RequestContext>[] = [];
    const list = [makeSeries('x', [1], 600, 10), makeSeries('y', [1], 600, 60)];
    await invoke('movingAverage', [list, 2], {
      ctx,
      call: { evaluateArg: async (_i, c) => (seen.push(c), []) },
    });
    expect(seen).toEqual([{ startTime: 480 }]);
  });

  test('an empty list is returned without re-fetching', async () => {
    const call: Partial<Call> = {
      evaluateArg: async () => {
        throw new Error('must not re-fetch');
      },
    };
    expect(await invoke('movingAverage', [[], 5], { ctx, call })).toEqual([]);
  });
});

describe('movingWindow', () => {
  test('names the result after the capitalized function, as graphite-web does', async () => {
    const s = makeSeries('m', [1, 2, 3, 4], 0);
    const call: Partial<Call> = { evaluateArg: async () => [s.copy()] };
    const opts = { ctx: { startTime: 120 }, call };
    expect((await invoke('movingWindow', [[s], 2], opts))[0]?.name).toBe('movingAverage(m,2)');
    expect((await invoke('movingWindow', [[s], 2, 'avg_zero'], opts))[0]?.name).toBe('movingAvg_zero(m,2)');
    expect((await invoke('movingWindow', [[s], 2, 'rangeOf'], opts))[0]?.name).toBe('movingRangeof(m,2)');
    const [median] = await invoke('movingWindow', [[s], '2min', 'median', 0.5], opts);
    expect(median?.name).toBe('movingMedian(m,"2min")');
    expect(median?.tags).toEqual({ name: 'm', movingMedian: '2min' });
    expect(median?.values).toEqual([1.5, 2.5]);
  });

  test('a deprecated <name>Series function is refused as graphite-web refuses it', async () => {
    const s = makeSeries('m', [1, 2, 3, 4], 0);
    await expect(
      invoke('movingWindow', [[s], 2, 'sumSeries'], { call: { evaluateArg: async () => [s] } }),
    ).rejects.toMatchObject({ code: 'RENDER_ERR_BAD_ARGUMENT' });
  });
});

describe('exponentialMovingAverage', () => {
  test('seeds with the first window average and rounds to 6 places', async () => {
    const s = makeSeries('e', [1, 2, null, 4, 5, 6], 0);
    const seen: Partial<RequestContext>[] = [];
    const call: Partial<Call> = { evaluateArg: async (_i, c) => (seen.push(c), [s]) };
    const [out] = await invoke('exponentialMovingAverage', [[s], 2], { ctx: { startTime: 120 }, call });
    expect(seen).toEqual([{ startTime: 0 }]);
    expect(out?.name).toBe('exponentialMovingAverage(e,2)');
    expect(out?.tags.exponentialMovingAverage).toBe('2');
    // graphite-web also prints the value at the series end: one more point than the window leaves
    expect(out?.values).toEqual([1.5, null, 3.166667, 4.388889, 5.462963]);
    expect(out?.start).toBe(120);
  });

  test('an interval window uses the seconds, not the points, in its constant (as graphite-web)', async () => {
    const s = makeSeries('e', [2, 2, 8], 0);
    const [out] = await invoke('exponentialMovingAverage', [[s], '1min'], {
      ctx: { startTime: 60 },
      call: { evaluateArg: async () => [s] },
    });
    expect(out?.name).toBe('exponentialMovingAverage(e,"1min")');
    const c = 2 / 61;
    expect(out?.values).toEqual([2, 2, Number((c * 8 + (1 - c) * 2).toFixed(6))]);
  });
});

describe('nPercentile', () => {
  test('draws each series flat at its percentile; the tag keeps the float repr', async () => {
    const out = await invoke('nPercentile', [
      [makeSeries('p', [5, null, 1, 4, 2, 3]), makeSeries('z', [null])],
      50,
    ]);
    expect(out).toHaveLength(1);
    expect(out[0]?.name).toBe('nPercentile(p, 50)');
    expect(out[0]?.tags).toEqual({ name: 'p', nPercentile: '50.0' });
    expect(out[0]?.values).toEqual([3, 3, 3, 3, 3, 3]);
  });

  test('names a fractional percentile with %g', async () => {
    const [out] = await invoke('nPercentile', [[makeSeries('p', [1, 2])], 33.33333333]);
    expect(out?.name).toBe('nPercentile(p, 33.3333)');
  });

  test('refuses a zero percent', async () => {
    await expect(invoke('nPercentile', [[makeSeries('p', [1])], 0])).rejects.toMatchObject({
      code: 'RENDER_ERR_BAD_ARGUMENT',
    });
  });
});
