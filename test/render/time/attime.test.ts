// Table tests for render/time/attime.ts: the documented forms of graphite-web's time and interval strings.
import { describe, expect, it } from 'vitest';
import { RenderError } from '../../../render/errors.js';
import {
  getUnitString,
  parseATTime,
  parseDateArg,
  parseInterval,
  parseTimeOffset,
} from '../../../render/time/attime.js';

const NOW = 1700006400; // 2023-11-15T00:00:00Z, a Wednesday
const utc = (iso: string): number => Date.parse(`${iso}Z`) / 1000;

function failure(run: () => unknown): RenderError {
  try {
    run();
  } catch (err) {
    if (err instanceof RenderError) return err;
    throw err;
  }
  throw new Error('expected a RenderError');
}

describe('parseTimeOffset', () => {
  it.each([
    ['', 0],
    ['1h', 3600],
    ['+1h', 3600],
    ['-1h', -3600],
    ['-1d2h', -(86400 + 7200)],
    ['5min', 300],
    ['5minutes', 300],
    ['30s', 30],
    ['30sec', 30],
    ['2w', 14 * 86400],
    ['1mon', 30 * 86400],
    ['1months', 30 * 86400],
    ['1y', 365 * 86400],
    ['1w1d1h1min1s', 694861],
    ['-0s', 0],
    ['-', 0],
    ['+', 0],
  ])('reads %j as %d seconds', (text, seconds) => {
    expect(parseTimeOffset(text)).toBe(seconds);
  });

  it.each(['1m', '1mo', '1H', '1 h', ' 1h', 'x', '1', '1h-1h', '--1h', '1000000000d', '1s2'])(
    'rejects %j with RENDER_ERR_BAD_INTERVAL',
    (text) => {
      const err = failure(() => parseTimeOffset(text));
      expect(err.code).toBe('RENDER_ERR_BAD_INTERVAL');
      expect(err.message).toContain(JSON.stringify(text));
    },
  );

  it('parseInterval returns the magnitude of the offset', () => {
    expect([parseInterval('-1h'), parseInterval('5min'), parseInterval('')]).toEqual([3600, 300, 0]);
  });
});

describe('getUnitString', () => {
  it.each([
    ['s', 'seconds'],
    ['sec', 'seconds'],
    ['min', 'minutes'],
    ['h', 'hours'],
    ['days', 'days'],
    ['w', 'weeks'],
    ['mon', 'months'],
    ['years', 'years'],
  ])('maps the unit word %j to %j by prefix', (word, unit) => {
    expect(getUnitString(word)).toBe(unit);
  });

  it.each(['m', 'mo', 'M', ''])('rejects the unit word %j', (word) => {
    expect(failure(() => getUnitString(word)).code).toBe('RENDER_ERR_BAD_INTERVAL');
  });
});

describe('parseATTime', () => {
  it.each([
    ['now', NOW],
    ['', NOW],
    ['-1d', NOW - 86400],
    ['now-5min', NOW - 300],
    ['-1d2h', NOW - 93600],
    ['1500000000', 1500000000],
    ['20110501', utc('2011-05-01T00:00:00')],
    ['04:00_20110501', utc('2011-05-01T04:00:00')],
    ['16:00 20110501', utc('2011-05-01T16:00:00')],
    ['noon yesterday', utc('2023-11-14T12:00:00')],
    ['midnight-1d', utc('2023-11-14T00:00:00')],
    ['6pmtoday', utc('2023-11-15T18:00:00')],
    ['teatime tomorrow', utc('2023-11-16T16:00:00')],
    ['9:30pm', utc('2023-11-15T21:30:00')],
    ['12am', utc('2023-11-15T12:00:00')],
    ['12pm', utc('2023-11-15T00:00:00')],
    ['12/31/99', utc('1999-12-31T00:00:00')],
    ['1/1/69', utc('2069-01-01T00:00:00')],
    ['jan15', utc('2023-01-15T00:00:00')],
    ['Jan 15', utc('2023-01-15T00:00:00')],
    ['monday', utc('2023-11-13T00:00:00')],
    ['wednesday', utc('2023-11-15T00:00:00')],
    ['NOON,YESTERDAY', utc('2023-11-14T12:00:00')],
    ['20111301', 20111301],
  ])('reads %j', (text, epoch) => {
    expect(parseATTime(text, 'UTC', NOW)).toBe(epoch);
  });

  it.each([
    'garbage',
    '2015-08-22',
    '1500000000-1h',
    '-1m',
    '-1mo',
    'noon+yesterday',
    'jan',
    'feb30',
    '25:00',
    '9:60',
    '20110500',
    '-100000y',
  ])('rejects %j with RENDER_ERR_BAD_TIME naming the input', (text) => {
    const err = failure(() => parseATTime(text, 'UTC', NOW));
    expect(err.code).toBe('RENDER_ERR_BAD_TIME');
    expect(err.message).toContain(JSON.stringify(text));
  });

  it('reads references as wall-clock times of the zone', () => {
    expect(parseATTime('04:00_20110501', 'America/New_York', NOW)).toBe(utc('2011-05-01T08:00:00'));
    expect(parseATTime('midnight', 'Asia/Kolkata', NOW)).toBe(utc('2023-11-14T18:30:00'));
  });

  it('adds offsets as exact seconds across a DST change', () => {
    const midnight = parseATTime('midnight_20231105', 'America/New_York', NOW);
    expect(parseATTime('midnight_20231105+1d', 'America/New_York', NOW)).toBe(midnight + 86400);
    expect(parseATTime('midnight_20231106', 'America/New_York', NOW)).toBe(midnight + 90000);
  });

  it('takes standard time for a repeated reading and the earlier offset for a skipped one', () => {
    expect(parseATTime('01:30_20231105', 'America/New_York', NOW)).toBe(utc('2023-11-05T06:30:00'));
    expect(parseATTime('02:30_20240310', 'America/New_York', NOW)).toBe(utc('2024-03-10T07:30:00'));
  });

  it('treats an unknown zone as UTC and drops fractions of now', () => {
    expect(parseATTime('noon', 'Nowhere/Land', NOW + 0.75)).toBe(utc('2023-11-15T12:00:00'));
    expect(parseATTime('now', 'UTC', NOW + 0.75)).toBe(NOW);
  });
});

describe('parseDateArg', () => {
  it('passes epoch numbers through and parses strings in the zone', () => {
    expect(parseDateArg(1500000000, 'UTC', NOW)).toBe(1500000000);
    expect(parseDateArg('-1h', 'UTC', NOW)).toBe(NOW - 3600);
    expect(parseDateArg('00:00 20140101', 'Asia/Kolkata', NOW)).toBe(utc('2013-12-31T18:30:00'));
  });

  it('rejects bad dates with RENDER_ERR_BAD_TIME', () => {
    expect(failure(() => parseDateArg('soon', 'UTC', NOW)).code).toBe('RENDER_ERR_BAD_TIME');
    expect(failure(() => parseDateArg(Number.NaN, 'UTC', NOW)).code).toBe('RENDER_ERR_BAD_TIME');
  });
});
