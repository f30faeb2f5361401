// `carbonado diff [options] PATH_A PATH_B`: whisper-diff — the points where two files with the same archive
// layout differ, archive by archive, printed as whisper-diff prints them (graphite.md §7.8).
import { parseArgs } from 'node:util';
import { type ArchiveDiff, diff } from '../../../storage/index.js';
import type { CliIo } from '../io.js';
import { pyRepr } from '../python-format.js';
import { epochOption } from './merge.js';

export const usage = `usage: carbonado diff [options] PATH_A PATH_B

Compares two whisper files with the same archives, as whisper-diff does; archives are numbered shortest
retention first.

  --summary        show a summary of differences (total and differing points per archive)
  --ignore-empty   skip comparison if either value is undefined
  --columns        print output in simple columns
  --no-headers     do not print column headers
  --until T        epoch seconds, end of the compared interval (default: --now)
  --json           print results as JSON
  --now T          epoch seconds taken as "now" (default: the clock)`;

/** Python `%s` of a value from whisper: repr for floats, None for a missing one. */
function pyStr(v: number | null): string {
  return v === null ? 'None' : pyRepr(v);
}

/** Python json.dumps of a float (allow_nan): repr, with NaN and Infinity spelled as JSON extensions. */
function pyJsonNumber(v: number | null): string {
  if (v === null) return 'null';
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
  return pyRepr(v);
}

/** Python json.dumps of a str (ensure_ascii): non-ASCII as \\uXXXX escapes. */
function pyJsonString(s: string): string {
  return JSON.stringify(s).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** json.dumps(..., sort_keys=True, indent=2, separators=(',', ' : ')) for objects of already-encoded leaves. */
type Json = string | Json[] | { [key: string]: Json };
function dumps(value: Json, indent = ''): string {
  if (typeof value === 'string') return value;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + dumps(v, inner)).join(',\n')}\n${indent}]`;
  }
  const keys = Object.keys(value).sort();
  if (keys.length === 0) return '{}';
  return `{\n${keys.map((k) => `${inner}${pyJsonString(k)} : ${dumps(value[k] as Json, inner)}`).join(',\n')}\n${indent}}`;
}

const rjust = (s: string | number, width: number): string => String(s).padStart(width);

function printDiffs(diffs: ArchiveDiff[], pretty: boolean, headers: boolean): string {
  const h = (a: string, b: string, c: string, d: string): string =>
    pretty ? `${rjust(a, 7)} ${rjust(b, 11)} ${rjust(c, 13)} ${rjust(d, 13)}\n` : `${a} ${b} ${c} ${d}\n`;
  let out = headers ? h('archive', 'timestamp', 'value_a', 'value_b') : '';
  for (const { archive, points, total } of diffs) {
    if (pretty) {
      out += `Archive ${archive} (${points.length} of ${total} datapoints differ)\n`;
      out += h('', 'timestamp', 'value_a', 'value_b');
    }
    for (const [t, a, b] of points) {
      out += h(pretty ? '' : String(archive), String(t), pyStr(a), pyStr(b));
    }
  }
  return out;
}

function printSummary(diffs: ArchiveDiff[], pretty: boolean, headers: boolean): string {
  const f = (a: string | number, b: string | number, c: string | number): string =>
    pretty ? `${rjust(a, 7)} ${rjust(b, 9)} ${rjust(c, 9)}\n` : `${a} ${b} ${c}\n`;
  let out = headers ? f('archive', 'total', 'differing') : '';
  for (const { archive, points, total } of diffs) out += f(archive, total, points.length);
  return out;
}

function printJson(diffs: ArchiveDiff[], pathA: string, pathB: string, withPoints: boolean): string {
  return dumps({
    path_a: pyJsonString(pathA),
    path_b: pyJsonString(pathB),
    archives: diffs.map(({ archive, points, total }) => ({
      archive: String(archive),
      total: String(total),
      points: String(points.length),
      ...(withPoints
        ? {
            datapoint: points.map(([t, a, b]) => ({
              timestamp: String(t),
              value_a: pyJsonNumber(a),
              value_b: pyJsonNumber(b),
            })),
          }
        : {}),
    })),
  });
}

export function runDiff(argv: string[], io: CliIo, clock: () => number = () => Date.now() / 1000): number {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      summary: { type: 'boolean' },
      'ignore-empty': { type: 'boolean' },
      columns: { type: 'boolean' },
      'no-headers': { type: 'boolean' },
      until: { type: 'string' },
      json: { type: 'boolean' },
      now: { type: 'string' },
    },
    allowPositionals: true,
  });
  if (positionals.length !== 2) {
    io.stderr(usage);
    return 1;
  }
  const [pathA, pathB] = positionals as [string, string];
  const now = values.now === undefined ? Math.floor(clock()) : epochOption(values.now, 'now', 0);
  const until = values.until === undefined ? undefined : epochOption(values.until, 'until', now);
  const diffs = diff(pathA, pathB, {
    now,
    ignoreEmpty: values['ignore-empty'] ?? false,
    ...(until === undefined ? {} : { until }),
  });
  const pretty = !values.columns;
  const headers = !values['no-headers'];
  let text: string;
  if (values.json) text = printJson(diffs, pathA, pathB, !values.summary);
  else text = values.summary ? printSummary(diffs, pretty, headers) : printDiffs(diffs, pretty, headers);
  // io.stdout adds the newline print()/the last write ends with.
  if (text.endsWith('\n')) text = text.slice(0, -1);
  if (text !== '' || values.json) io.stdout(text);
  return 0;
}
