// Unit tables for the point-to-point Transform functions (graphite-web functions.py derivative,
// nonNegativeDerivative, perSecond, integral, integralByInterval, delay, keepLastValue, interpolate,
// transformNull): counter wrap logic, gap filling limits, names and tags.
import { describe, expect, test } from 'vitest';
import type { CallNode, Node } from '../../../render/parser/ast.js';
import type { Value } from '../../../render/series.js';
import { invoke, makeSeries } from '../helpers.js';

const values = async (name: string, input: Value[], args: unknown[] = [], kwargs = {}) => {
  const [s] = await invoke(name, [[makeSeries('a.b', input)], ...(args as never[])], { kwargs });
  return s!.values;
};

describe('derivative, nonNegativeDerivative and perSecond', () => {
  test('derivative is the difference to the previous point, null around nulls', async () => {
    expect(await values('derivative', [1, 3, null, 4, 2])).toEqual([null, 2, null, null, -2]);
  });

  test.each([
    [[], [null, 2, null, null, null, 4]],
    [[10], [null, 2, null, null, 4, 4]],
    [
      [10, 2],
      [null, null, null, null, 2, 4],
    ],
    [
      [null, 2],
      [null, null, null, null, 0, 4],
    ],
    [[8], [null, 2, null, null, null, 4]],
  ])(
    'nonNegativeDerivative%j wraps at maxValue to minValue, drops values below minValue',
    async (args, expected) => {
      // 1 → 3 → null → 9 → 2 (wrapped) → 6
      expect(await values('nonNegativeDerivative', [1, 3, null, 9, 2, 6], args)).toEqual(expected);
    },
  );

  test('a value outside maxValue/minValue is dropped and forgets the previous value', async () => {
    expect(await values('nonNegativeDerivative', [1, 20, 5, 7], [10])).toEqual([null, null, null, 2]);
    expect(await values('nonNegativeDerivative', [5, 1, 6, 8], [], { minValue: 3 })).toEqual([
      null,
      null,
      null,
      2,
    ]);
  });

  test('perSecond divides by the step and rounds to 6 decimals', async () => {
    expect(await values('perSecond', [0, 1, 3, 2, 102])).toEqual([null, 0.016667, 0.033333, null, 1.666667]);
    expect(await values('perSecond', [0, 1, 3, 2], [999])).toEqual([null, 0.016667, 0.033333, 16.65]);
  });

  test.each([
    ['derivative', 'derivative(a.b)', { derivative: '1' }],
    ['nonNegativeDerivative', 'nonNegativeDerivative(a.b)', { nonNegativeDerivative: '1' }],
    ['perSecond', 'perSecond(a.b)', { perSecond: '1' }],
    ['integral', 'integral(a.b)', { integral: '1' }],
  ])('%s names the result %s and tags it', async (name, expectedName, tags) => {
    const input = makeSeries('a.b', [1, 2]);
    input.options = { color: 'red' };
    const [s] = await invoke(name, [[input]]);
    expect(s?.name).toBe(expectedName);
    expect(s?.pathExpression).toBe(expectedName);
    expect(s?.tags).toEqual({ name: 'a.b', ...tags });
    expect(s?.options).toEqual({});
  });
});

describe('integral and integralByInterval', () => {
  test('integral is the running sum, nulls staying null', async () => {
    expect(await values('integral', [1, null, 2, 3])).toEqual([1, null, 3, 6]);
  });

  test('integralByInterval restarts at every interval counted from the request start', async () => {
    const s = makeSeries('a.b', [1, 2, null, 4, 5, 6], 60, 60);
    const [out] = await invoke('integralByInterval', [[s], '2min'], { ctx: { startTime: 0 } });
    // boundaries at 120, 240, 360: points at 60 | 120 180 | 240 300 | 360
    expect(out?.values).toEqual([1, 2, 2, 4, 9, 6]);
    expect(out?.name).toBe("integralByInterval(a.b,'2min')");
    expect(out?.tags.integralByInterval).toBe('2min');
  });

  test('integralByInterval refuses an interval of 0 seconds', async () => {
    await expect(invoke('integralByInterval', [[makeSeries('a.b', [1])], '0s'])).rejects.toMatchObject({
      code: 'RENDER_ERR_BAD_ARGUMENT',
    });
  });
});

describe('delay', () => {
  test.each([
    [2, [null, null, 1, 2]],
    [-1, [2, 3, 4, null]],
    [0, []],
    [9, [null, null, null, null]],
    [-9, [null, null, null, null]],
  ])(
    'delay by %i steps gives %j (a delay of 0 empties the series, as graphite-web)',
    async (steps, expected) => {
      const [s] = await invoke('delay', [[makeSeries('a.b', [1, 2, 3, 4])], steps]);
      expect(s?.values).toEqual(expected);
      expect(s?.name).toBe(`delay(a.b,${steps})`);
      expect(s?.tags.delay).toBe(String(steps));
    },
  );
});

describe('keepLastValue and interpolate', () => {
  const gappy: Value[] = [null, 1, null, null, 4, null, null, null, 8, null, null];

  test.each([
    [Infinity, [null, 1, 1, 1, 4, 4, 4, 4, 8, 8, 8]],
    [2, [null, 1, 1, 1, 4, null, null, null, 8, 8, 8]],
    [1, [null, 1, null, null, 4, null, null, null, 8, null, null]],
    [0, gappy],
  ])(
    'keepLastValue(limit %d) fills only whole runs no longer than the limit, the trailing one too',
    async (limit, expected) => {
      expect(await values('keepLastValue', gappy, [limit])).toEqual(expected);
    },
  );

  test.each([
    [Infinity, [null, 1, 2, 3, 4, 5, 6, 7, 8, null, null]],
    [2, [null, 1, 2, 3, 4, null, null, null, 8, null, null]],
  ])(
    'interpolate(limit %d) fills runs between two values on the line joining them',
    async (limit, expected) => {
      expect(await values('interpolate', gappy, [limit])).toEqual(expected);
    },
  );

  test('a null first point is not counted into the run after it', async () => {
    expect(await values('interpolate', [null, null, 3, null, 5])).toEqual([null, null, 3, 4, 5]);
  });

  test.each(['keepLastValue', 'interpolate'])('%s renames without adding a tag', async (name) => {
    const [s] = await invoke(name, [[makeSeries('a.b', [1, null, 2])]]);
    expect(s?.name).toBe(`${name}(a.b)`);
    expect(s?.tags).toEqual({ name: 'a.b' });
  });
});

describe('transformNull', () => {
  const written = (count: number): CallNode => ({
    type: 'call',
    name: 'transformNull',
    args: Array.from({ length: count }, (): Node => ({ type: 'path', path: 'a.b', pos: 0 })),
    kwargs: [],
    raw: 'transformNull(…)',
    pos: 0,
  });

  test('replaces nulls with 0 and tags 0 when no default is written', async () => {
    const [s] = await invoke('transformNull', [[makeSeries('a.b', [null, 1, null])]], {
      call: { node: written(1) },
    });
    expect(s?.values).toEqual([0, 1, 0]);
    expect(s?.name).toBe('transformNull(a.b,0)');
    expect(s?.tags).toEqual({ name: 'a.b', transformNull: '0' });
  });

  test('a written default is a float in the tag', async () => {
    const [s] = await invoke('transformNull', [[makeSeries('a.b', [null, 1])], -1], {
      call: { node: written(2) },
    });
    expect(s?.values).toEqual([-1, 1]);
    expect(s?.name).toBe('transformNull(a.b,-1)');
    expect(s?.tags.transformNull).toBe('-1.0');
  });

  test('with referenceSeries only points where a reference has a value are filled', async () => {
    const reference = [makeSeries('r.1', [1, null, null, null]), makeSeries('r.2', [null, null, 2, null, 5])];
    const [s] = await invoke('transformNull', [[makeSeries('a.b', [null, null, null, 7])], 3, reference]);
    // zipped to the longest reference, as graphite-web's izip_longest
    expect(s?.values).toEqual([3, null, 3, 7, 3]);
    expect(s?.name).toBe('transformNull(a.b,3,referenceSeries)');
    expect(s?.tags.referenceSeries).toBe('1');
  });

  test('an empty referenceSeries is no reference at all', async () => {
    const [s] = await invoke('transformNull', [[makeSeries('a.b', [null])], 3, []]);
    expect(s?.values).toEqual([3]);
    expect(s?.name).toBe('transformNull(a.b,3)');
  });
});
