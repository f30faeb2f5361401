// storage-aggregation.conf: first match wins, whisper's defaults for unset fields and unmatched metrics, and
// errors naming file, section and problem (graphite.md §6.5, carbon storage.loadAggregationSchemas).
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_AGGREGATION_METHOD,
  DEFAULT_X_FILES_FACTOR,
  parseStorageAggregation,
  readStorageAggregation,
} from '../../../storage/retention/aggregation.js';
import { AGGREGATION_METHODS } from '../../../storage/whisper/format.js';
import { confDir, rejection, storageError } from './helpers.js';

const FILE = 'storage-aggregation.conf';
const STATSD = `
[min]
pattern = \\.min$
xFilesFactor = 0.1
aggregationMethod = min

[max]
pattern = \\.max$
xFilesFactor = 0.1
aggregationMethod = max

[count]
pattern = \\.count$
xFilesFactor = 0
aggregationMethod = sum

[sum]
pattern = \\.sum$
xFilesFactor = 0
aggregationMethod = sum
`;

describe('parseStorageAggregation matching', () => {
  test.each([
    ['stats.timers.api.min', 'min', 0.1, 'min'],
    ['stats.timers.api.max', 'max', 0.1, 'max'],
    ['stats.counters.hits.count', 'count', 0, 'sum'],
    ['stats.timers.api.sum', 'sum', 0, 'sum'],
    ['stats.timers.api.count.max', 'max', 0.1, 'max'],
    ['stats.timers.api.mean', null, 0.5, 'average'],
    ['stats.min.x', null, 0.5, 'average'],
  ])('%s → rule %s (xFilesFactor %d, %s)', (metric, rule, xFilesFactor, aggregationMethod) => {
    expect(parseStorageAggregation(STATSD, FILE).match(metric)).toEqual({
      rule,
      xFilesFactor,
      aggregationMethod,
    });
  });

  test('the defaults are whisper’s: xFilesFactor 0.5, average', () => {
    expect([DEFAULT_X_FILES_FACTOR, DEFAULT_AGGREGATION_METHOD]).toEqual([0.5, 'average']);
  });

  test('a rule that sets one field stops the search; the other field is whisper’s default, not a later rule’s', () => {
    const aggregation = parseStorageAggregation(
      '[xff_only]\npattern = \\.ratio$\nxFilesFactor = 0.25\n' +
        '[method_only]\npattern = \\.p99$\naggregationMethod = max\n' +
        '[nothing]\npattern = \\.plain$\n' +
        '[all]\npattern = .*\nxFilesFactor = 0\naggregationMethod = sum\n',
      FILE,
    );
    expect(aggregation.match('a.ratio')).toEqual({
      rule: 'xff_only',
      xFilesFactor: 0.25,
      aggregationMethod: 'average',
    });
    expect(aggregation.match('a.p99')).toEqual({
      rule: 'method_only',
      xFilesFactor: 0.5,
      aggregationMethod: 'max',
    });
    expect(aggregation.match('a.plain')).toEqual({
      rule: 'nothing',
      xFilesFactor: 0.5,
      aggregationMethod: 'average',
    });
    expect(aggregation.rules.map((r) => [r.xFilesFactor, r.aggregationMethod])).toEqual([
      [0.25, null],
      [null, 'max'],
      [null, null],
      [0, 'sum'],
    ]);
  });

  test('keys are case-insensitive and every whisper method is accepted', () => {
    const text = AGGREGATION_METHODS.map(
      (m) => `[${m}]\nPATTERN = \\.${m}$\nXFILESFACTOR = 1\nAggregationmethod = ${m}\n`,
    ).join('');
    const aggregation = parseStorageAggregation(text, FILE);
    expect(AGGREGATION_METHODS.map((m) => aggregation.match(`x.${m}`).aggregationMethod)).toEqual([
      ...AGGREGATION_METHODS,
    ]);
  });

  test.each([
    ['0', 0],
    ['1', 1],
    ['.5', 0.5],
    ['5e-1', 0.5],
    ['+0.25', 0.25],
    ['0.000_1', 0.0001],
    ['1.0', 1],
    ['1E0', 1],
  ])('xFilesFactor %s is read with Python float() syntax as %d', (text, value) => {
    const aggregation = parseStorageAggregation(`[a]\npattern = .*\nxFilesFactor = ${text}\n`, FILE);
    expect(aggregation.match('x').xFilesFactor).toBe(value);
  });

  test('the result is frozen', () => {
    const aggregation = parseStorageAggregation(STATSD, FILE);
    expect(Object.isFrozen(aggregation)).toBe(true);
    expect(Object.isFrozen(aggregation.rules[0])).toBe(true);
    expect(Object.isFrozen(aggregation.match('x.min'))).toBe(true);
  });
});

describe('parseStorageAggregation errors name the file, the section and the problem', () => {
  test.each([
    ['xFilesFactor = half', 'xFilesFactor "half" is not a number'],
    ['xFilesFactor =', 'xFilesFactor "" is not a number'],
    ['xFilesFactor = 2', 'xFilesFactor "2" is not between 0 and 1'],
    ['xFilesFactor = -0.1', 'xFilesFactor "-0.1" is not between 0 and 1'],
    ['xFilesFactor = nan', 'xFilesFactor "nan" is not a number'],
    ['xFilesFactor = 1__0', 'xFilesFactor "1__0" is not a number'],
    [
      'aggregationMethod = avg',
      'aggregationMethod "avg" is not one of average, sum, last, max, min, avg_zero, absmax, absmin',
    ],
    [
      'aggregationMethod = Average',
      'aggregationMethod "Average" is not one of average, sum, last, max, min, avg_zero, absmax, absmin',
    ],
  ])('%s', (line, problem) => {
    const err = storageError(() => parseStorageAggregation(`[count]\npattern = \\.count$\n${line}\n`, FILE));
    expect(err.code).toBe('STORAGE_ERR_INVALID_SCHEMA');
    expect(err.message).toBe(`${FILE} [count]: ${problem}`);
    expect(err.context).toMatchObject({ file: FILE, section: 'count', line: 3 });
  });

  test('a section without a pattern is an error (carbon skips it)', () => {
    const err = storageError(() => parseStorageAggregation('[s]\nxFilesFactor = 0\n', FILE));
    expect(err.message).toBe(`${FILE} [s]: pattern is missing (carbon skips such a section)`);
  });

  test('[DEFAULT] may not carry a pattern', () => {
    const err = storageError(() =>
      parseStorageAggregation('[DEFAULT]\npattern = .*\n[a]\nxFilesFactor = 0\n', FILE),
    );
    expect(err.message).toContain(`${FILE} [DEFAULT]: pattern may not be set in [DEFAULT]`);
  });
});

describe('readStorageAggregation', () => {
  test('reads a file, and a missing one gives whisper’s defaults for every metric', async () => {
    const { dir, cleanup } = confDir({ [FILE]: STATSD });
    try {
      const read = await readStorageAggregation(join(dir, FILE));
      expect([read.file, read.match('a.count').rule]).toEqual([join(dir, FILE), 'count']);
      const missing = await readStorageAggregation(join(dir, 'nope.conf'));
      expect([missing.file, missing.rules.length]).toEqual([null, 0]);
      expect(missing.match('a.count')).toEqual({
        rule: null,
        xFilesFactor: 0.5,
        aggregationMethod: 'average',
      });
    } finally {
      cleanup();
    }
  });

  test('an invalid file rejects naming its path', async () => {
    const { dir, cleanup } = confDir({ [FILE]: '[count]\npattern = \\.count$\nxFilesFactor = 2\n' });
    try {
      const err = await rejection(readStorageAggregation(join(dir, FILE)));
      expect(err.message).toBe(`${join(dir, FILE)} [count]: xFilesFactor "2" is not between 0 and 1`);
    } finally {
      cleanup();
    }
  });
});
