// `carbonado update [--now T] PATH [TIMESTAMP:VALUE ...]`: whisper-update. One point goes through update,
// several through updateMany (whisper's choice, which decides propagation); `N:` means now; with no points
// on the command line they are read one per line from stdin (whisper 1.1.10). Spec: graphite.md §7.8.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type Point, update, updateMany } from '../../../storage/index.js';
import type { CliIo } from '../io.js';
import { parsePyFloat } from '../python-format.js';

export const usage = `usage: carbonado update [--now T] PATH [TIMESTAMP:VALUE ...]

Writes points into a whisper file as whisper-update does: one point is an update, several an update_many.
TIMESTAMP is epoch seconds, or N for now ("N:42"); VALUE is a float (nan and inf included). With no points
given, they are read from stdin, one TIMESTAMP:VALUE per line (what carbonado dump --raw prints).
  --now T     epoch seconds taken as "now" for N: and for retention (default: the clock)`;

export interface UpdateOptions {
  /** The clock, in epoch seconds; default Date.now() / 1000. */
  clock?: () => number;
  /** The text read when no points are given; default: all of stdin. */
  stdin?: () => string;
}

function parsePoint(text: string): Point {
  const parts = text.split(':');
  if (parts.length !== 2) throw new RangeError(`expected TIMESTAMP:VALUE, got "${text.trim()}"`);
  const [ts = '', value = ''] = parts;
  // Python int(): surrounding whitespace is fine, a fraction is not.
  if (!/^\s*[+-]?\d+\s*$/.test(ts))
    throw new RangeError(`timestamp must be whole epoch seconds, got "${ts}"`);
  return [Number(ts), parsePyFloat(value, 'value')];
}

export function runUpdate(argv: string[], io: CliIo, options: UpdateOptions = {}): number {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { now: { type: 'string' } },
    allowPositionals: true,
  });
  const [path, ...given] = positionals;
  if (path === undefined) {
    io.stderr(usage);
    return 1;
  }
  let now = Math.floor((options.clock ?? (() => Date.now() / 1000))());
  if (values.now !== undefined) {
    if (!/^-?\d+$/.test(values.now))
      throw new RangeError(`--now must be whole epoch seconds, got "${values.now}"`);
    now = Number(values.now);
  }
  let texts = given;
  if (texts.length === 0) {
    const input = (options.stdin ?? (() => readFileSync(0, 'utf8')))();
    // Python iterates stdin by line; a missing final newline makes no extra (empty) line.
    texts = input.split('\n');
    if (texts[texts.length - 1] === '') texts.pop();
    if (texts.length === 0) throw new RangeError('no TIMESTAMP:VALUE points on the command line or stdin');
  }
  const points = texts.map((t) => parsePoint(t.replaceAll('N:', `${now}:`)));
  if (points.length === 1) {
    const [timestamp, value] = points[0] as Point;
    update(path, value, timestamp, now);
  } else {
    updateMany(path, points, now);
  }
  return 0;
}
