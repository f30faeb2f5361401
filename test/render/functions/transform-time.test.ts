// Unit tables for the time-moving Transform functions (graphite-web functions.py timeShift, timeStack,
// timeSlice) with call.evaluateArg stubbed, and the generated series (timeFunction, sinFunction,
// randomWalkFunction and their short names).
import { describe, expect, test } from 'vitest';
import type { RequestContext } from '../../../render/context.js';
import type { Series } from '../../../render/series.js';
import { invoke, makeSeries } from '../helpers.js';

/** An evaluateArg stub that records the windows asked for and answers a series over each. */
function refetch(asked: Partial<RequestContext>[], values = [1, 2, 3]) {
  return async (index: number, changes: Partial<RequestContext>): Promise<Series[]> => {
    expect(index).toBe(0);
    asked.push(changes);
    const s = makeSeries('a.b', values, (changes.startTime ?? 0) + 60, 60);
    s.pathExpression = 'a.*';
    return [s];
  };
}

const original = (): Series[] => [makeSeries('a.b', [9, 9, 9, 9], 1060, 60)];
const ctx = { startTime: 1000, endTime: 1240 };

describe('timeShift', () => {
  test.each([
    ['5min', '-5min', -300],
    ['-5min', '-5min', -300],
    ['+5min', '+5min', 300],
  ])('a shift of %s re-fetches %s away and draws it over the original window', async (arg, signed, delta) => {
    const asked: Partial<RequestContext>[] = [];
    const [s] = await invoke('timeShift', [original(), arg], { ctx, call: { evaluateArg: refetch(asked) } });
    expect(asked).toEqual([{ startTime: 1000 + delta, endTime: 1240 + delta }]);
    expect(s?.name).toBe(`timeShift(a.b, "${signed}")`);
    expect(s?.tags).toEqual({ name: 'a.b', timeShift: signed });
    expect(s?.pathExpression).toBe('a.*');
    expect([s?.start, s?.end]).toEqual([1060, 1300]);
    expect(s?.values).toEqual([1, 2, 3]);
  });

  test('resetEnd=false keeps the shifted series own length', async () => {
    const [s] = await invoke('timeShift', [original(), '1h', false], {
      ctx,
      call: { evaluateArg: refetch([]) },
    });
    expect([s?.start, s?.end]).toEqual([1060, 1240]);
  });

  test('an empty seriesList answers nothing without re-fetching', async () => {
    const asked: Partial<RequestContext>[] = [];
    expect(await invoke('timeShift', [[], '1h'], { ctx, call: { evaluateArg: refetch(asked) } })).toEqual([]);
    expect(asked).toEqual([]);
  });

  test('alignDst moves the shifted window an hour when only the request lies in DST', async () => {
    const july = 1688169600;
    const asked: Partial<RequestContext>[] = [];
    await invoke('timeShift', [original(), '180d', true, true], {
      ctx: { startTime: july, endTime: july + 3600, tz: 'America/New_York' },
      call: { evaluateArg: refetch(asked) },
    });
    const delta = -180 * 86400 + 3600;
    expect(asked).toEqual([{ startTime: july + delta, endTime: july + 3600 + delta }]);
  });

  test('alignDst changes nothing in UTC', async () => {
    const asked: Partial<RequestContext>[] = [];
    await invoke('timeShift', [original(), '1d', true, true], { ctx, call: { evaluateArg: refetch(asked) } });
    expect(asked).toEqual([{ startTime: 1000 - 86400, endTime: 1240 - 86400 }]);
  });
});

describe('timeStack', () => {
  test('re-fetches once per shift from timeShiftStart up to timeShiftEnd', async () => {
    const asked: Partial<RequestContext>[] = [];
    const out = await invoke('timeStack', [original(), '10min', 0, 3], {
      ctx,
      call: { evaluateArg: refetch(asked) },
    });
    expect(asked.map((c) => c.startTime)).toEqual([1000, 400, -200]);
    expect(out.map((s) => s.name)).toEqual([
      'timeShift(a.b, -10min, 0)',
      'timeShift(a.b, -10min, 1)',
      'timeShift(a.b, -10min, 2)',
    ]);
    expect(out[1]?.tags).toEqual({ name: 'a.b', timeShiftUnit: '-10min', timeShift: '1' });
    expect(out[1]?.pathExpression).toBe(out[1]?.name);
    expect(out.map((s) => [s.start, s.end])).toEqual([
      [1060, 1300],
      [1060, 1300],
      [1060, 1300],
    ]);
  });

  test('defaults to seven days back, one day apart', async () => {
    const asked: Partial<RequestContext>[] = [];
    const out = await invoke('timeStack', [original()], { ctx, call: { evaluateArg: refetch(asked) } });
    expect(out).toHaveLength(7);
    expect(asked.at(-1)?.startTime).toBe(1000 - 6 * 86400);
  });
});

describe('timeSlice', () => {
  test('nulls the points outside [start, end], dating them from the request start', async () => {
    const [s] = await invoke('timeSlice', [[makeSeries('a.b', [1, 2, 3, 4, 5], 60, 60)], '120', '240'], {
      ctx: { startTime: 0, endTime: 360 },
    });
    expect(s?.values).toEqual([null, null, 3, 4, 5]);
    expect(s?.name).toBe('timeSlice(a.b, 120, 240)');
    expect(s?.tags).toEqual({ name: 'a.b', timeSliceStart: '120', timeSliceEnd: '240' });
    expect(s?.pathExpression).toBe('a.b');
  });

  test('reads dates like from/until, relative to the request now', async () => {
    const [s] = await invoke('timeSlice', [[makeSeries('a.b', [1, 2, 3], 0, 60)], '-2min'], {
      ctx: { startTime: 0, endTime: 180, now: 180 },
    });
    expect(s?.name).toBe('timeSlice(a.b, 60, 180)');
    expect(s?.values).toEqual([null, 2, 3]);
  });
});

describe('generated series', () => {
  test.each(['time', 'timeFunction'])(
    '%s gives each step its own timestamp from the request start',
    async (fn) => {
      const [s] = await invoke(fn, ['the.time'], { ctx: { startTime: 30, endTime: 300, xFilesFactor: 0.3 } });
      expect(s?.values).toEqual([30, 90, 150, 210, 270]);
      expect([s?.name, s?.start, s?.end, s?.step, s?.xFilesFactor]).toEqual(['the.time', 30, 300, 60, 0.3]);
    },
  );

  test('a tagged name is parsed into tags', async () => {
    const [s] = await invoke('time', ['a.b;x=y', 120]);
    expect(s?.tags).toEqual({ name: 'a.b', x: 'y' });
    expect(s?.values).toHaveLength(5);
  });

  test.each(['sin', 'sinFunction'])('%s is the sine of the timestamp times the amplitude', async (fn) => {
    const [s] = await invoke(fn, ['s', 3, 120], { ctx: { startTime: 0, endTime: 600 } });
    expect(s?.values).toEqual([0, 120, 240, 360, 480].map((t) => Math.sin(t) * 3));
    expect(s?.step).toBe(120);
  });

  test.each(['randomWalk', 'randomWalkFunction'])(
    '%s starts at 0 and moves less than 0.5 a step',
    async (fn) => {
      const [s] = await invoke(fn, ['walk']);
      const values = s?.values as number[];
      expect(values).toHaveLength(10);
      expect(values[0]).toBe(0);
      const steps = values.slice(1).map((v, i) => v - (values[i] as number));
      expect(steps.every((d) => d >= -0.5 && d < 0.5)).toBe(true);
      expect([s?.name, s?.start, s?.end, s?.step]).toEqual(['walk', 0, 600, 60]);
    },
  );

  test('a step that does not advance is refused (graphite-web would loop forever)', async () => {
    await expect(invoke('time', ['t', 0])).rejects.toMatchObject({ code: 'RENDER_ERR_BAD_ARGUMENT' });
    await expect(invoke('randomWalk', ['t', -60])).rejects.toMatchObject({ code: 'RENDER_ERR_BAD_ARGUMENT' });
  });
});
