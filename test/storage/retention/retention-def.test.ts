// Retention definitions by carbon's rules and by whisper.py's (graphite.md §6.4, §7.7); carbon's own answers
// for the same strings are replayed in carbon-compat.test.ts.
import { describe, expect, test } from 'vitest';
import {
  parseRetentionDef,
  parseRetentions,
  parseWhisperRetentionDef,
} from '../../../storage/retention/retention-def.js';
import { storageError } from './helpers.js';

describe('parseRetentionDef (carbon)', () => {
  test.each([
    ['60:1440', 60, 1440],
    ['1m:1d', 60, 1440],
    ['60s:86400s', 60, 1440],
    ['10s:6h', 10, 2160],
    ['5m:30d', 300, 8640],
    ['1h:3y', 3600, 26280],
    ['1d:1w', 86_400, 7],
    ['1w:2y', 604_800, 104],
    ['1y:10y', 31_536_000, 10],
    ['7:1d', 7, 12_342],
    ['60:90d', 60, 129_600],
    ['  60:1440\t', 60, 1440],
    ['01:010', 1, 10],
    ['3:10s', 3, 3],
  ])('%j is %i s per point × %i points', (def, secondsPerPoint, points) => {
    expect(parseRetentionDef(def)).toEqual({ secondsPerPoint, points });
  });

  test('a plain right side is a point count, a right side with a unit is a time span', () => {
    expect(parseRetentionDef('60:60')).toEqual({ secondsPerPoint: 60, points: 60 });
    expect(parseRetentionDef('60:60m')).toEqual({ secondsPerPoint: 60, points: 60 });
    expect(parseRetentionDef('60:60s')).toEqual({ secondsPerPoint: 60, points: 1 });
  });

  test.each([
    ['1min:1d', 'invalid precision "1min": unknown unit "min" (units are s, m, h, d, w, y)'],
    ['1m:1day', 'invalid duration "1day": unknown unit "day"'],
    ['1x:1d', 'invalid precision "1x": unknown unit "x"'],
    ['1M:1d', 'invalid precision "1M" (expected seconds or <n><unit>, e.g. 60 or 1m)'],
    ['60:1w2d', 'invalid duration "1w2d" (expected a point count or <n><unit>'],
    ['1.5:60', 'invalid precision "1.5"'],
    ['-1:60', 'invalid precision "-1"'],
    ['+1:60', 'invalid precision "+1"'],
    ['1 m:1d', 'invalid precision "1 m"'],
    [':60', 'invalid precision ""'],
    ['60:', 'invalid duration ""'],
    ['60', 'expected precision:duration, e.g. 60:1440 or 1m:1d'],
    ['60:1:2', 'expected precision:duration'],
    ['', 'expected precision:duration'],
    ['0:60', 'precision must be at least 1 second'],
    ['0s:1d', 'precision must be at least 1 second'],
    ['60:30s', 'duration "30s" is shorter than the precision (60 s), leaving 0 points'],
    ['60:0', 'leaving 0 points'],
    ['1:99999999999999999999', 'duration "99999999999999999999" is too large'],
    ['1:9999999999999y', 'duration "9999999999999y" is too large'],
  ])('rejects %j: %s', (def, problem) => {
    const err = storageError(() => parseRetentionDef(def));
    expect(err.code).toBe('STORAGE_ERR_INVALID_RETENTION');
    expect(err.message.startsWith(`retention "${def.trim()}": `)).toBe(true);
    expect(err.message).toContain(problem);
    expect(err.context).toMatchObject({ definition: def.trim() });
  });
});

describe('parseWhisperRetentionDef (whisper.py)', () => {
  test.each([
    ['1min:1d', 60, 1440],
    ['2hours:1day', 7200, 12],
    ['10sec:1year', 10, 3_153_600],
    ['1minute:1week', 60, 10_080],
    ['1s:1seconds', 1, 1],
    ['1m:1mi', 60, 1],
    ['60:1440', 60, 1440],
    ['1d:1w', 86_400, 7],
  ])(
    '%j is %i s per point × %i points (a unit is any prefix of its name)',
    (def, secondsPerPoint, points) => {
      expect(parseWhisperRetentionDef(def)).toEqual({ secondsPerPoint, points });
    },
  );

  test.each([
    ['1mo:1y', 'unknown unit "mo" (units are a prefix of seconds, minutes, hours, days, weeks, years)'],
    ['1secs:1d', 'unknown unit "secs"'],
    ['60:1:2', 'invalid duration "1:2"'],
    ['60', 'expected precision:duration'],
  ])('rejects %j: %s', (def, problem) => {
    const err = storageError(() => parseWhisperRetentionDef(def));
    expect(err.code).toBe('STORAGE_ERR_INVALID_RETENTION');
    expect(err.message).toContain(problem);
  });

  test('floor division equals carbon’s truncated float division for ordinary spans', () => {
    for (const def of ['7:1d', '14s:2w', '1w:2y', '3:10s', '13:1y']) {
      expect(parseWhisperRetentionDef(def)).toEqual(parseRetentionDef(def));
    }
  });
});

describe('parseRetentions', () => {
  test('splits on commas, strips each item and keeps the written order', () => {
    expect(parseRetentions('1h:1y, 10s:6h ,\n  1m:7d')).toEqual([
      { secondsPerPoint: 3600, points: 8760 },
      { secondsPerPoint: 10, points: 2160 },
      { secondsPerPoint: 60, points: 10_080 },
    ]);
  });

  test('uses whisper.py’s units when asked to', () => {
    expect(parseRetentions('1min:1day,1hour:1year', 'whisper')).toEqual([
      { secondsPerPoint: 60, points: 1440 },
      { secondsPerPoint: 3600, points: 8760 },
    ]);
    expect(storageError(() => parseRetentions('1min:1day')).code).toBe('STORAGE_ERR_INVALID_RETENTION');
  });

  test('names the bad item, including an empty one left by a trailing comma', () => {
    expect(storageError(() => parseRetentions('60:1d,5m:30x')).message).toBe(
      'retention "5m:30x": invalid duration "30x": unknown unit "x" (units are s, m, h, d, w, y)',
    );
    expect(storageError(() => parseRetentions('60:1d,')).message).toBe(
      'retention "": expected precision:duration, e.g. 60:1440 or 1m:1d',
    );
  });
});
