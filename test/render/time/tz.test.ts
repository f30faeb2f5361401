// Table tests for render/time/tz.ts: pytz zone names, pytz's offset quirks and the csv timestamp format.
import { describe, expect, it } from 'vitest';
import {
  civilFromWall,
  daysFromCivil,
  formatLocalTime,
  fromWall,
  isTimeZone,
  resolveTimeZone,
  utcOffset,
} from '../../../render/time/tz.js';

const utc = (iso: string): number => Date.parse(`${iso}Z`) / 1000;

describe('zone names', () => {
  it.each([
    ['america/new_york', 'America/New_York'],
    ['utc', 'UTC'],
    ['US/Eastern', 'US/Eastern'],
    ['Etc/GMT_plus_5', 'Etc/GMT+5'],
    ['Asia/Calcutta', 'Asia/Calcutta'],
  ])('resolves %j to pytz spelling %j', (name, zone) => {
    expect(isTimeZone(name)).toBe(true);
    expect(resolveTimeZone(name)).toBe(zone);
  });

  it.each(['', 'Nowhere/Land', '+05:00', 'Factory', ' UTC', 'Ämerica/New_York', 'Etc/GMT_PLUS_5'])(
    'does not know %j and falls back to the server zone',
    (name) => {
      expect(isTimeZone(name)).toBe(false);
      expect(resolveTimeZone(name, 'Europe/Paris')).toBe('Europe/Paris');
    },
  );

  it('falls back to UTC when no zone is given', () => {
    expect(resolveTimeZone(undefined)).toBe('UTC');
    expect(isTimeZone(undefined)).toBe(false);
  });
});

describe('pytz offsets', () => {
  it('rounds local mean time to whole minutes before 1901-12-13', () => {
    expect(utcOffset('America/New_York', utc('1850-01-01T00:00:00'))).toBe(-(4 * 3600 + 56 * 60));
    expect(utcOffset('America/New_York', utc('1902-01-01T00:00:00'))).toBe(-5 * 3600);
  });

  it('freezes the offset after 2038-01-19 as the 32-bit tz data does', () => {
    expect(utcOffset('America/New_York', utc('2040-07-01T00:00:00'))).toBe(-5 * 3600);
    expect(utcOffset('Australia/Lord_Howe', utc('2040-07-01T00:00:00'))).toBe(11 * 3600);
  });

  it('keeps fixed zones fixed where ICU links them to a city', () => {
    expect(utcOffset('EST', utc('1900-01-01T00:00:00'))).toBe(-5 * 3600);
  });

  it('localizes repeated readings as pytz is_dst=False, honouring negative DST', () => {
    const dublin = daysFromCivil(2023, 10, 29) * 86400 + 5400; // 01:30, read twice that night
    expect(fromWall('Europe/Dublin', dublin)).toBe(utc('2023-10-29T00:30:00'));
    const lordHowe = daysFromCivil(2023, 4, 2) * 86400 + 6300; // 01:45, read twice (30-minute DST)
    expect(fromWall('Australia/Lord_Howe', lordHowe)).toBe(utc('2023-04-01T15:15:00'));
  });
});

describe('calendar arithmetic', () => {
  it('round-trips dates outside the range Date.UTC handles cleanly', () => {
    for (const [y, m, d] of [
      [1, 1, 1],
      [99, 12, 31],
      [1900, 2, 28],
      [2000, 2, 29],
      [9999, 12, 31],
    ] as const) {
      expect(civilFromWall(daysFromCivil(y, m, d) * 86400 + 3723)).toMatchObject({
        year: y,
        month: m,
        day: d,
        hour: 1,
        minute: 2,
        second: 3,
      });
    }
  });
});

describe('formatLocalTime', () => {
  it('prints the wall clock of the zone', () => {
    expect(formatLocalTime(1700006400, 'UTC')).toBe('2023-11-15 00:00:00');
    expect(formatLocalTime(1700006400, 'Asia/Kolkata')).toBe('2023-11-15 05:30:00');
    expect(formatLocalTime(1699162200, 'America/New_York')).toBe('2023-11-05 01:30:00');
  });

  it('does not zero-pad years below 1000, like glibc strftime', () => {
    expect(formatLocalTime(utc('0005-01-01T00:00:00'), 'UTC')).toBe('5-01-01 00:00:00');
  });
});
