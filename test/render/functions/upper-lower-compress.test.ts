// Unit tables for graphite-web 1.1.10's upper, lower and compressPeriodicGaps, mirroring its own
// webapp/tests/test_functions.py cases (test_upper_*, test_lower_*, test_compressPeriodicGaps) plus edges.
// test/fixtures/render/graphite-web-1.1.10-functions.json was written by hand from graphite-web tag 1.1.10's
// render/functions.py (.group/.params, SeriesFunctions keys 'upper'/'lower') as functions/__init__.py
// functionInfo and params.py Param.toJSON would emit them (the live graphite-web here is 1.1.8, without them).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { functionInfo } from '../../../render/functions/registry.js';
import { Series, type Value } from '../../../render/series.js';
import { FIXTURES } from '../harness.js';
import { invoke, makeSeries, registry } from '../helpers.js';

const names = (list: Series[]): string[] => list.map((s) => s.name);
const empty = (name: string): Series => new Series({ name, start: 0, end: 4, step: 1, values: [] });

describe('upper', () => {
  test('upper-cases whole names when no position is given', async () => {
    const keys = ['', 'a', 'normal.metric.name.with.normal.length', '!@#$%^&*()_+'];
    const out = await invoke('upper', [keys.map(empty)]);
    expect(names(out)).toEqual(['', 'A', 'NORMAL.METRIC.NAME.WITH.NORMAL.LENGTH', '!@#$%^&*()_+']);
    expect(out.map((s) => [s.start, s.end, s.step, s.values])).toEqual(keys.map(() => [0, 4, 1, []]));
  });

  test('one position at a time changes only that character; an out-of-range one changes nothing', async () => {
    let list = [empty(''), empty('normal.metric.name.with.normal.length')];
    const steps: [number, string][] = [
      [10, 'normal.metRic.name.with.normal.length'],
      [0, 'Normal.metRic.name.with.normal.length'],
      [-1, 'Normal.metRic.name.with.normal.lengtH'],
      [1000, 'Normal.metRic.name.with.normal.lengtH'],
    ];
    for (const [pos, want] of steps) {
      list = await invoke('upper', [list, pos]);
      expect(names(list)).toEqual(['', want]);
    }
  });

  test('several positions, negative and out of range among them, apply together', async () => {
    const list = [empty(''), empty('normal.metric.name.with.normal.length')];
    const out = await invoke('upper', [list, 0, 15, 100, -3, -1, -1000]);
    expect(names(out)).toEqual(['', 'Normal.metric.nAme.with.normal.lenGtH']);
  });

  test.each([
    ['abc', [-3], 'Abc'],
    ['abc', [-4], 'abc'],
    ['abc', [3], 'abc'],
    ['abc', [1, 1, -2], 'aBc'],
    ['straße', [], 'STRASSE'],
    ['straße', [4, 5], 'straSSE'],
    ['😀ab', [1], '😀Ab'],
    ['😀ab', [-1], '😀aB'],
  ] as [string, number[], string][])('%s at positions %j becomes %s', async (name, pos, want) => {
    const out = await invoke('upper', [[makeSeries(name, [1])], ...pos]);
    expect(names(out)).toEqual([want]);
  });

  test('keeps values, tags, path expression and graph options', async () => {
    const s = new Series({
      name: 'cpu.load;dc=east',
      start: 0,
      end: 120,
      step: 60,
      values: [1, null],
      pathExpression: 'cpu.*',
    });
    s.options.color = 'red';
    const [out] = await invoke('upper', [[s]]);
    expect(out?.name).toBe('CPU.LOAD;DC=EAST');
    expect(out?.tags).toEqual({ name: 'cpu.load', dc: 'east' });
    expect(out?.pathExpression).toBe('cpu.*');
    expect(out?.values).toEqual([1, null]);
    expect(out?.options).toEqual({ color: 'red' });
    expect(s.name).toBe('cpu.load;dc=east');
  });

  test('a non-integer position is a RENDER_ERR_BAD_ARGUMENT', async () => {
    await expect(invoke('upper', [[makeSeries('a', [1])], 1.5])).rejects.toMatchObject({
      code: 'RENDER_ERR_BAD_ARGUMENT',
    });
  });
});

describe('lower', () => {
  test('lower-cases whole names when no position is given', async () => {
    const keys = ['', 'A', 'NORMAL.METRIC.NAME.WITH.NORMAL.LENGTH', '!@#$%^&*()_+'];
    const out = await invoke('lower', [keys.map(empty)]);
    expect(names(out)).toEqual(['', 'a', 'normal.metric.name.with.normal.length', '!@#$%^&*()_+']);
  });

  test('one position at a time changes only that character; an out-of-range one changes nothing', async () => {
    let list = [empty(''), empty('NORMAL.METRIC.NAME.WITH.NORMAL.LENGTH')];
    const steps: [number, string][] = [
      [10, 'NORMAL.METrIC.NAME.WITH.NORMAL.LENGTH'],
      [0, 'nORMAL.METrIC.NAME.WITH.NORMAL.LENGTH'],
      [-1, 'nORMAL.METrIC.NAME.WITH.NORMAL.LENGTh'],
      [1000, 'nORMAL.METrIC.NAME.WITH.NORMAL.LENGTh'],
    ];
    for (const [pos, want] of steps) {
      list = await invoke('lower', [list, pos]);
      expect(names(list)).toEqual(['', want]);
    }
  });

  test('several positions, negative and out of range among them, apply together', async () => {
    const list = [empty(''), empty('NORMAL.METRIC.NAME.WITH.NORMAL.LENGTH')];
    const out = await invoke('lower', [list, 0, 15, 100, -3, -1, -1000]);
    expect(names(out)).toEqual(['', 'nORMAL.METRIC.NaME.WITH.NORMAL.LENgTh']);
  });

  test.each([
    ['ABC', [-3], 'aBC'],
    ['ABC', [-4], 'ABC'],
    ['ABC', [3], 'ABC'],
    ['', [0, -1], ''],
  ] as [string, number[], string][])('%s at positions %j becomes %s', async (name, pos, want) => {
    const out = await invoke('lower', [[makeSeries(name, [1])], ...pos]);
    expect(names(out)).toEqual([want]);
  });
});

describe('compressPeriodicGaps', () => {
  const at100 = (name: string, values: Value[], step = 10): Series =>
    new Series({ name: `collectd.test-${name}.load.value`, start: 100, end: 250, step, values });
  const n = null;

  // graphite-web's test builds every series with start 100, end 250, step 10, whatever its length
  test.each([
    ['db0', [n, 1, n, n, 2, n, n, 3, n, n, 4, n, n, 5, n, n], [110, 230, 30, [1, 2, 3, 4, 5]]],
    ['db1', [n, n, 1, n, n, 2, n, n, 3, n, n, 4, n, n, 5, n], [120, 240, 30, [1, 2, 3, 4, 5]]],
    [
      'db2',
      [n, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, n, n],
      [100, 250, 10, [n, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, n, n]],
    ],
    ['db3', [n, 1, n, 3, n, 5, n, 7, n, 9, n, 11, n, 13, n, 15], [110, 230, 20, [1, 3, 5, 7, 9, 11, 13]]],
    [
      'db4',
      [n, 1, 2, 3, n, 5, n, 7, n, 9, n, n, n, 13, n, n],
      [100, 250, 10, [n, 1, 2, 3, n, 5, n, 7, n, 9, n, n, n, 13, n, n]],
    ],
    [
      'db5',
      [1, 2, 3, n, n, n, n, n, n, n, n, n, 13, 14, 15],
      [100, 250, 10, [1, 2, 3, n, n, n, n, n, n, n, n, n, 13, 14, 15]],
    ],
  ] as [string, Value[], [number, number, number, Value[]]][])(
    'graphite-web’s %s case gives its start, end, step and values',
    async (key, values, want) => {
      const [out] = await invoke('compressPeriodicGaps', [[at100(key, values)]]);
      expect(out?.name).toBe(`compressPeriodicGaps(collectd.test-${key}.load.value)`);
      expect([out?.start, out?.end, out?.step, out?.values]).toEqual(want);
    },
  );

  test.each([
    [
      'a zero is not a seen value but still a value inside a bucket',
      [n, 1, n, 2, n, 3, n, 0, n, 5, n],
      [110, 190, 20, [1, 2, 3, 0, 5]],
    ],
    [
      'zeros between the values are not gaps',
      [n, 1, 0, 0, 2, 0, 0, 3, 0, 0, 4, 0],
      [100, 220, 10, [n, 1, 0, 0, 2, 0, 0, 3, 0, 0, 4, 0]],
    ],
    [
      'a value in the first slot does not start the guess',
      [1, n, n, 2, n, n, 3, n, n, 4, n, n],
      [130, 190, 30, [2, 3, 4]],
    ],
    [
      'a confirming value too near the end leaves it untouched',
      [n, 1, n, n, 2, n, n, 3],
      [100, 180, 10, [n, 1, n, n, 2, n, n, 3]],
    ],
    ['a single value leaves it untouched', [n, 5, n, n], [100, 140, 10, [n, 5, n, n]]],
    ['an all-null series is untouched', [n, n, n, n, n], [100, 150, 10, [n, n, n, n, n]]],
  ] as [string, Value[], [number, number, number, Value[]]][])('%s', async (_title, values, want) => {
    const s = new Series({ name: 'x', start: 100, end: 100 + values.length * 10, step: 10, values });
    const [out] = await invoke('compressPeriodicGaps', [[s]]);
    expect([out?.start, out?.end, out?.step, out?.values]).toEqual(want);
  });

  test('buckets honour the series xFilesFactor', async () => {
    const s = makeSeries('x', [n, 1, n, n, 2, n, n, 3, n, n], 100, 10);
    s.xFilesFactor = 0.5;
    const [out] = await invoke('compressPeriodicGaps', [[s]]);
    expect([out?.start, out?.step, out?.values]).toEqual([110, 30, [n, n, n]]);
  });

  test('a compressed series keeps its tags and consolidation but, as a new series, not its graph options', async () => {
    const s = makeSeries('cpu;dc=east', [n, 1, n, 2, n, 3, n, 4], 100, 10);
    s.options.color = 'red';
    s.consolidationFunc = 'max';
    const [out] = await invoke('compressPeriodicGaps', [[s]]);
    expect(out?.name).toBe('compressPeriodicGaps(cpu;dc=east)');
    expect(out?.pathExpression).toBe('compressPeriodicGaps(cpu;dc=east)');
    expect(out?.tags).toEqual({ name: 'cpu', dc: 'east' });
    expect(out?.consolidationFunc).toBe('max');
    expect(out?.options).toEqual({});
    expect(out?.datapoints()).toEqual([
      [1, 110],
      [2, 130],
      [3, 150],
      [4, 170],
    ]);
  });

  test('an untouched series is only renamed and keeps its graph options', async () => {
    const s = makeSeries('a.b', [1, 2, 3], 0, 60);
    s.options.color = 'red';
    const [out] = await invoke('compressPeriodicGaps', [[s]]);
    expect(out?.name).toBe('compressPeriodicGaps(a.b)');
    expect(out?.pathExpression).toBe('compressPeriodicGaps(a.b)');
    expect(out?.options).toEqual({ color: 'red' });
    expect(out?.values).toEqual([1, 2, 3]);
    expect(s.name).toBe('a.b');
  });
});

test('upper, lower and compressPeriodicGaps describe themselves as graphite-web 1.1.10 does', () => {
  const want = JSON.parse(
    readFileSync(join(FIXTURES, 'graphite-web-1.1.10-functions.json'), 'utf8'),
  ) as Record<string, Record<string, unknown>>;
  for (const name of ['upper', 'lower', 'compressPeriodicGaps']) {
    const def = registry.get(name);
    expect(def, name).toBeDefined();
    const { description, ...got } = functionInfo(def as NonNullable<typeof def>, registry);
    expect(typeof description).toBe('string');
    expect(got).toEqual(want[name]);
  }
});
