// format=csv as graphite-web's renderViewCsv writes it with Python's csv.writer (excel dialect): one
// `name,YYYY-MM-DD HH:MM:SS,value` row per point, CRLF line ends, time in the request's zone (pytz rules).
import type { Series } from '../series.js';
import { civilFromWall, resolveTimeZone, utcOffset } from '../time/tz.js';
import { pyFloatRepr } from './py-json.js';
import type { FormatOptions, FormatResult } from './types.js';

const pad = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** csv QUOTE_MINIMAL: quote a field holding the delimiter, a quote or a line break; double the quotes. */
function csvField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/** Python's str() of a value as the csv module writes it (repr for floats, empty for None). */
function csvValue(v: number | null): string {
  if (v === null) return '';
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  return pyFloatRepr(v);
}

/**
 * `strftime('%Y-%m-%d %H:%M:%S')` of epoch seconds in `zone`. Offsets are looked up once per hour of
 * UTC time (Intl is slow) unless the offset changes inside that hour.
 */
function localTimeFormatter(zone: string): (t: number) => string {
  const hours = new Map<number, number | null>();
  return (t) => {
    const hour = Math.floor(t / 3600);
    let offset = hours.get(hour);
    if (offset === undefined) {
      const a = utcOffset(zone, hour * 3600);
      offset = a === utcOffset(zone, hour * 3600 + 3599) ? a : null;
      hours.set(hour, offset);
    }
    const c = civilFromWall(t + (offset ?? utcOffset(zone, t)));
    return `${c.year}-${pad(c.month)}-${pad(c.day)} ${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}`;
  };
}

/**
 * format=csv (text/csv). As in graphite-web, row i is stamped start + i × step even when the series is
 * consolidated (valuesPerPoint > 1).
 */
export function formatCsv(series: readonly Series[], options: FormatOptions = {}): FormatResult {
  const format = localTimeFormatter(resolveTimeZone(options.tz));
  let out = '';
  for (const s of series) {
    const name = csvField(s.name);
    const values = s.points();
    for (let i = 0; i < values.length; i++) {
      out += `${name},${format(Math.floor(s.start + i * s.step))},${csvValue(values[i] as number | null)}\r\n`;
    }
  }
  return { body: out, contentType: 'text/csv' };
}
