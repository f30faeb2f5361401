// stdev, aggregateLine, identity, linearRegression and the Holt-Winters functions (graphite-web
// functions.py); reference values printed by graphite-web 1.1.8's own functions.
import { describe, expect, test } from 'vitest';
import type { RequestContext } from '../../../render/context.js';
import type { Call } from '../../../render/functions/types.js';
import { Series } from '../../../render/series.js';
import { invoke, makeSeries } from '../helpers.js';

/** Values rounded to 9 places (nulls kept) so float noise does not matter. */
const approx = (values: readonly (number | null)[]): (number | null)[] =>
  values.map((v) => (v === null ? null : Math.round(v * 1e9) / 1e9));

describe('stdev', () => {
  test('is the moving standard deviation over the last points', async () => {
    const [out] = await invoke('stdev', [[makeSeries('d', [1, 2, null, 4, 4, null, null, 7])], 3]);
    expect(out?.name).toBe('stdev(d,3)');
    expect(out?.tags).toEqual({ name: 'd', stdev: '3' });
    expect(out?.values).toEqual([0, 0.5, 0.5, 1, 0, 0, 0, 0]);
  });

  test('windowTolerance nulls windows with too few values', async () => {
    const [out] = await invoke('stdev', [[makeSeries('d', [1, 2, null, 4, 4, null, null, 7])], 3, 0.9]);
    expect(out?.values).toEqual(new Array(8).fill(null));
  });

  test('refuses a window of no points', async () => {
    await expect(invoke('stdev', [[makeSeries('d', [1])], 0])).rejects.toMatchObject({
      code: 'RENDER_ERR_BAD_ARGUMENT',
    });
  });
});

describe('aggregateLine', () => {
  const s = makeSeries('a.b', [1, 2, null, 5], 0);

  test('draws a three-point constant line over the request window', async () => {
    const [out] = await invoke('aggregateLine', [[s]], { ctx: { startTime: 100, endTime: 701 } });
    expect(out?.name).toBe('aggregateLine(a.b, 2.66667)');
    expect(out?.tags).toEqual({ name: '2.6666666666666665' });
    expect([out?.start, out?.end, out?.step]).toEqual([100, 701, 300]);
    expect(out?.values).toEqual([8 / 3, 8 / 3, 8 / 3]);
  });

  test('a count prints as an integer and a missing aggregate as None', async () => {
    const [count] = await invoke('aggregateLine', [[s], 'count']);
    expect(count?.name).toBe('aggregateLine(a.b, 3)');
    expect(count?.tags.name).toBe('3');
    const [none] = await invoke('aggregateLine', [[makeSeries('e', [null])], 'max']);
    expect(none?.name).toBe('aggregateLine(e, None)');
    expect(none?.values).toEqual([null, null, null]);
  });

  test('keepStep keeps the series steps and tags', async () => {
    const [out] = await invoke('aggregateLine', [[s], 'max', true]);
    expect(out?.values).toEqual([5, 5, 5, 5]);
    expect(out?.tags).toEqual({ name: 'a.b' });
    expect(out?.step).toBe(60);
  });
});

describe('identity', () => {
  test('each minute holds its own timestamp', async () => {
    const [out] = await invoke('identity', ['t.x'], { ctx: { startTime: 60, endTime: 250 } });
    expect(out?.values).toEqual([60, 120, 180, 240]);
    expect(out?.pathExpression).toBe('identity("t.x")');
    expect([out?.start, out?.end, out?.step]).toEqual([60, 250, 60]);
  });
});

describe('linearRegression', () => {
  test('fits the source window and draws the line over the series steps', async () => {
    const source = new Series({ name: 'l', start: 600, end: 900, step: 60, values: [1, null, 2, 4, 3] });
    const seen: Partial<RequestContext>[] = [];
    const call: Partial<Call> = { evaluateArg: async (_i, c) => (seen.push(c), [source]) };
    const series = makeSeries('l', [0, 0], 1200);
    const [out] = await invoke('linearRegression', [[series], '600', '900'], { call });
    expect(seen).toEqual([{ startTime: 600, endTime: 900 }]);
    expect(out?.name).toBe('linearRegression(l, 600, 900)');
    expect(out?.tags).toEqual({ name: 'l', linearRegressions: '600, 900' });
    const [factor, offset] = [0.010476190476190476, -5.2];
    expect(out?.values[0]).toBeCloseTo(offset + 1200 * factor, 12);
    expect(out?.values[1]).toBeCloseTo(offset + 1260 * factor, 12);
  });

  test('defaults to the request window and skips series flat in time', async () => {
    const seen: Partial<RequestContext>[] = [];
    const one = makeSeries('o', [null, 5, null], 0);
    const call: Partial<Call> = { evaluateArg: async (_i, c) => (seen.push(c), [one]) };
    const out = await invoke('linearRegression', [[one]], { call, ctx: { startTime: 0, endTime: 180 } });
    expect(seen).toEqual([{ startTime: 0, endTime: 180 }]);
    expect(out).toEqual([]);
  });
});

describe('Holt-Winters', () => {
  // graphite-web's holtWintersAnalysis(TimeSeries('h', 0, 600, 60, …), '3min')
  const values = [1, 3, null, 4, 2, 5, null, null, 6, 3];
  const predictions = [1, 1, 1.2007, null, 4.18, 3.781237, 3.90277686705, null, null, 5.9889927419655];
  const deviations = [0, 0.2, 0, 0.4, 0.398, 0.1218763, 0, 0, 0.70968867, 0.29889927419655005];
  const preview = (): Series => makeSeries('h', values, 0);
  const call = (seen: Partial<RequestContext>[] = []): Partial<Call> => ({
    evaluateArg: async (_i, c) => (seen.push(c), [preview()]),
  });

  test('the forecast drops the bootstrap points from the analysis', async () => {
    const seen: Partial<RequestContext>[] = [];
    const [out] = await invoke('holtWintersForecast', [[preview()], '2min', '3min'], {
      ctx: { startTime: 120 },
      call: call(seen),
    });
    expect(seen).toEqual([{ startTime: 0 }]);
    expect(out?.name).toBe('holtWintersForecast(h)');
    expect(out?.tags).toEqual({ name: 'h', holtWintersForecast: '1', holtWintersDeviation: '1' });
    expect(out?.start).toBe(120);
    expect(out?.values.length).toBe(8);
    expect(approx(out?.values ?? [])).toEqual(approx(predictions.slice(2)));
  });

  test('confidence bands are the forecast ± delta × deviation, lower first', async () => {
    const bands = await invoke('holtWintersConfidenceBands', [[preview()], 2, '2min', '3min'], {
      ctx: { startTime: 120 },
      call: call(),
    });
    expect(bands.map((s) => s.name)).toEqual([
      'holtWintersConfidenceLower(h)',
      'holtWintersConfidenceUpper(h)',
    ]);
    expect(bands[0]?.tags).toEqual({
      name: 'h',
      holtWintersForecast: '1',
      holtWintersDeviation: '1',
      holtWintersConfidenceUpper: '1',
      holtWintersConfidenceLower: '1',
    });
    const want = predictions.slice(2).map((p, i) => (p === null ? null : p + 2 * (deviations[i + 2] ?? 0)));
    expect(approx(bands[1]?.values ?? [])).toEqual(approx(want));
    const low = predictions.slice(2).map((p, i) => (p === null ? null : p - 2 * (deviations[i + 2] ?? 0)));
    expect(approx(bands[0]?.values ?? [])).toEqual(approx(low));
  });

  test('aberration is how far the actual points leave the bands', async () => {
    const actual = makeSeries('h', [1, 100, -100, null, 4, 2, 5, null], 120);
    const [out] = await invoke('holtWintersAberration', [[actual], 0, '2min', '3min'], {
      ctx: { startTime: 120 },
      call: call(),
    });
    expect(out?.name).toBe('holtWintersAberration(h)');
    expect(out?.tags).toEqual({ name: 'h', holtWintersAberration: '1' });
    expect(out?.values[0]).toBeCloseTo(1 - 1.2007, 9);
    expect(out?.values[1]).toBe(0);
    expect(out?.values[2]).toBeCloseTo(-100 - 4.18, 9);
    expect(out?.values[3]).toBe(0);
  });

  test('the confidence area renames the bands and stacks them', async () => {
    const bands = await invoke('holtWintersConfidenceArea', [[preview()], 3, '2min', '3min'], {
      ctx: { startTime: 120 },
      call: call(),
    });
    expect(bands.map((s) => s.name)).toEqual([
      'holtWintersConfidenceArea(h)',
      'holtWintersConfidenceArea(h)',
    ]);
    expect(bands[0]?.options).toEqual({ stacked: true, invisible: true });
    expect(bands[1]?.options).toEqual({ stacked: true });
    expect(bands[1]?.tags.holtWintersConfidenceArea).toBe('1');
  });

  test('a seasonality shorter than two steps is refused', async () => {
    await expect(
      invoke('holtWintersForecast', [[preview()], '2min', '1min'], { ctx: { startTime: 120 }, call: call() }),
    ).rejects.toMatchObject({ code: 'RENDER_ERR_BAD_ARGUMENT' });
  });
});
