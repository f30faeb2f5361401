// Unit tables for the arithmetic Transform functions (graphite-web functions.py absolute, add, offset, scale,
// pow, squareRoot, invert, exp, sigmoid, logit, log, isNonNull, minMax, offsetToZero, round, scaleToSeconds):
// names and tags as graphite-web builds them, values including Python's math errors as nulls.
import { describe, expect, test } from 'vitest';
import type { CallNode, Node } from '../../../render/parser/ast.js';
import type { ArgValue } from '../../../render/functions/types.js';
import { safePow } from '../../../render/functions/common/transform-math.js';
import { pyIntFormat, pyRound } from '../../../render/functions/common/transform-series.js';
import { invoke, makeSeries } from '../helpers.js';

const series = (values: (number | null)[] = [-2, null, 0.5, 3]) => [makeSeries('a.b', values)];

/** A call node with `count` written positional arguments (what argGiven looks at). */
function node(name: string, count: number): CallNode {
  const args: Node[] = Array.from({ length: count }, (_, i) =>
    i === 0 ? { type: 'path', path: 'a.b', pos: 0 } : { type: 'number', value: 0, integer: true, raw: '0' },
  );
  return { type: 'call', name, args, kwargs: [], raw: `${name}(…)`, pos: 0 };
}

async function one(name: string, args: ArgValue[], values?: (number | null)[], written = args.length + 1) {
  const out = await invoke(name, [series(values), ...args], { call: { node: node(name, written) } });
  expect(out).toHaveLength(1);
  return out[0]!;
}

describe('names, tags and values', () => {
  test.each([
    ['absolute', [], 'absolute(a.b)', { absolute: '1' }, [2, null, 0.5, 3]],
    ['add', [10], 'add(a.b,10)', { add: '10.0' }, [8, null, 10.5, 13]],
    ['add', [-1.5], 'add(a.b,-1)', { add: '-1.5' }, [-3.5, null, -1, 1.5]],
    ['offset', [2.5], 'offset(a.b,2.5)', { offset: '2.5' }, [0.5, null, 3, 5.5]],
    ['scale', [2], 'scale(a.b,2)', { scale: '2.0' }, [-4, null, 1, 6]],
    ['scale', [1e-7], 'scale(a.b,1e-07)', { scale: '1e-07' }, [-2e-7, null, 5e-8, 3e-7]],
    [
      'scale',
      [1234567],
      'scale(a.b,1.23457e+06)',
      { scale: '1234567.0' },
      [-2469134, null, 617283.5, 3703701],
    ],
    ['pow', [2], 'pow(a.b,2)', { pow: '2.0' }, [4, null, 0.25, 9]],
    ['pow', [0.5], 'pow(a.b,0.5)', { pow: '0.5' }, [null, null, Math.sqrt(0.5), Math.sqrt(3)]],
    ['squareRoot', [], 'squareRoot(a.b)', { squareRoot: '1' }, [null, null, Math.sqrt(0.5), Math.sqrt(3)]],
    ['invert', [], 'invert(a.b)', { invert: '1' }, [-0.5, null, 2, 1 / 3]],
    ['exp', [], 'exp(a.b)', { exp: 'e' }, [Math.exp(-2), null, Math.exp(0.5), Math.exp(3)]],
    [
      'sigmoid',
      [],
      'sigmoid(a.b)',
      { sigmoid: 'sigmoid' },
      [1 / (1 + Math.exp(2)), null, 1 / (1 + Math.exp(-0.5)), 1 / (1 + Math.exp(-3))],
    ],
    ['logit', [], 'logit(a.b)', { logit: 'logit' }, [null, null, 0, null]],
    ['isNonNull', [], 'isNonNull(a.b)', { isNonNull: '1' }, [1, 0, 1, 1]],
    ['minMax', [], 'minMax(a.b)', {}, [0, null, 0.5, 1]],
    ['offsetToZero', [], 'offsetToZero(a.b)', { offsetToZero: '-2.0' }, [0, null, 2.5, 5]],
    [
      'log',
      [],
      'log(a.b, 10)',
      { log: '10' },
      [null, null, Math.log(0.5) / Math.log(10), Math.log(3) / Math.log(10)],
    ],
    ['log', [2], 'log(a.b, 2)', { log: '2' }, [null, null, -1, Math.log(3) / Math.log(2)]],
    [
      'scaleToSeconds',
      [1],
      'scaleToSeconds(a.b,1)',
      { scaleToSeconds: '1.0' },
      [-0.033333, null, 0.008333, 0.05],
    ],
    [
      'scaleToSeconds',
      [0.5],
      'scaleToSeconds(a.b,0)',
      { scaleToSeconds: '0.5' },
      [-0.016667, null, 0.004167, 0.025],
    ],
  ])('%s%j is named %s with tags %j', async (name, args, expectedName, tags, values) => {
    const s = await one(name, args as ArgValue[]);
    expect(s.name).toBe(expectedName);
    expect(s.tags).toEqual({ name: 'a.b', ...tags });
    expect(s.values.map((v) => (v === null ? null : Number(v.toPrecision(12))))).toEqual(
      values.map((v) => (v === null ? null : Number(v.toPrecision(12)))),
    );
  });

  test('the in-place transforms keep graph options and set pathExpression to the new name', async () => {
    const input = series();
    input[0]!.options = { color: 'red' };
    const [s] = await invoke('scale', [input, 3]);
    expect(s?.options).toEqual({ color: 'red' });
    expect(s?.pathExpression).toBe('scale(a.b,3)');
    expect(input[0]?.values).toEqual([-2, null, 0.5, 3]);
  });

  test('log refuses a base graphite-web would crash on', async () => {
    await expect(invoke('log', [series(), 1])).rejects.toMatchObject({ code: 'RENDER_ERR_BAD_ARGUMENT' });
    await expect(invoke('log', [series(), 0])).rejects.toMatchObject({ code: 'RENDER_ERR_BAD_ARGUMENT' });
  });

  test('minMax of a flat series is all 0 and of an all-null series all null', async () => {
    expect((await one('minMax', [], [4, null, 4])).values).toEqual([0, null, 0]);
    expect((await one('minMax', [], [null, null])).values).toEqual([null, null]);
  });

  test('offsetToZero of an all-null series is tagged None', async () => {
    const s = await one('offsetToZero', [], [null, null]);
    expect(s.tags.offsetToZero).toBe('None');
    expect(s.values).toEqual([null, null]);
  });

  test('logit is null at 1 and at 0, where Python raises', async () => {
    expect((await one('logit', [], [1, 0, 0.75, null])).values).toEqual([null, null, Math.log(3), null]);
  });
});

describe('round', () => {
  test('is named round(x) when no precision is written and round(x,n) when one is', async () => {
    expect((await one('round', [], [1.5], 1)).name).toBe('round(a.b)');
    expect((await one('round', [0], [1.5], 2)).name).toBe('round(a.b,0)');
    expect((await one('round', [2], [1.5], 2)).name).toBe('round(a.b,2)');
    expect((await one('round', [2], [1.5], 2)).tags.round).toBe('2');
    expect((await one('round', [], [1.5], 1)).tags.round).toBe('0');
  });

  test.each([
    [0, [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, null], [0, 2, 2, -0, -2, 3, null]],
    [2, [2.675, 0.125, 0.375, 1.005, -0.125], [2.67, 0.12, 0.38, 1, -0.12]],
    [-1, [15, 25, 14, -25, 123.4], [20, 20, 10, -20, 120]],
  ])('to %i decimals rounds exact ties to even as Python does', async (precision, values, expected) => {
    expect((await one('round', [precision], values, 2)).values).toEqual(expected);
  });
});

describe('Python number helpers', () => {
  test.each([
    [0.0078125, 6, 0.007812],
    [0.0078135, 6, 0.007813],
    [1e-7, 6, 0],
    [123456.7890125, 6, 123456.789012],
    [2 ** 60, 6, 2 ** 60],
    [Infinity, 6, Infinity],
  ])('pyRound(%d, %i) is %d', (x, n, expected) => {
    expect(pyRound(x, n)).toBe(expected);
  });

  test.each([
    [1.9, '1'],
    [-1.9, '-1'],
    [-0.5, '0'],
    [1e20, '100000000000000000000'],
  ])('"%%d" %% %d is %s', (x, expected) => {
    expect(pyIntFormat(x)).toBe(expected);
  });

  test.each([
    [2, 3, 8],
    [-8, 1 / 3, null],
    [0, -1, null],
    [10, 400, null],
    [1, NaN, 1],
    [NaN, 0, 1],
    [-1, Infinity, 1],
    [Infinity, 2, Infinity],
    [null, 2, null],
  ])('math.pow(%d, %d) is %s', (a, b, expected) => {
    expect(safePow(a, b)).toBe(expected);
  });
});
