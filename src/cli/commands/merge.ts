// `carbonado merge [--from T] [--until T] [--now T] FROM TO`: whisper-merge — copies FROM's non-null points into
// TO (same archive layout required), archive by archive (graphite.md §7.8).
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { merge } from '../../../storage/index.js';
import type { CliIo } from '../io.js';

export const usage = `usage: carbonado merge [--from T] [--until T] [--now T] FROM_PATH TO_PATH

Copies every non-null point of FROM_PATH into TO_PATH, as whisper-merge does: both files must have the same
archives; each archive (shortest retention first) gets FROM's points of [--from, --until] that it still
retains, overwriting TO's, and propagates them to TO's lower-precision archives.

  --from T    epoch seconds (default: 0)
  --until T   epoch seconds (default: --now)
  --now T     epoch seconds taken as "now" for retention (default: the clock)`;

/** Parses whole epoch seconds (whisper-merge's optparse type="int"). */
export function epochOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value)) throw new RangeError(`--${name} must be whole epoch seconds, got "${value}"`);
  return Number(value);
}

export function runMerge(argv: string[], io: CliIo, clock: () => number = () => Date.now() / 1000): number {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { from: { type: 'string' }, until: { type: 'string' }, now: { type: 'string' } },
    allowPositionals: true,
  });
  const [fromPath, toPath] = positionals;
  if (fromPath === undefined || toPath === undefined) {
    io.stderr(usage);
    return 1;
  }
  const now = values.now === undefined ? Math.floor(clock()) : epochOption(values.now, 'now', 0);
  const from = values.from === undefined ? undefined : epochOption(values.from, 'from', 0);
  const until = values.until === undefined ? undefined : epochOption(values.until, 'until', now);
  for (const path of [fromPath, toPath]) {
    if (!existsSync(path)) {
      io.stderr(`[ERROR] File "${path}" does not exist!`);
      return 1;
    }
  }
  merge(fromPath, toPath, {
    now,
    ...(from === undefined ? {} : { from }),
    ...(until === undefined ? {} : { until }),
  });
  return 0;
}
