// Unit tables for the Combine aggregators (aggregate, sumSeries & co., normalize) over in-memory series.
import { describe, expect, test } from 'vitest';
import { lcm, normalize, zipRows } from '../../../render/functions/common/normalize.js';
import { functionInfo } from '../../../render/functions/registry.js';
import type { Series } from '../../../render/series.js';
import fixture from '../../fixtures/render/graphite-web-functions.json' with { type: 'json' };
import { invoke, makeSeries, registry } from '../helpers.js';

const a = (): Series => makeSeries('a.b', [1, 2, null, 4]);
const b = (): Series => makeSeries('a.c', [10, null, null, 40]);

function summary(list: Series[]): { name: string; values: (number | null)[] }[] {
  return list.map((s) => ({ name: s.name, values: s.points() }));
}

describe('normalize', () => {
  test('lcm of equal steps is the step and of different steps their least common multiple', () => {
    expect([lcm(60, 60), lcm(10, 60), lcm(60, 45), lcm(7, 3)]).toEqual([60, 60, 180, 21]);
  });

  test('normalize answers null when there are no series at all', () => {
    expect(normalize([])).toBeNull();
    expect(normalize([[], []])).toBeNull();
  });

  test('normalize consolidates each series to the common step and trims the end to whole steps', () => {
    const fine = makeSeries('x.fine', [1, 2, 3, 4, 5, 6, 7, 8, 9], 10, 10);
    const coarse = makeSeries('x.coarse', [1, 2], 30, 30);
    const n = normalize([[fine], [coarse]]);
    expect(n).toMatchObject({ start: 10, end: 100, step: 30 });
    expect(fine.valuesPerPoint).toBe(3);
    expect(fine.points()).toEqual([2, 5, 8]);
  });

  test('consolidation follows each series consolidationFunc', () => {
    const fine = makeSeries('x.fine', [1, 2, 3, 4, 5, 6], 0, 10);
    fine.consolidationFunc = 'max';
    normalize([[fine, makeSeries('x.coarse', [0], 0, 60)]]);
    expect(fine.points()).toEqual([6]);
  });

  test('rows are zipped by index and missing values are null', () => {
    expect(zipRows([makeSeries('p', [1, 2]), makeSeries('q', [3])])).toEqual([
      [1, 3],
      [2, null],
    ]);
  });
});

describe('aggregate and the <agg>Series functions', () => {
  test.each([
    ['sumSeries', [11, 2, null, 44]],
    ['averageSeries', [5.5, 2, null, 22]],
    ['maxSeries', [10, 2, null, 40]],
    ['minSeries', [1, 2, null, 4]],
    ['diffSeries', [-9, 2, null, -36]],
    ['rangeOfSeries', [9, 0, null, 36]],
    ['stddevSeries', [4.5, 0, null, 18]],
    ['multiplySeries', [10, null, null, 160]],
  ])('%s combines rows point by point', async (name, values) => {
    const [out] = await invoke(name, [[a(), b()]]);
    expect(out?.points()).toEqual(values);
  });

  test('the name lists the distinct path expressions in order of appearance', async () => {
    const x = a();
    const y = b();
    x.pathExpression = 'a.*';
    y.pathExpression = 'a.*';
    const z = makeSeries('q.r', [1, 1, 1, 1]);
    const [out] = await invoke('sumSeries', [[x, y], [z]]);
    expect(out?.name).toBe('sumSeries(a.*,q.r)');
  });

  test('tags are the ones all inputs share, the name and aggregatedBy', async () => {
    const x = makeSeries('cpu;dc=1;host=a', [1]);
    const y = makeSeries('cpu;dc=1;host=b', [2]);
    const [out] = await invoke('sumSeries', [[x, y]]);
    expect(out?.tags).toEqual({ dc: '1', name: 'cpu', aggregatedBy: 'sum' });
    const [mixed] = await invoke('avg', [[x, makeSeries('mem;dc=1', [1])]]);
    expect(mixed?.tags).toEqual({
      dc: '1',
      name: 'averageSeries(cpu;dc=1;host=a,mem;dc=1)',
      aggregatedBy: 'average',
    });
  });

  test('aggregate names the result after the aggFunc, without a Series suffix', async () => {
    const [bySum] = await invoke('aggregate', [[a(), b()], 'sumSeries']);
    const [byAlias] = await invoke('aggregate', [[a(), b()], 'avg']);
    expect([bySum?.name, bySum?.tags.aggregatedBy]).toEqual(['sumSeries(a.b,a.c)', 'sum']);
    expect([byAlias?.name, byAlias?.tags.aggregatedBy]).toEqual(['avgSeries(a.b,a.c)', 'avg']);
  });

  test('xFilesFactor comes from the argument, else from the request', async () => {
    const [strict] = await invoke('aggregate', [[a(), b()], 'sum', 1]);
    expect(strict?.points()).toEqual([11, null, null, 44]);
    expect(strict?.xFilesFactor).toBe(1);
    const [fromRequest] = await invoke('sumSeries', [[a(), b()]], { ctx: { xFilesFactor: 0.6 } });
    expect(fromRequest?.points()).toEqual([11, null, null, 44]);
  });

  test('an unknown aggregation function is a bad argument', async () => {
    await expect(invoke('aggregate', [[a()], 'bogus'])).rejects.toMatchObject({
      code: 'RENDER_ERR_BAD_ARGUMENT',
    });
  });

  test('no series at all gives no result', async () => {
    expect(await invoke('sumSeries', [[]])).toEqual([]);
    expect(await invoke('aggregate', [[], 'max'])).toEqual([]);
  });

  test('mixed steps combine on the coarsest common step from the earliest start', async () => {
    const fine = makeSeries('m.fine', [1, 2, 3, 4, 5, 6], 0, 10);
    const coarse = makeSeries('m.coarse', [100], 0, 60);
    const [out] = await invoke('sumSeries', [[fine, coarse]]);
    expect([out?.step, out?.start, out?.end, out?.points()]).toEqual([60, 0, 60, [103.5]]);
  });

  test('multiplySeries of one series returns that series unchanged', async () => {
    const only = a();
    expect(await invoke('multiplySeries', [[only]])).toEqual([only]);
  });

  test('countSeries counts the series at every point, nulls included', async () => {
    const [out] = await invoke('countSeries', [[a(), b()]]);
    expect(summary([out as Series])).toEqual([{ name: 'countSeries(a.b,a.c)', values: [2, 2, 2, 2] }]);
  });

  test('countSeries without arguments is a three-point line at 0 over the request', async () => {
    const [out] = await invoke('countSeries', [], { ctx: { startTime: 100, endTime: 700 } });
    expect([out?.name, out?.start, out?.step, out?.pathExpression, out?.values]).toEqual([
      '0',
      100,
      300,
      'countSeries()',
      [0, 0, 0],
    ]);
  });

  test('powSeries raises left to right and is null where Python math.pow fails', async () => {
    const base = makeSeries('p.base', [2, -8, 0, 3, null]);
    const exp = makeSeries('p.exp', [3, 0.5, -1, 2, 1]);
    const [out] = await invoke('powSeries', [[base, exp]]);
    expect(out?.name).toBe('powSeries(p.base,p.exp)');
    expect(out?.points()).toEqual([8, null, null, 9, null]);
  });
});

describe('metadata', () => {
  const gw = fixture as Record<string, { group: string; params: { type: string; options?: string[] }[] }>;
  const combine = registry.all().filter((d) => d.group === 'Combine');
  const agg = new Set(gw.groupByNode?.params[2]?.options ?? []);

  test('every Combine function of graphite-web is registered, in the Combine group', () => {
    const expected = Object.keys(gw).filter((n) => gw[n]?.group === 'Combine');
    expect(combine.map((d) => d.name).sort()).toEqual(expected.sort());
  });

  test("signatures and params are graphite-web's", () => {
    for (const def of combine) {
      const info = functionInfo(def, registry);
      const want = gw[def.name] as unknown as Record<string, unknown>;
      expect([info.function, info.params], def.name).toEqual([want.function, want.params]);
    }
  });

  test('aggregator is set exactly where graphite-web offers the function as a callback', () => {
    expect(combine.filter((d) => d.aggregator).map((d) => d.name)).toEqual(
      combine.filter((d) => agg.has(d.name)).map((d) => d.name),
    );
  });
});
