// `carbonado dump [--pretty] [-r|--raw] PATH`: whisper-dump's output (meta data, archive infos, then every
// slot as `index: timestamp, value` with `%10.35g` values), line for line. Spec: graphite.md §7.8.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { info } from '../../../storage/index.js';
import type { CliIo } from '../io.js';
import { doubleParts } from '../python-format.js';

export const usage = `usage: carbonado dump [--pretty] [-r|--raw] PATH

Prints a whisper file as whisper-dump does: the meta data, each archive's info, then every slot of every
archive as "index: timestamp, value" (empty slots included, in file order).
  --pretty    timestamps as local time in ctime format ("Tue Nov 14 22:12:00 2023")
  -r, --raw   only "timestamp:value" lines, which carbonado update (or whisper-update) reads back from stdin
  -t FORMAT   whisper-dump's strftime format for --pretty: not supported, rejected`;

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Python `time.ctime(ts)`: local time as "Thu Jan  1 00:00:00 1970". */
export function pyCtime(timestamp: number): string {
  const d = new Date(timestamp * 1000);
  const two = (n: number): string => String(n).padStart(2, '0');
  return (
    `${DAYS[d.getDay()] ?? ''} ${MONTHS[d.getMonth()] ?? ''} ${String(d.getDate()).padStart(2, ' ')} ` +
    `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())} ${d.getFullYear()}`
  );
}

/** The exact decimal digits of |x| (finite, non-zero) and where the point goes: x = 0.DIGITS × 10^exp. */
function exactDigits(x: number): { digits: string; exp: number } {
  const { mantissa, exponent } = doubleParts(x);
  if (exponent >= 0) {
    const digits = (mantissa << BigInt(exponent)).toString();
    return { digits, exp: digits.length };
  }
  // m / 2^k = m·5^k / 10^k: every binary fraction has a finite decimal expansion.
  const digits = (mantissa * 5n ** BigInt(-exponent)).toString();
  return { digits, exp: digits.length + exponent };
}

/** Python `"%.{precision}g" % x`: exact value rounded half-even to `precision` significant digits. */
export function pyG(x: number, precision: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (x === 0) return `${sign}0`;
  let { digits, exp } = exactDigits(x);
  digits = digits.replace(/0+$/, '');
  if (digits.length > precision) {
    const rest = digits.slice(precision);
    let head = digits.slice(0, precision);
    const tie = /^50*$/.test(rest);
    const up = rest > '5' ? !tie : false;
    const lastOdd = Number(head[head.length - 1]) % 2 === 1;
    if (up || (tie && lastOdd)) {
      const bumped = (BigInt(head) + 1n).toString();
      if (bumped.length > head.length) exp += 1;
      head = bumped.slice(0, precision);
    }
    digits = head.replace(/0+$/, '');
  }
  const x10 = exp - 1;
  if (x10 < -4 || x10 >= precision) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${x10 < 0 ? '-' : '+'}${String(Math.abs(x10)).padStart(2, '0')}`;
  }
  if (x10 < 0) return `${sign}0.${'0'.repeat(-x10 - 1)}${digits}`;
  const whole = digits.slice(0, x10 + 1).padEnd(x10 + 1, '0');
  const frac = digits.slice(x10 + 1);
  return `${sign}${whole}${frac === '' ? '' : `.${frac}`}`;
}

export function runDump(argv: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      pretty: { type: 'boolean' },
      raw: { type: 'boolean', short: 'r' },
      'time-format': { type: 'string', short: 't' },
    },
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new RangeError('require one input file name');
  if (values['time-format'] !== undefined) {
    throw new RangeError(
      `-t/--time-format is not supported (got "${values['time-format']}"); --pretty prints ctime format`,
    );
  }
  const path = positionals[0] as string;
  const header = info(path);
  const bytes = readFileSync(path);
  const lines: string[] = [];
  if (!values.raw) {
    lines.push(
      'Meta data:',
      `  aggregation method: ${header.aggregationMethod}`,
      `  max retention: ${header.maxRetention}`,
      `  xFilesFactor: ${pyG(header.xFilesFactor, 6)}`,
      '',
    );
    header.archives.forEach((a, i) => {
      lines.push(
        `Archive ${i} info:`,
        `  offset: ${a.offset}`,
        `  seconds per point: ${a.secondsPerPoint}`,
        `  points: ${a.points}`,
        `  retention: ${a.retention}`,
        `  size: ${a.size}`,
        '',
      );
    });
  }
  header.archives.forEach((a, i) => {
    if (!values.raw) lines.push(`Archive ${i} data:`);
    for (let p = 0; p < a.points; p++) {
      const at = a.offset + p * 12;
      const timestamp = bytes.readUInt32BE(at);
      const value = bytes.readDoubleBE(at + 4);
      if (values.raw) {
        lines.push(`${timestamp}:${pyG(value, 35)}`);
      } else {
        const time = values.pretty ? pyCtime(timestamp) : String(timestamp);
        lines.push(`${p}: ${time}, ${pyG(value, 35).padStart(10, ' ')}`);
      }
    }
  });
  io.stdout(lines.join('\n'));
  return 0;
}
