// `carbonado fetch [--from T] [--until T] [--now T] [--json] [--drop nulls|zeroes|empty] PATH`: whisper-fetch's
// output (tab-separated `timestamp value` lines, `%f` values, `None` for nulls; its --json shape).
import { parseArgs } from 'node:util';
import { fetch } from '../../../storage/index.js';
import type { CliIo } from '../io.js';
import { pyPercentF, pyRepr } from '../python-format.js';

export const usage = `usage: carbonado fetch [options] PATH

Prints a whisper file's points from --from to --until as whisper-fetch does.
  --from T        epoch seconds (default: 24 hours before --now)
  --until T       epoch seconds (default: --now)
  --now T         epoch seconds taken as "now" for archive choice and retention (default: the clock)
  --json          {"start", "end", "step", "values"} as whisper-fetch --json prints it
  --drop WHAT     leave out nulls, zeroes or empty (both) values`;

const DROP: Record<string, (v: number | null) => boolean> = {
  nulls: (v) => v !== null,
  zeroes: (v) => v !== 0,
  empty: (v) => v !== 0 && v !== null,
};

function epoch(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value)) throw new RangeError(`--${name} must be whole epoch seconds, got "${value}"`);
  return Number(value);
}

export function runFetch(argv: string[], io: CliIo, clock: () => number): number {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      from: { type: 'string' },
      until: { type: 'string' },
      now: { type: 'string' },
      json: { type: 'boolean' },
      drop: { type: 'string' },
    },
    allowPositionals: true,
  });
  if (positionals.length !== 1) {
    io.stderr(usage);
    return 1;
  }
  const now = epoch(values.now, 'now', Math.floor(clock()));
  const from = epoch(values.from, 'from', now - 86400);
  const until = epoch(values.until, 'until', now);
  const keep = values.drop === undefined ? undefined : DROP[values.drop];
  if (values.drop !== undefined && keep === undefined) {
    throw new RangeError(`--drop must be one of nulls, zeroes, empty, got "${values.drop}"`);
  }
  const result = fetch(positionals[0] as string, from, until, now);
  if (result === null) {
    io.stderr('No data in selected timerange');
    return 1;
  }
  const points = keep === undefined ? result.values : result.values.filter(keep);
  if (values.json) {
    const list = `[${points.map((v) => (v === null ? 'null' : pyRepr(v))).join(', ')}]`;
    io.stdout(
      `{\n    "start" : ${result.fromInterval},\n    "end" : ${result.untilInterval},\n    "step" : ${result.step},\n` +
        `    "values" : ${list}\n  }`,
    );
    return 0;
  }
  // Like whisper-fetch, timestamps count up from the start even after --drop removed values.
  io.stdout(
    points
      .map((v, i) => `${result.fromInterval + i * result.step}\t${v === null ? 'None' : pyPercentF(v)}`)
      .join('\n'),
  );
  return 0;
}
