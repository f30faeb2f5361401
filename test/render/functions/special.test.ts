// Unit tables for the Special functions (graphite-web functions.py consolidateBy, cumulative, constantLine,
// seriesByTag, changed, fallbackSeries, setXFilesFactor, substr, cactiStyle).
import { describe, expect, test } from 'vitest';
import type { FetchedSeries, RequestContext } from '../../../render/context.js';
import { pyFixed, pyPercent } from '../../../render/functions/common/alias-pyformat.js';
import type { Series } from '../../../render/series.js';
import { invoke, makeContext, makeSeries } from '../helpers.js';

const names = (list: Series[]): string[] => list.map((s) => s.name);

describe('consolidateBy and cumulative', () => {
  test('consolidateBy sets the function, renames consolidateBy(x,"f") and tags consolidateBy', async () => {
    const [out] = await invoke('consolidateBy', [[makeSeries('a.b', [1, 2, 3, 4])], 'max']);
    expect(out?.name).toBe('consolidateBy(a.b,"max")');
    expect(out?.pathExpression).toBe('consolidateBy(a.b,"max")');
    expect(out?.consolidationFunc).toBe('max');
    expect(out?.tags).toEqual({ name: 'a.b', consolidateBy: 'max' });
    out?.consolidate(2);
    expect(out?.points()).toEqual([2, 4]);
  });

  test('cumulative is consolidateBy sum', async () => {
    const [out] = await invoke('cumulative', [[makeSeries('a.b', [1, 2, 3])]]);
    expect(out?.name).toBe('consolidateBy(a.b,"sum")');
    expect(out?.consolidationFunc).toBe('sum');
    expect(out?.tags.consolidateBy).toBe('sum');
  });

  test('an unknown consolidation function is a bad argument', async () => {
    await expect(invoke('consolidateBy', [[makeSeries('a', [1])], 'median'])).rejects.toMatchObject({
      code: 'RENDER_ERR_BAD_ARGUMENT',
    });
  });
});

describe('constantLine', () => {
  test.each([
    [100, '100.0', 0, 600, 300],
    [0.5, '0.5', 1700002800, 1700006400, 1800],
    [-3, '-3.0', 0, 601, 300],
  ])('constantLine(%s) is named %s with three points over the window', async (v, name, from, until, step) => {
    const [out] = await invoke('constantLine', [v], { ctx: { startTime: from, endTime: until } });
    expect(out?.name).toBe(name);
    expect(out?.pathExpression).toBe(`constantLine(${name})`);
    expect(out?.tags).toEqual({ name });
    expect(out?.datapoints()).toEqual([
      [v, from],
      [v, from + step],
      [v, from + 2 * step],
    ]);
  });
});

describe('seriesByTag', () => {
  test('fetches its own call text through the series source over the request window', async () => {
    const asked: unknown[] = [];
    const fetched: FetchedSeries = {
      name: 'cpu;dc=dc1',
      pathExpression: "seriesByTag('name=cpu')",
      start: 0,
      end: 120,
      step: 60,
      values: [1, 2],
    };
    const source: RequestContext['source'] = {
      fetch: async (exprs, from, until, now) => {
        asked.push([exprs, from, until, now]);
        return [fetched];
      },
    };
    const out = await invoke('seriesByTag', ['name=cpu'], {
      ctx: { source, startTime: 0, endTime: 120, now: 130 },
      call: {
        node: {
          type: 'call',
          name: 'seriesByTag',
          args: [],
          kwargs: [],
          raw: "seriesByTag('name=cpu')",
          pos: 0,
        },
      },
    });
    expect(asked).toEqual([[["seriesByTag('name=cpu')"], 0, 120, 130]]);
    expect(names(out)).toEqual(['cpu;dc=dc1']);
    expect(out[0]?.tags).toEqual({ name: 'cpu', dc: 'dc1' });
    expect(out[0]?.pathExpression).toBe("seriesByTag('name=cpu')");
  });
});

describe('changed', () => {
  test('is 1 where the value differs from the last one seen, 0 at nulls and leading values', async () => {
    const [out] = await invoke('changed', [[makeSeries('a', [null, null, 5, 5, 6, null, 6, 7])]]);
    expect(out?.values).toEqual([0, 0, 0, 0, 1, 0, 0, 1]);
    expect(out?.name).toBe('changed(a)');
    expect(out?.pathExpression).toBe('changed(a)');
    expect(out?.tags).toEqual({ name: 'a' });
  });
});

describe('fallbackSeries', () => {
  test('returns the list when it has series and the fallback otherwise', async () => {
    const a = makeSeries('a', [1]);
    const b = makeSeries('b', [2]);
    expect(names(await invoke('fallbackSeries', [[a], [b]]))).toEqual(['a']);
    expect(names(await invoke('fallbackSeries', [[], [b]]))).toEqual(['b']);
  });
});

describe('setXFilesFactor', () => {
  test('sets the series xFilesFactor and tag and the request default', async () => {
    const ctx = makeContext();
    const [out] = await invoke('setXFilesFactor', [[makeSeries('a', [1])], 1], {
      call: { ctx },
    });
    expect(out?.xFilesFactor).toBe(1);
    expect(out?.tags).toEqual({ name: 'a', xFilesFactor: '1.0' });
    expect(out?.name).toBe('a');
    expect(ctx.xFilesFactor).toBe(1);
  });

  test('xFilesFactor is its short name', async () => {
    const [out] = await invoke('xFilesFactor', [[makeSeries('a', [1])], 0.5]);
    expect(out?.tags.xFilesFactor).toBe('0.5');
  });
});

describe('substr', () => {
  test.each([
    ['carbon.agents.hostname.avgUpdateTime', [2, 4], 'hostname.avgUpdateTime'],
    ['carbon.agents.hostname.avgUpdateTime', [1], 'agents.hostname.avgUpdateTime'],
    ['carbon.agents.hostname.avgUpdateTime', [-2], 'hostname.avgUpdateTime'],
    ['carbon.agents.hostname.avgUpdateTime', [0, -1], 'carbon.agents.hostname'],
    ['carbon.agents.hostname.avgUpdateTime', [5], ''],
    ['carbon.agents.hostname.avgUpdateTime', [], 'carbon.agents.hostname.avgUpdateTime'],
    ['sumSeries(a.b.c)', [1], 'b.c'],
    ["func(a.b,'c')", [1], 'b'],
    ['f(a.b),g(c.d)', [0], ''],
  ])('%s with %j is %s', async (name, args, want) => {
    expect(names(await invoke('substr', [[makeSeries(name, [1])], ...args]))).toEqual([want]);
  });
});

describe('cactiStyle', () => {
  const list = (): Series[] => [
    makeSeries('render.web1.requests.count', [80, 120, 111.756]),
    makeSeries('short', [null, 1500, 2]),
  ];

  test('appends Current/Max/Min columns sized from int(value or 3) as graphite-web does', async () => {
    expect(names(await invoke('cactiStyle', [list()]))).toEqual([
      'render.web1.requests.count Current:111.76    Max:120.00     Min:80.00    ',
      'short                      Current:2.00      Max:1500.00    Min:2.00     ',
    ]);
  });

  test('formats with si prefixes and units', async () => {
    expect(names(await invoke('cactiStyle', [list(), 'si', 'b']))).toEqual([
      'render.web1.requests.count Current:111.76 b    Max:120.00 b    Min:80.00 b    ',
      'short                      Current:2.00 b      Max:1.50 kb     Min:2.00 b     ',
    ]);
    expect(names(await invoke('cactiStyle', [[makeSeries('x', [2048])], 'binary']))).toEqual([
      'x Current:2.00Ki    Max:2.00Ki    Min:2.00Ki    ',
    ]);
  });

  test('a series without values shows nan', async () => {
    expect(names(await invoke('cactiStyle', [[makeSeries('e', [null])]]))).toEqual([
      'e Current:nan     Max:nan     Min:nan     ',
    ]);
  });

  test('an empty list stays empty', async () => {
    expect(await invoke('cactiStyle', [[]])).toEqual([]);
  });
});

describe('Python formatting helpers', () => {
  test.each([
    [0.125, 2, '0.12'],
    [0.375, 2, '0.38'],
    [2.675, 2, '2.67'],
    [2.5, 0, '2'],
    [3.5, 0, '4'],
    [-0.001, 2, '-0.00'],
    [1e22, 2, '10000000000000000000000.00'],
    [111.756, 2, '111.76'],
  ])('"%%.Nf" %% %s with N=%s is %s (ties to even, exact decimal value)', (x, digits, want) => {
    expect(pyFixed(x, digits)).toBe(want);
  });

  test.each([
    ['%+.3g', 0.000012345, '+1.23e-05'],
    ['%#g', 1, '1.00000'],
    ['%.3G', 1e10, '1E+10'],
    ['%10.4s', 2.5, '       2.5'],
    ['%-6d|', 42.9, '42    |'],
    ['%ld', -2.7, '-2'],
    ['%5.1f%%', 99.95, '100.0%'],
  ])('%j %% %s is %j', (template, x, want) => {
    expect(pyPercent(template, x)).toBe(want);
  });
});
