// Unit tables for the Alias functions (graphite-web functions.py alias, aliasSub, aliasByNode, aliasByTags,
// aliasByMetric, aliasQuery, legendValue): names exactly as graphite-web builds them.
import { describe, expect, test } from 'vitest';
import { RenderError } from '../../../render/errors.js';
import { Series } from '../../../render/series.js';
import { compileRenderRegex } from '../../../storage/index.js';
import { invoke, makeSeries } from '../helpers.js';

const ctx = { regex: compileRenderRegex };
const names = (list: Series[]): string[] => list.map((s) => s.name);

describe('alias', () => {
  test('renames every series and keeps tags, path expression, values and graph options', async () => {
    const a = makeSeries('a.b.c', [1, null, 3]);
    a.options.color = 'red';
    const [out] = await invoke('alias', [[a], 'Large Blue']);
    expect(out?.name).toBe('Large Blue');
    expect(out?.tags).toEqual({ name: 'a.b.c' });
    expect(out?.pathExpression).toBe('a.b.c');
    expect(out?.values).toEqual([1, null, 3]);
    expect(out?.options).toEqual({ color: 'red' });
  });
});

describe('aliasSub', () => {
  test.each([
    ['(^.*$)', '\\1 A', 'render.web1.requests.count', 'render.web1.requests.count A'],
    ['^.*TCP(\\d+)', '\\1', 'ip.host.TCP80', '80'],
    ['web(\\d)', 'host-\\1', 'render.web1.web2', 'render.host-1.host-2'],
    ['(?P<h>web\\d)', '\\g<h>!', 'a.web3.b', 'a.web3!.b'],
    ['nomatch', 'x', 'a.b', 'a.b'],
    ['\\.', '_', 'a.b.c', 'a_b_c'],
  ])('re.sub(%j, %j) turns %s into %s', async (search, replace, name, want) => {
    const out = await invoke('aliasSub', [[makeSeries(name, [1])], search, replace], { ctx });
    expect(names(out)).toEqual([want]);
  });

  test.each([
    ['(', 'x'],
    ['(a)', '\\2'],
    ['(a)', '\\q'],
  ])('search %j with replace %j is a RENDER_ERR_BAD_REGEX', async (search, replace) => {
    await expect(
      invoke('aliasSub', [[makeSeries('a', [1])], search, replace], { ctx }),
    ).rejects.toMatchObject({
      code: 'RENDER_ERR_BAD_REGEX',
    });
  });
});

describe('aliasByNode', () => {
  const tagged = new Series({ name: 'cpu.load;dc=dc1;server=s1', start: 0, end: 60, step: 60, values: [1] });
  test.each([
    ['a.b.c.d', [1], 'b'],
    ['a.b.c.d', [0, 2], 'a.c'],
    ['a.b.c.d', [-1], 'd'],
    ['a.b.c.d', [-2, 0], 'c.a'],
    ['a.b.c.d', [9], ''],
    ['a.b.c.d', [-9], ''],
    ['sumSeries(x.y*.z)', [1], 'y*'],
    ['scale(movingAverage(x.y.z,5),2)', [2, 0], 'z.x'],
  ])('%s by %j is %s', async (name, nodes, want) => {
    const out = await invoke('aliasByNode', [[makeSeries(name, [1])], ...nodes]);
    expect(names(out)).toEqual([want]);
  });

  test('nodes of a tagged name come before the tags; tag names pick tag values', async () => {
    const out = await invoke('aliasByNode', [[tagged], 'dc', 'server', 1, 'missing']);
    expect(names(out)).toEqual(['dc1.s1.load.']);
  });

  test('aliasByTags is aliasByNode under another name', async () => {
    const out = await invoke('aliasByTags', [[tagged], 'server', 'name']);
    expect(names(out)).toEqual(['s1.cpu.load']);
  });

  test('at least one node is required', async () => {
    await expect(invoke('aliasByNode', [[tagged]])).rejects.toBeInstanceOf(RenderError);
  });
});

describe('aliasByMetric', () => {
  test.each([
    ['carbon.agents.graphite.creates', 'creates'],
    ['sumSeries(a.b.c)', 'c'],
    ["func(a.b,'c')", 'b'],
    ['scale(a.b.c,2)', 'c'],
    ['nodots', 'nodots'],
  ])('%s is aliased %s', async (name, want) => {
    expect(names(await invoke('aliasByMetric', [[makeSeries(name, [1])]]))).toEqual([want]);
  });
});

describe('aliasQuery', () => {
  test('names each series newName % the last value of the query its name maps to', async () => {
    const queries: string[] = [];
    const evaluateTarget = async (target: string): Promise<Series[]> => {
      queries.push(target);
      return [makeSeries(target, [10, 2400.7, null])];
    };
    const out = await invoke(
      'aliasQuery',
      [
        [makeSeries('channel.power.1', [1]), makeSeries('channel.power.2', [1])],
        'power',
        'freq',
        'Ch %d MHz',
      ],
      { ctx, call: { evaluateTarget } },
    );
    expect(queries).toEqual(['channel.freq.1', 'channel.freq.2']);
    expect(names(out)).toEqual(['Ch 2400 MHz', 'Ch 2400 MHz']);
  });

  test.each([
    ['%s', '2400.5'],
    ['%.1f MHz', '2400.5 MHz'],
    ['%g', '2400.5'],
    ['%08.2f', '02400.50'],
    ['%e', '2.400500e+03'],
    ['%d%%', '2400%'],
  ])('newName %j prints %j', async (newName, want) => {
    const evaluateTarget = async (): Promise<Series[]> => [makeSeries('q', [2400.5])];
    const out = await invoke('aliasQuery', [[makeSeries('a', [1])], 'a', 'q', newName], {
      ctx,
      call: { evaluateTarget },
    });
    expect(names(out)).toEqual([want]);
  });

  test('a query that finds nothing, or only nulls, is a bad argument', async () => {
    const none = async (): Promise<Series[]> => [];
    const nulls = async (): Promise<Series[]> => [makeSeries('q', [null])];
    const args = [[makeSeries('a', [1])], 'a', 'q', '%d'];
    await expect(invoke('aliasQuery', args, { ctx, call: { evaluateTarget: none } })).rejects.toMatchObject({
      code: 'RENDER_ERR_BAD_ARGUMENT',
      message: expect.stringContaining('No series found with query: q'),
    });
    await expect(invoke('aliasQuery', args, { ctx, call: { evaluateTarget: nulls } })).rejects.toMatchObject({
      code: 'RENDER_ERR_BAD_ARGUMENT',
    });
  });

  test('a newName without one numeric conversion is a bad argument', async () => {
    const evaluateTarget = async (): Promise<Series[]> => [makeSeries('q', [1])];
    await expect(
      invoke('aliasQuery', [[makeSeries('a', [1])], 'a', 'q', 'no conversion'], {
        ctx,
        call: { evaluateTarget },
      }),
    ).rejects.toMatchObject({ code: 'RENDER_ERR_BAD_ARGUMENT' });
  });
});

describe('legendValue', () => {
  const s = (): Series => makeSeries('render.web1.requests.count', [100, null, 1234.5, 50]);
  test('appends " (type: value)" per value type as Python prints it, (?) for the *Series forms', async () => {
    const out = await invoke('legendValue', [[s()], 'avg', 'count', 'last', 'max', 'sumSeries']);
    expect(names(out)).toEqual([
      'render.web1.requests.count (avg: 461.5) (count: 3) (last: 50.0) (max: 1234.5) (sumSeries: (?))',
    ]);
  });

  test('a final si or binary formats the values with unit prefixes in columns', async () => {
    const out = await invoke('legendValue', [[makeSeries('a.b', [1500, 2500])], 'avg', 'max', 'si']);
    expect(names(out)).toEqual(['a.b                 avg  2.00k     max  2.50k     ']);
    const bin = await invoke('legendValue', [[makeSeries('a.b', [2048])], 'last', 'binary']);
    expect(names(bin)).toEqual(['a.b                 last 2.00Ki    ']);
  });

  test('a series without values shows None', async () => {
    const out = await invoke('legendValue', [[makeSeries('a', [null])], 'avg']);
    expect(names(out)).toEqual(['a (avg: None)']);
    const si = await invoke('legendValue', [[makeSeries('a', [null])], 'avg', 'si']);
    expect(names(si)).toEqual(['a                   avg  None      ']);
  });

  test('a value type that is not an option is a bad argument', async () => {
    await expect(invoke('legendValue', [[s()], 'bogus'])).rejects.toMatchObject({
      code: 'RENDER_ERR_BAD_ARGUMENT',
    });
  });
});
