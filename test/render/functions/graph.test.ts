// Unit tables for the Graph functions (graphite-web functions.py secondYAxis, stacked, alpha, areaBetween,
// color, dashed, drawAsInfinite, lineWidth, threshold, verticalLine): options set, names and tags as
// graphite-web builds them, values passed through (stacked sums them).
import { describe, expect, test } from 'vitest';
import type { Series } from '../../../render/series.js';
import { invoke, makeContext, makeSeries } from '../helpers.js';

const two = (): Series[] => [makeSeries('a.b', [1, null, 3]), makeSeries('a.c', [10, 20, null])];

describe('options-only functions', () => {
  test.each([
    ['alpha', [0.3], { alpha: 0.3 }],
    ['color', ['red'], { color: 'red' }],
    ['lineWidth', [2.5], { lineWidth: 2.5 }],
  ])('%s sets %j and leaves name, tags and values alone', async (fn, args, options) => {
    const out = await invoke(fn, [two(), ...args]);
    expect(out.map((s) => s.options)).toEqual([options, options]);
    expect(out.map((s) => s.name)).toEqual(['a.b', 'a.c']);
    expect(out.map((s) => s.tags)).toEqual([{ name: 'a.b' }, { name: 'a.c' }]);
    expect(out.map((s) => s.values)).toEqual([
      [1, null, 3],
      [10, 20, null],
    ]);
  });

  test('options accumulate through nested graph functions', async () => {
    const colored = await invoke('color', [two(), 'blue']);
    const [out] = await invoke('lineWidth', [colored, 3]);
    expect(out?.options).toEqual({ color: 'blue', lineWidth: 3 });
  });
});

describe('renaming graph functions', () => {
  test.each([
    ['secondYAxis', [], 'secondYAxis(a.b)', { secondYAxis: '1' }, { secondYAxis: true }],
    ['drawAsInfinite', [], 'drawAsInfinite(a.b)', { drawAsInfinite: '1' }, { drawAsInfinite: true }],
    ['dashed', [], 'dashed(a.b, 5)', { dashed: '5' }, { dashed: 5 }],
    ['dashed', [2], 'dashed(a.b, 2)', { dashed: '2' }, { dashed: 2 }],
  ])('%s%j names %s, tags %j and sets %j', async (fn, args, name, tags, options) => {
    const [out] = await invoke(fn, [[makeSeries('a.b', [1, 2])], ...args]);
    expect(out?.name).toBe(name);
    expect(out?.pathExpression).toBe('a.b');
    expect(out?.tags).toEqual({ name: 'a.b', ...tags });
    expect(out?.options).toEqual(options);
    expect(out?.values).toEqual([1, 2]);
  });

  test('dashed refuses a non-integer length', async () => {
    await expect(invoke('dashed', [[makeSeries('a', [1])], 2.5])).rejects.toMatchObject({
      code: 'RENDER_ERR_BAD_ARGUMENT',
    });
  });
});

describe('stacked', () => {
  test('stacks each series on the running total; nulls stay null and add nothing', async () => {
    const out = await invoke('stacked', [two()]);
    expect(out.map((s) => s.values)).toEqual([
      [1, null, 3],
      [11, 20, null],
    ]);
    expect(out.map((s) => s.name)).toEqual(['stacked(a.b)', 'stacked(a.c)']);
    expect(out[0]?.tags).toEqual({ name: 'a.b', stacked: '__DEFAULT__' });
    expect(out[0]?.options).toEqual({ stacked: true });
  });

  test('a named stack keeps the names and totals apart from the default stack', async () => {
    const ctx = makeContext();
    await invoke('stacked', [[makeSeries('x', [100, 100])]], { call: { ctx } });
    const named = await invoke('stacked', [two(), 'tx'], { call: { ctx } });
    expect(named.map((s) => s.name)).toEqual(['a.b', 'a.c']);
    expect(named[0]?.tags).toEqual({ name: 'a.b' });
    expect(named.map((s) => s.values)).toEqual([
      [1, null, 3],
      [11, 20, null],
    ]);
  });

  test('totals carry over to later calls in the same request, as graphite-web keeps them per request', async () => {
    const ctx = makeContext();
    await invoke('stacked', [[makeSeries('x', [100, 100])]], { call: { ctx } });
    const [out] = await invoke('stacked', [[makeSeries('y', [1, 2, 3])]], { call: { ctx } });
    expect(out?.values).toEqual([101, 102, 3]);
    const [fresh] = await invoke('stacked', [[makeSeries('y', [1, 2, 3])]]);
    expect(fresh?.values).toEqual([1, 2, 3]);
  });
});

describe('areaBetween', () => {
  test('names both series after the upper one and shares its tags', async () => {
    const lower = makeSeries('lat.min', [1, 2]);
    const upper = makeSeries('lat.max', [5, 6]);
    upper.pathExpression = 'lat.{min,max}';
    const out = await invoke('areaBetween', [[lower, upper]]);
    expect(out.map((s) => s.name)).toEqual(['areaBetween(lat.{min,max})', 'areaBetween(lat.{min,max})']);
    expect(out.map((s) => s.tags)).toEqual([
      { name: 'lat.max', areaBetween: '1' },
      { name: 'lat.max', areaBetween: '1' },
    ]);
    expect(out.map((s) => s.options)).toEqual([{ stacked: true, invisible: true }, { stacked: true }]);
    expect(out.map((s) => s.values)).toEqual([
      [1, 2],
      [5, 6],
    ]);
  });

  test.each([1, 3])('a list of %i series is a bad argument', async (n) => {
    const list = Array.from({ length: n }, (_, i) => makeSeries(`s${i}`, [1]));
    await expect(invoke('areaBetween', [list])).rejects.toMatchObject({ code: 'RENDER_ERR_BAD_ARGUMENT' });
  });
});

describe('threshold', () => {
  test('is constantLine named by the label and drawn in the color; tags keep the value name', async () => {
    const [out] = await invoke('threshold', [5, 'limit', 'red'], { ctx: { startTime: 0, endTime: 600 } });
    expect(out?.name).toBe('limit');
    expect(out?.tags).toEqual({ name: '5.0' });
    expect(out?.options).toEqual({ color: 'red' });
    expect(out?.datapoints()).toEqual([
      [5, 0],
      [5, 300],
      [5, 600],
    ]);
  });

  test('without a label it is named like constantLine', async () => {
    const [out] = await invoke('threshold', [1.5]);
    expect(out?.name).toBe('1.5');
  });
});

describe('verticalLine', () => {
  const ctx = { startTime: 1700002800, endTime: 1700006400, now: 1700006400 };
  test('is one point of 1 at the timestamp, drawn as infinite, named by the label', async () => {
    const [out] = await invoke('verticalLine', ['1700004000', 'deploy', 'blue'], { ctx });
    expect(out?.name).toBe('deploy');
    expect(out?.datapoints()).toEqual([[1, 1700004000]]);
    expect(out?.options).toEqual({ drawAsInfinite: true, color: 'blue' });
  });

  test('a relative time is read against the request now', async () => {
    const [out] = await invoke('verticalLine', ['-10min'], { ctx });
    expect(out?.datapoints()).toEqual([[1, 1700005800]]);
    expect(out?.tags).toEqual({ name: 'None' });
  });

  test.each([
    ['1700000000', 'before start'],
    ['1700009000', 'after end'],
  ])('a timestamp outside the window (%s) is a bad argument', async (ts, where) => {
    await expect(invoke('verticalLine', [ts], { ctx })).rejects.toMatchObject({
      code: 'RENDER_ERR_BAD_ARGUMENT',
      message: expect.stringContaining(where),
    });
  });
});
