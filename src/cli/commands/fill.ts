// `carbonado fill [--lock] [--now T] SRC DST`: whisper-fill — fills DST's gaps from SRC without overwriting
// DST's values (graphite.md §7.8).
import { parseArgs } from 'node:util';
import { fill } from '../../../storage/index.js';
import type { CliIo } from '../io.js';

export const usage = `usage: carbonado fill [--lock] [--now T] SRC DST

Copies data from SRC into DST where DST has none, as whisper-fill does: DST's archives are walked shortest
retention first, every gap of more than one point (null or 0 values, as whisper-fill counts them) is filled
from SRC's highest-precision archive that covers it; DST's existing values are kept.

  --lock      accepted for whisper-fill compatibility and ignored (carbonado takes no flock)
  --now T     epoch seconds taken as "now", fraction allowed (default: the clock)`;

export function runFill(argv: string[], io: CliIo, clock: () => number = () => Date.now() / 1000): number {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { lock: { type: 'boolean' }, now: { type: 'string' } },
    allowPositionals: true,
  });
  if (positionals.length !== 2) {
    io.stderr(usage);
    return 1;
  }
  const [src, dst] = positionals as [string, string];
  let now: number;
  if (values.now === undefined) {
    now = clock();
  } else {
    now = Number(values.now);
    if (values.now.trim() === '' || !Number.isFinite(now)) {
      throw new RangeError(`--now must be epoch seconds, got "${values.now}"`);
    }
  }
  fill(src, dst, { now });
  return 0;
}
