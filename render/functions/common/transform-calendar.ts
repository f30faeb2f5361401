// Calendar arithmetic in the request's time zone for hitcount(alignToInterval), smartSummarize(alignTo) and
// timeShift(alignDst): graphite-web truncates aware datetimes keeping the instant's own UTC offset (pytz).
import { civilFromWall, daysFromCivil, resolveTimeZone, utcOffset } from '../../time/tz.js';

/** Calendar units graphite-web aligns to (attime.py unit strings). */
export type CalendarUnit = 'years' | 'months' | 'weeks' | 'days' | 'hours' | 'minutes' | 'seconds';

/**
 * The start of the `unit` containing `epoch` in `tz`, with `epoch`'s own UTC offset as graphite-web's
 * `datetime(s.year, …, tzinfo=s.tzinfo)` keeps it; weeks start on Monday.
 */
export function floorToUnit(epoch: number, unit: CalendarUnit, tz: string): number {
  const offset = utcOffset(resolveTimeZone(tz), Math.floor(epoch));
  const c = civilFromWall(Math.floor(epoch) + offset);
  const day = daysFromCivil(c.year, c.month, c.day) * 86400;
  let wall: number;
  switch (unit) {
    case 'years':
      wall = daysFromCivil(c.year, 1, 1) * 86400;
      break;
    case 'months':
      wall = daysFromCivil(c.year, c.month, 1) * 86400;
      break;
    case 'weeks':
      // isoweekday: Monday 1 … Sunday 7
      wall = day - ((c.weekday + 6) % 7) * 86400;
      break;
    case 'days':
      wall = day;
      break;
    case 'hours':
      wall = day + c.hour * 3600;
      break;
    case 'minutes':
      wall = day + c.hour * 3600 + c.minute * 60;
      break;
    default:
      wall = day + c.hour * 3600 + c.minute * 60 + c.second;
  }
  return wall - offset;
}

/** Whether `tz` keeps daylight saving time at `epoch`: its offset is above the smaller of January's and July's. */
export function isDst(epoch: number, tz: string): boolean {
  const zone = resolveTimeZone(tz);
  const year = civilFromWall(Math.floor(epoch)).year;
  const standard = Math.min(
    utcOffset(zone, daysFromCivil(year, 1, 1) * 86400),
    utcOffset(zone, daysFromCivil(year, 7, 1) * 86400),
  );
  return utcOffset(zone, Math.floor(epoch)) > standard;
}
