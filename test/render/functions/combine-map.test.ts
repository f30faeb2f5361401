// Unit tables for mapSeries/reduceSeries, weightedAverage and applyByNode (call.evaluateTarget stubbed).
import { describe, expect, test } from 'vitest';
import type { Series } from '../../../render/series.js';
import { invoke, makeSeries } from '../helpers.js';

const disks = (): Series[] => [
  makeSeries('srv.s1.disk.used', [1, 2]),
  makeSeries('srv.s1.disk.total', [4, 4]),
  makeSeries('srv.s2.disk.total', [10, 10]),
  makeSeries('srv.s2.disk.used', [5, null]),
];

describe('mapSeries and reduceSeries', () => {
  test('mapSeries splits the list by node value, in order of first appearance', async () => {
    const lists = (await invoke('map', [disks(), 1])) as unknown as Series[][];
    expect(lists.map((l) => l.map((s) => s.name))).toEqual([
      ['srv.s1.disk.used', 'srv.s1.disk.total'],
      ['srv.s2.disk.total', 'srv.s2.disk.used'],
    ]);
  });

  test('reduceSeries calls the function with the matched series in matcher order', async () => {
    const lists = (await invoke('mapSeries', [disks(), 1])) as unknown as Series[][];
    const out = await invoke('reduce', [lists, 'asPercent', 3, 'used', 'total']);
    expect(out.map((s) => [s.name, s.points()])).toEqual([
      ['srv.s1.disk.reduce.asPercent', [25, 50]],
      ['srv.s2.disk.reduce.asPercent', [50, null]],
    ]);
    expect(out[0]?.tags.name).toBe('asPercent(srv.s1.disk.used,srv.s1.disk.total)');
  });

  test('reduceSeries counts a negative reduceNode from the end', async () => {
    const out = await invoke('reduceSeries', [[disks()], 'diffSeries', -1, 'total', 'used']);
    expect(out.map((s) => [s.name, s.points()])).toEqual([
      ['srv.s1.disk.reduce.diffSeries', [3, 2]],
      ['srv.s2.disk.reduce.diffSeries', [5, 10]],
    ]);
  });
});

describe('weightedAverage', () => {
  test('sums value × weight over the paired series and divides by the sum of weights', async () => {
    const avgs = [makeSeries('lat.a', [1, 2]), makeSeries('lat.b', [3, null])];
    const weights = [makeSeries('cnt.b', [3, 1]), makeSeries('cnt.a', [1, 1])];
    const [out] = await invoke('weightedAverage', [avgs, weights, 1]);
    expect([out?.name, out?.points()]).toEqual(['weightedAverage(lat.a,lat.b, cnt.a,cnt.b, 1)', [2.5, 1]]);
  });

  test('lists of different lengths are a bad argument and no pairs give no result', async () => {
    await expect(invoke('weightedAverage', [[makeSeries('x.a', [1])], []])).rejects.toMatchObject({
      code: 'RENDER_ERR_BAD_ARGUMENT',
    });
    const none = await invoke('weightedAverage', [[makeSeries('x.a', [1])], [makeSeries('y.b', [1])], 1]);
    expect(none).toEqual([]);
  });
});

describe('applyByNode', () => {
  test('evaluates the template once per sorted prefix and renames the results', async () => {
    const targets: string[] = [];
    const out = await invoke('applyByNode', [disks().slice(1), 1, 'sumSeries(%.disk.*)', '%.sum'], {
      call: {
        evaluateTarget: async (target) => {
          targets.push(target);
          return [makeSeries(`sumSeries(${target})`, [1], 500, 60)];
        },
      },
    });
    expect(targets).toEqual(['sumSeries(srv.s1.disk.*)', 'sumSeries(srv.s2.disk.*)']);
    expect(out.map((s) => [s.name, s.pathExpression, s.start, s.end])).toEqual([
      ['srv.s1.sum', 'srv.s1', 0, 120],
      ['srv.s2.sum', 'srv.s2', 0, 120],
    ]);
  });

  test('no input series evaluates nothing', async () => {
    expect(await invoke('applyByNode', [[], 1, 'x(%)'])).toEqual([]);
  });
});
