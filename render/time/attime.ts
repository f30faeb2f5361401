// from/until/now and interval strings, as graphite-web 1.1.8 render/attime.py parses them (parseATTime,
// parseTimeReference, parseTimeOffset, getUnitString) with the request's pytz zone (render/views.py).
// Times are UTC epoch seconds; wall-clock arithmetic follows pytz (see tz.ts).
import { RenderError } from '../errors.js';
import { TimeSyntaxError, isDigits, normalizeChars, pyInt, pyMod, pyStrip } from './pystr.js';
import {
  TimeRangeError,
  checkRange,
  civilFromWall,
  daysFromCivil,
  daysInMonth,
  fromWall,
  resolveTimeZone,
  toWall,
} from './tz.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** The unit names of graphite-web's attime module (hitcount/smartSummarize alignTo compare against them). */
export type TimeUnit = 'seconds' | 'minutes' | 'hours' | 'days' | 'weeks' | 'months' | 'years';

const UNIT_SECONDS: Record<TimeUnit, number> = {
  seconds: 1,
  minutes: 60,
  hours: 3600,
  days: 86400,
  weeks: 7 * 86400,
  months: 30 * 86400,
  years: 365 * 86400,
};

// Python's timedelta holds at most 999999999 days either way.
const MAX_DELTA_DAYS = 999999999;

/**
 * The unit an offset's unit word stands for, matched by prefix in graphite-web's order (`s`, `min`, `h`, `d`,
 * `w`, `mon`, `y`): `m`, `mo` and `M` match nothing. Throws RENDER_ERR_BAD_INTERVAL.
 */
export function getUnitString(unit: string): TimeUnit {
  const found = unitOf(normalizeChars(unit));
  if (found === undefined)
    throw new RenderError('RENDER_ERR_BAD_INTERVAL', `Invalid offset unit ${JSON.stringify(unit)}`, {
      context: { value: unit },
    });
  return found;
}

function unitOf(unit: string): TimeUnit | undefined {
  if (unit.startsWith('s')) return 'seconds';
  if (unit.startsWith('min')) return 'minutes';
  if (unit.startsWith('h')) return 'hours';
  if (unit.startsWith('d')) return 'days';
  if (unit.startsWith('w')) return 'weeks';
  if (unit.startsWith('mon')) return 'months';
  if (unit.startsWith('y')) return 'years';
  return undefined;
}

/** Signed seconds of a normalized offset string; '' is 0. Throws TimeSyntaxError/TimeRangeError. */
function offsetSeconds(offset: string): number {
  if (offset === '') return 0;
  let sign = 1;
  let rest = offset;
  if (!isDigits(offset.slice(0, 1))) {
    if (offset[0] !== '+' && offset[0] !== '-')
      throw new TimeSyntaxError(`invalid offset sign in "${offset}"`);
    sign = offset[0] === '-' ? -1 : 1;
    rest = offset.slice(1);
  }
  let total = 0;
  while (rest !== '') {
    const digits = /^[0-9\uE001]*/.exec(rest)?.[0] ?? '';
    if (digits === '') throw new TimeSyntaxError(`a number is expected at "${rest}"`);
    const num = pyInt(digits);
    rest = rest.slice(digits.length);
    const word = /^\p{L}*/u.exec(rest)?.[0] ?? '';
    rest = rest.slice(word.length);
    const unit = unitOf(word);
    if (unit === undefined) throw new TimeSyntaxError(`invalid offset unit "${word}"`);
    total += sign * num * UNIT_SECONDS[unit];
  }
  if (!(total >= -MAX_DELTA_DAYS * 86400 && total < (MAX_DELTA_DAYS + 1) * 86400))
    throw new TimeRangeError('offset out of range');
  return total + 0;
}

/**
 * Signed seconds of a graphite interval/offset string such as "5min", "-1d2h", "+1w" (no sign means +).
 * Parsed as graphite-web's parseTimeOffset: case- and space-sensitive ("1H", "1 h" are invalid), units by
 * prefix (mon = 30 days, y = 365 days). '' is 0. Throws RENDER_ERR_BAD_INTERVAL.
 */
export function parseTimeOffset(offset: string): number {
  try {
    return offsetSeconds(normalizeChars(offset));
  } catch (err) {
    throw new RenderError(
      'RENDER_ERR_BAD_INTERVAL',
      `Invalid interval ${JSON.stringify(offset)}: ${reason(err)}`,
      {
        cause: err,
        context: { value: offset },
      },
    );
  }
}

/**
 * Absolute seconds of an interval string (`abs(parseTimeOffset(s))`, as movingWindow and hitcount use it;
 * summarize and timeShift use the signed {@link parseTimeOffset}). Throws RENDER_ERR_BAD_INTERVAL.
 */
export function parseInterval(interval: string): number {
  return Math.abs(parseTimeOffset(interval));
}

/** A time both as its UTC second and as the wall reading it was made from (they differ by its offset). */
interface ZonedTime {
  utc: number;
  wall: number;
}

function makeWall(year: number, month: number, day: number, hour: number, minute: number): number {
  if (!(year >= 1 && year <= 9999)) throw new TimeRangeError(`year ${year} is out of range`);
  if (!(month >= 1 && month <= 12)) throw new TimeSyntaxError('month must be in 1..12');
  if (!(day >= 1 && day <= daysInMonth(year, month)))
    throw new TimeSyntaxError('day is out of range for month');
  return daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60;
}

function daysBefore(wall: number, days: number): number {
  checkRange(wall - days * 86400);
  return wall - days * 86400;
}

/** graphite-web's parseTimeReference on a normalized reference: a time of day, then a day. */
function parseTimeReference(input: string, zone: string, now: number): ZonedTime {
  const nowWall = toWall(zone, now);
  if (input === '' || input === 'now') return { utc: now, wall: nowWall };
  let ref = input;
  let hour = 0;
  let minute = 0;
  let i = ref.indexOf(':');
  if (i > 0 && i < 3) {
    hour = pyInt(ref.slice(0, i));
    minute = pyInt(ref.slice(i + 1, i + 3));
    ref = ref.slice(i + 3);
    if (ref.startsWith('am')) ref = ref.slice(2);
    else if (ref.startsWith('pm')) {
      hour = pyMod(hour + 12, 24);
      ref = ref.slice(2);
    }
  }
  i = ref.indexOf('am');
  if (i > 0 && i < 3) {
    hour = pyInt(ref.slice(0, i));
    ref = ref.slice(i + 2);
  }
  i = ref.indexOf('pm');
  if (i > 0 && i < 3) {
    hour = pyMod(pyInt(ref.slice(0, i)) + 12, 24);
    ref = ref.slice(i + 2);
  }
  for (const [word, h] of [
    ['noon', 12],
    ['midnight', 0],
    ['teatime', 16],
  ] as const) {
    if (ref.startsWith(word)) {
      [hour, minute] = [h, 0];
      ref = ref.slice(word.length);
      break;
    }
  }
  if (!(hour >= 0 && hour <= 23)) throw new TimeSyntaxError('hour must be in 0..23');
  if (!(minute >= 0 && minute <= 59)) throw new TimeSyntaxError('minute must be in 0..59');
  const today = civilFromWall(nowWall);
  let wall = daysFromCivil(today.year, today.month, today.day) * 86400 + hour * 3600 + minute * 60;

  if (ref === 'yesterday' || ref === 'today' || ref === 'tomorrow') {
    if (ref !== 'today') wall = daysBefore(wall, ref === 'yesterday' ? 1 : -1);
  } else if (ref.split('/').length === 3) {
    const [m, d, y] = ref.split('/').map(pyInt) as [number, number, number];
    let year = y < 1900 ? y + 1900 : y;
    if (year < 1970) year += 100;
    wall = makeWall(year, m, d, hour, minute);
  } else if (ref.length === 8 && isDigits(ref)) {
    wall = makeWall(pyInt(ref.slice(0, 4)), pyInt(ref.slice(4, 6)), pyInt(ref.slice(6, 8)), hour, minute);
  } else if (MONTHS.includes(ref.slice(0, 3))) {
    const day = isDigits(ref.slice(-2)) ? ref.slice(-2) : isDigits(ref.slice(-1)) ? ref.slice(-1) : undefined;
    if (day === undefined) throw new TimeSyntaxError('day of month required after month name');
    wall = makeWall(today.year, MONTHS.indexOf(ref.slice(0, 3)) + 1, pyInt(day), hour, minute);
  } else if (WEEKDAYS.includes(ref.slice(0, 3))) {
    // The most recent such weekday, today included.
    wall = daysBefore(wall, pyMod(today.weekday - WEEKDAYS.indexOf(ref.slice(0, 3)), 7));
  } else if (ref !== '') {
    throw new TimeSyntaxError(`unknown day reference "${input}"`);
  }
  return { utc: fromWall(zone, wall), wall };
}

/**
 * UTC epoch seconds of a graphite time: an epoch ("1500000000"), "YYYYMMDD", or a reference ("now", "noon
 * yesterday", "04:00_20110501", "monday", "jan15", "12/31/99", …) followed by an offset ("-1d2h", "+30min").
 * Spaces, `_` and `,` are ignored and case does not matter. `tz` is a pytz zone name (unknown names mean UTC)
 * and `now` the reference time in epoch seconds (fractions dropped, as graphite-web's epoch() does).
 * Follows graphite-web including its quirks: "12am" is noon, "12pm" midnight, `m` and `mo` are not units,
 * offsets are exact seconds across DST changes. Throws RENDER_ERR_BAD_TIME.
 */
export function parseATTime(s: string, tz: string, now: number): number {
  try {
    return parseNormalized(
      normalizeChars(pyStrip(s).toLowerCase()).replace(/[_, ]/g, ''),
      resolveTimeZone(tz),
      Math.floor(now),
    );
  } catch (err) {
    if (!(err instanceof TimeSyntaxError || err instanceof TimeRangeError)) throw err;
    throw new RenderError('RENDER_ERR_BAD_TIME', `Invalid time ${JSON.stringify(s)}: ${reason(err)}`, {
      cause: err,
      context: { value: s },
    });
  }
}

function parseNormalized(s: string, zone: string, now: number): number {
  if (isDigits(s)) {
    const yyyymmdd =
      s.length === 8 && pyInt(s.slice(0, 4)) > 1900 && pyInt(s.slice(4, 6)) < 13 && pyInt(s.slice(6)) < 32;
    if (!yyyymmdd) {
      const epoch = pyInt(s);
      toWall(zone, epoch);
      return epoch;
    }
  }
  // The offset starts at the first '+', or failing that the first '-'.
  const plus = s.indexOf('+');
  const at = plus >= 0 ? plus : s.indexOf('-');
  const ref = parseTimeReference(at >= 0 ? s.slice(0, at) : s, zone, now);
  const delta = offsetSeconds(at >= 0 ? s.slice(at) : '');
  // Python adds the offset to the wall reading (which must stay a valid datetime), then normalizes: the
  // result is exact seconds from the reference, whatever DST change lies between.
  checkRange(ref.wall + delta);
  toWall(zone, ref.utc + delta);
  return ref.utc + delta;
}

/**
 * A function argument of param type `date` (timeSlice, verticalLine, linearRegression, …) as epoch seconds:
 * numbers are epoch seconds already, strings go through {@link parseATTime}. Throws RENDER_ERR_BAD_TIME.
 */
export function parseDateArg(value: string | number, tz: string, now: number): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new RenderError('RENDER_ERR_BAD_TIME', `Invalid time ${String(value)}: not a finite number`, {
        context: { value },
      });
    return Math.floor(value);
  }
  return parseATTime(value, tz, now);
}

function reason(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
