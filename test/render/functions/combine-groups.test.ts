// Unit tables for the Combine functions that pair, group or map series: divideSeries, asPercent,
// percentileOfSeries, groupByNode(s)/groupByTags, *WithWildcards, *SeriesLists, map/reduce, applyByNode.
import { describe, expect, test } from 'vitest';
import type { Series } from '../../../render/series.js';
import { invoke, makeSeries } from '../helpers.js';

const web = (): Series[] => [
  makeSeries('srv.web1.cpu', [1, 2, null]),
  makeSeries('srv.web1.mem', [10, 20, 30]),
  makeSeries('srv.web2.cpu', [3, 4, 5]),
];

function summary(list: Series[]): [string, (number | null)[]][] {
  return list.map((s) => [s.name, s.points()]);
}

describe('divideSeries and divideSeriesLists', () => {
  test('each dividend is divided by the one divisor; zero and null divisors give null', async () => {
    const out = await invoke('divideSeries', [
      [makeSeries('d.x', [10, 20, 30]), makeSeries('d.y', [1, null, 3])],
      [makeSeries('d.z', [2, 0, null])],
    ]);
    expect(summary(out)).toEqual([
      ['divideSeries(d.x,d.z)', [5, null, null]],
      ['divideSeries(d.y,d.z)', [0.5, null, null]],
    ]);
  });

  test('no divisor series makes every dividend all null and named MISSING', async () => {
    const out = await invoke('divideSeries', [[makeSeries('d.x', [1, 2])], []]);
    expect(summary(out)).toEqual([['divideSeries(d.x,MISSING)', [null, null]]]);
    expect(out[0]?.pathExpression).toBe('divideSeries(d.x,MISSING)');
  });

  test('more than one divisor series is a bad argument', async () => {
    await expect(invoke('divideSeries', [web(), web()])).rejects.toMatchObject({
      code: 'RENDER_ERR_BAD_ARGUMENT',
    });
  });

  test('divideSeriesLists pairs by position and refuses lists of different lengths', async () => {
    const out = await invoke('divideSeriesLists', [web().slice(0, 2), web().slice(1)]);
    expect(out.map((s) => s.name)).toEqual([
      'divideSeries(srv.web1.cpu,srv.web1.mem)',
      'divideSeries(srv.web1.mem,srv.web2.cpu)',
    ]);
    await expect(invoke('divideSeriesLists', [web(), web().slice(1)])).rejects.toMatchObject({
      code: 'RENDER_ERR_BAD_ARGUMENT',
    });
  });
});

describe('asPercent', () => {
  const parts = (): Series[] => [makeSeries('p.a', [1, 3, null]), makeSeries('p.b', [3, 1, 2])];

  test('without a total each series is a percentage of the list sum', async () => {
    expect(summary(await invoke('pct', [parts()]))).toEqual([
      ['asPercent(p.a,sumSeries(p.a,p.b))', [25, 75, null]],
      ['asPercent(p.b,sumSeries(p.a,p.b))', [75, 25, 100]],
    ]);
  });

  test('a number total is printed as Python prints it', async () => {
    expect(summary(await invoke('asPercent', [parts(), 2]))[0]).toEqual([
      'asPercent(p.a,2)',
      [50, 150, null],
    ]);
    expect((await invoke('asPercent', [parts(), 0.5]))[0]?.name).toBe('asPercent(p.a,0.5)');
  });

  test('a single total series divides every series', async () => {
    const out = await invoke('asPercent', [parts(), [makeSeries('p.t', [4, 0, 4])]]);
    expect(summary(out)).toEqual([
      ['asPercent(p.a,p.t)', [25, null, null]],
      ['asPercent(p.b,p.t)', [75, null, 50]],
    ]);
  });

  test('a total list of the same length is matched by sorted name', async () => {
    const totals = [makeSeries('t.2', [6, 6, 6]), makeSeries('t.1', [2, 2, 2])];
    const out = await invoke('asPercent', [[parts()[1] as Series, parts()[0] as Series], totals]);
    expect(out.map((s) => s.name)).toEqual(['asPercent(p.a,t.1)', 'asPercent(p.b,t.2)']);
  });

  test('a total list of another length is a bad argument', async () => {
    await expect(invoke('asPercent', [web(), parts()])).rejects.toMatchObject({
      code: 'RENDER_ERR_BAD_ARGUMENT',
    });
  });

  test('with nodes, series are matched to totals by key and unmatched ones are MISSING', async () => {
    const totals = [makeSeries('tot.web1', [100, 100, 100]), makeSeries('tot.web3', [1, 1, 1])];
    const out = await invoke('asPercent', [web(), totals, 1]);
    expect(summary(out)).toEqual([
      ['asPercent(srv.web1.cpu,tot.web1)', [1, 2, null]],
      ['asPercent(srv.web1.mem,tot.web1)', [10, 20, 30]],
      ['asPercent(srv.web2.cpu,MISSING)', [null, null, null]],
      ['asPercent(MISSING,tot.web3)', [null, null, null]],
    ]);
  });

  test('with nodes and no total, each group is a percentage of its own sum', async () => {
    const out = await invoke('asPercent', [web(), null, 1]);
    expect(summary(out)).toEqual([
      ['asPercent(srv.web1.cpu,sumSeries(srv.web1.cpu,srv.web1.mem))', [100 / 11, 100 / 11, null]],
      ['asPercent(srv.web1.mem,sumSeries(srv.web1.cpu,srv.web1.mem))', [1000 / 11, 2000 / 22, 100]],
      ['asPercent(srv.web2.cpu,srv.web2.cpu)', [100, 100, 100]],
    ]);
  });

  test('with nodes a number total is a bad argument', async () => {
    await expect(invoke('asPercent', [web(), 100, 1])).rejects.toMatchObject({
      code: 'RENDER_ERR_BAD_ARGUMENT',
    });
  });

  test('an empty list gives no result', async () => {
    expect(await invoke('asPercent', [[], 100])).toEqual([]);
  });
});

describe('percentileOfSeries', () => {
  const list = (): Series[] => [1, 2, 3, 4].map((v) => makeSeries(`q.s${v}`, [v, v * 10, null]));

  test('picks a value of one of the series unless asked to interpolate', async () => {
    expect(summary(await invoke('percentileOfSeries', [list(), 50]))).toEqual([
      ['percentileOfSeries(q.s1,50)', [3, 30, null]],
    ]);
    expect((await invoke('percentileOfSeries', [list(), 50, true]))[0]?.points()).toEqual([2.5, 25, null]);
    expect((await invoke('percentileOfSeries', [list(), 99.5]))[0]?.points()).toEqual([4, 40, null]);
  });

  test('a percent of 0 or less is a bad argument', async () => {
    await expect(invoke('percentileOfSeries', [list(), 0])).rejects.toMatchObject({
      code: 'RENDER_ERR_BAD_ARGUMENT',
    });
  });
});

describe('groupByNode, groupByNodes and groupByTags', () => {
  test('groups by node and names each result by its key, averaging by default', async () => {
    expect(summary(await invoke('groupByNode', [web(), 1]))).toEqual([
      ['web1', [5.5, 11, 30]],
      ['web2', [3, 4, 5]],
    ]);
  });

  test('an aggFunc callback aggregates and keeps the aggregate tags', async () => {
    const [out] = await invoke('groupByNode', [web(), 2, 'count']);
    expect([out?.name, out?.points(), out?.tags]).toEqual([
      'cpu',
      [2, 2, 1],
      { name: 'countSeries(srv.web1.cpu,srv.web2.cpu)', aggregatedBy: 'count' },
    ]);
  });

  test('a series-function callback runs that function on the group', async () => {
    const calls: string[] = [];
    const [out] = await invoke('groupByNode', [web(), 2, 'countSeries'], {
      call: {
        callFunction: async (name, args) => {
          calls.push(name);
          return invoke(name, args);
        },
      },
    });
    expect(calls).toEqual(['countSeries', 'countSeries']);
    expect([out?.name, out?.points()]).toEqual(['cpu', [2, 2, 2]]);
  });

  test('groupByNodes joins several nodes and tags with dots', async () => {
    const out = await invoke('groupByNodes', [web(), 'sum', 2, 0]);
    expect(out.map((s) => s.name)).toEqual(['cpu.srv', 'mem.srv']);
    const tagged = await invoke('groupByNodes', [[makeSeries('m;dc=x', [1])], 'sum', 'dc', 0]);
    expect(tagged[0]?.name).toBe('x.m');
  });

  test('groupByTags names results as tagged series after the common name or the callback', async () => {
    const list = [
      makeSeries('cpu;dc=a;h=1', [1]),
      makeSeries('cpu;dc=a;h=2', [2]),
      makeSeries('mem;dc=b', [4]),
    ];
    const out = await invoke('groupByTags', [list, 'sum', 'dc']);
    expect(summary(out)).toEqual([
      ['sum;dc=a', [3]],
      ['sum;dc=b', [4]],
    ]);
    expect([out[0]?.tags, out[0]?.pathExpression]).toEqual([{ dc: 'a', name: 'sum' }, 'sum;dc=a']);
    const same = await invoke('groupByTags', [list.slice(0, 2), 'max', 'h', 'dc']);
    expect(same.map((s) => s.name)).toEqual(['cpu;dc=a;h=1', 'cpu;dc=a;h=2']);
    const byName = await invoke('groupByTags', [list, 'sum', 'name']);
    expect(byName.map((s) => s.name)).toEqual(['cpu', 'mem']);
  });
});

describe('wildcards and series lists', () => {
  test('*WithWildcards groups by the name without the given nodes', async () => {
    expect(summary(await invoke('sumSeriesWithWildcards', [web(), 1]))).toEqual([
      ['srv.cpu', [4, 6, 5]],
      ['srv.mem', [10, 20, 30]],
    ]);
    const [out] = await invoke('aggregateWithWildcards', [web(), 'max', 1, 2]);
    expect([out?.name, out?.points(), out?.tags.aggregatedBy]).toEqual(['srv', [10, 20, 30], 'max']);
    expect((await invoke('multiplySeriesWithWildcards', [web(), 2]))[0]?.points()).toEqual([10, 40, null]);
    expect((await invoke('averageSeriesWithWildcards', [web(), 1]))[0]?.points()).toEqual([2, 3, 5]);
  });

  test('*SeriesLists combine the n-th series of both lists and name them after both', async () => {
    const out = await invoke('aggregateSeriesLists', [web().slice(0, 2), web().slice(1), 'diff']);
    expect(summary(out)).toEqual([
      ['diffSeries(srv.web1.cpu,srv.web1.mem)', [-9, -18, 30]],
      ['diffSeries(srv.web1.mem,srv.web2.cpu)', [7, 16, 25]],
    ]);
    expect((await invoke('sumSeriesLists', [web(), web()]))[1]?.name).toBe(
      'sumSeries(srv.web1.mem,srv.web1.mem)',
    );
    await expect(invoke('multiplySeriesLists', [web(), []])).rejects.toMatchObject({
      code: 'RENDER_ERR_BAD_ARGUMENT',
    });
  });

  test('group joins lists in order', async () => {
    expect((await invoke('group', [web().slice(0, 1), [], web().slice(2)])).map((s) => s.name)).toEqual([
      'srv.web1.cpu',
      'srv.web2.cpu',
    ]);
  });
});
