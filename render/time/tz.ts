// Time zones as graphite-web sees them: pytz names for `tz=` (render/views.py parseOptions) and pytz's
// localize/normalize/fromutc arithmetic (render/attime.py), computed from the runtime's Intl tz data.
// Wall-clock times are "wall seconds": seconds since 1970-01-01T00:00 of the naive local calendar.
import { FIXED_OFFSET_ZONES, NEGATIVE_DST_WINDOWS, PYTZ_ZONE_NAMES } from './pytz-zones.js';

/** datetime.min / datetime.max of Python, as wall seconds (years 1..9999). */
export const MIN_WALL = daysFromCivil(1, 1, 1) * 86400;
export const MAX_WALL = daysFromCivil(9999, 12, 31) * 86400 + 86399;

/** Thrown when a wall or UTC time leaves Python's datetime range (OverflowError/ValueError there). */
export class TimeRangeError extends RangeError {}

const ZONES = new Map(PYTZ_ZONE_NAMES.split(' ').map((name) => [name.toLowerCase(), name]));

function canonicalZone(tz: string): string | undefined {
  if (tz.toUpperCase() === 'UTC') return 'UTC';
  // pytz rejects non-ASCII names, undoes its old `_plus_`/`_minus_` munging, then matches case-insensitively.
  for (let i = 0; i < tz.length; i++) if (tz.charCodeAt(i) > 0x7f) return undefined;
  return ZONES.get(tz.replaceAll('_plus_', '+').replaceAll('_minus_', '-').toLowerCase());
}

/** True when pytz (and so graphite-web) knows `tz` as a zone name (case-insensitively). */
export function isTimeZone(tz: unknown): tz is string {
  return typeof tz === 'string' && canonicalZone(tz) !== undefined;
}

/**
 * The zone graphite-web would use for a `tz` parameter: pytz's spelling of `tz` when pytz knows it, else
 * (absent, empty or unknown, which graphite-web ignores silently) the server's zone `fallback`.
 */
export function resolveTimeZone(tz: string | undefined, fallback = 'UTC'): string {
  return (tz === undefined ? undefined : canonicalZone(tz)) ?? canonicalZone(fallback) ?? 'UTC';
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The exact offset (seconds) Intl reports for `zone` at UTC epoch second `t`. */
function intlOffset(zone: string, t: number): number {
  let fmt = formatters.get(zone);
  if (fmt === undefined) {
    fmt = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    formatters.set(zone, fmt);
  }
  const name = fmt.formatToParts(new Date(t * 1000)).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = /^GMT(?:([+-])(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(name);
  if (m === null) throw new RangeError(`unexpected offset "${name}" for time zone ${zone}`);
  if (m[1] === undefined) return 0;
  const secs = Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0);
  return m[1] === '-' ? -secs : secs;
}

const T32_MIN = -(2 ** 31);
const T32_MAX = 2 ** 31 - 1;
const YEAR_ONE = MIN_WALL;

/**
 * The UTC offset (seconds) pytz gives `zone` at UTC second `t`. pytz reads only the 32-bit part of the tzfile
 * (local mean time before 1901-12-13, the 2037 rules frozen after 2038-01-19) and rounds to whole minutes.
 */
export function utcOffset(zone: string, t: number): number {
  // pytz's fixed zones (UTC, Etc/GMT+5, EST, …) keep one offset where ICU may link them to a city's history.
  const fixed = FIXED_OFFSET_ZONES[zone];
  if (fixed !== undefined) return fixed;
  const at = t < T32_MIN ? YEAR_ONE : Math.min(t, T32_MAX);
  // Intl is slow per call; an hour whose two ends agree has one offset throughout (no zone changes twice an hour).
  const hour = Math.floor(at / 3600);
  const key = `${zone} ${hour}`;
  let offset = hourCache.get(key);
  if (offset === undefined) {
    const start = intlOffset(zone, hour * 3600);
    if (start !== intlOffset(zone, hour * 3600 + 3599)) return roundOffset(intlOffset(zone, at));
    if (hourCache.size >= 50000) hourCache.clear();
    offset = roundOffset(start);
    hourCache.set(key, offset);
  }
  return offset;
}

const hourCache = new Map<string, number>();

// pytz rounds every offset to the nearest minute (old datetime versions refused seconds).
const roundOffset = (seconds: number): number => Math.floor((seconds + 30) / 60) * 60;

/** UTC second → wall seconds in `zone` (pytz fromutc / normalize). */
export function toWall(zone: string, t: number): number {
  checkRange(t);
  const wall = t + utcOffset(zone, t);
  checkRange(wall);
  return wall;
}

/**
 * Wall seconds in `zone` → UTC second, as pytz `localize(dt, is_dst=False)`: an ambiguous reading (clocks
 * set back) takes the standard-time one, a skipped reading (clocks set forward) keeps the offset in force
 * six hours before.
 */
export function fromWall(zone: string, wall: number): number {
  if (FIXED_OFFSET_ZONES[zone] !== undefined) return wall - utcOffset(zone, wall);
  // pytz probes the offsets a day either side of the reading, which overflows at the ends of the calendar.
  checkRange(wall - 86400);
  checkRange(wall + 86400);
  const found = new Set<number>();
  for (const probe of [wall - 86400, wall + 86400]) {
    const t = wall - utcOffset(zone, probe);
    if (t + utcOffset(zone, t) === wall) found.add(t);
  }
  const [first, second] = [...found].sort((a, b) => a - b);
  if (first === undefined) return fromWall(zone, wall - 21600) + 21600;
  if (second === undefined) return first;
  // Ambiguous: standard time is the later reading, except where the tz data models winter as negative DST.
  const negative = (NEGATIVE_DST_WINDOWS[zone] ?? []).some(([a, b]) => a <= second && b > first);
  return negative ? first : second;
}

/** Throws TimeRangeError unless a wall or UTC second lies within Python's datetime range. */
export function checkRange(wall: number): void {
  if (!(wall >= MIN_WALL && wall <= MAX_WALL)) throw new TimeRangeError('date value out of range');
}

/** Days since 1970-01-01 of a proleptic Gregorian date (any year, no Date two-digit-year quirks). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar fields of wall seconds; weekday 0 = Sunday. */
export interface CivilTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

/** Splits wall seconds into calendar fields. */
export function civilFromWall(wall: number): CivilTime {
  const days = Math.floor(wall / 86400);
  const secs = wall - days * 86400;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return {
    year: yoe + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: doy - Math.floor((153 * mp + 2) / 5) + 1,
    hour: Math.floor(secs / 3600),
    minute: Math.floor((secs % 3600) / 60),
    second: secs % 60,
    weekday: (((days + 4) % 7) + 7) % 7,
  };
}

/** Number of days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return (
    daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) -
    daysFromCivil(year, month, 1)
  );
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * 'YYYY-MM-DD HH:MM:SS' of UTC second `epoch` in `tz` (a pytz name; unknown names mean UTC), as graphite-web's
 * csv output prints `datetime.fromtimestamp(t, tz).strftime(...)` (glibc does not zero-pad years below 1000).
 */
export function formatLocalTime(epoch: number, tz: string): string {
  const c = civilFromWall(toWall(resolveTimeZone(tz), Math.floor(epoch)));
  return `${c.year}-${pad(c.month)}-${pad(c.day)} ${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}`;
}
