// `carbonado resize PATH RETENTION... [options]`: whisper-resize — rewrites a file with new archives and
// prints what it does, but swaps the new file in atomically (graphite.md §7.8, STYLE.md "File rewrites").
// `carbonado resize --schemas` resizes every file to the current schemas (src/resize/command.ts).
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type AggregationMethod, parseWhisperRetentionDef, resize } from '../../../storage/index.js';
import type { CliIo } from '../io.js';
import { epochOption } from './merge.js';
import { parsePyFloat } from '../python-format.js';
import { runResizeSchemas, schemasUsage } from '../../resize/command.js';

export const usage = `usage: carbonado resize PATH RETENTION [RETENTION ...] [options]

Rewrites PATH with new archives, as whisper-resize does: the old data is read archive by archive (coarsest
first, each over its retention) and written into a new file PATH.tmp, which then replaces PATH; the old file
is kept as PATH.bak. RETENTION is secondsPerPoint:points or spans with units, e.g. 60:1440, 1m:1d, 1h:7d.
  --xFilesFactor F         new xFilesFactor (default: the old file's)
  --aggregationMethod M    average, sum, last, max, min, avg_zero, absmax, absmin (default: the old file's)
  --force                  accepted for compatibility (whisper-resize 1.1.4 ignores it too)
  --newfile PATH           write the new file to PATH and leave the old one as it is
  --nobackup               delete PATH.bak once the new file is in place
  --aggregate              re-aggregate the old points into each new archive
  --now T                  epoch seconds taken as "now" (default: the clock)

${schemasUsage}`;

export function runResize(
  argv: string[],
  io: CliIo,
  clock: () => number = () => Date.now() / 1000,
): number | Promise<number> {
  if (argv.includes('--schemas')) return runResizeSchemas(argv, io, clock);
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      xFilesFactor: { type: 'string' },
      aggregationMethod: { type: 'string' },
      force: { type: 'boolean' },
      newfile: { type: 'string' },
      nobackup: { type: 'boolean' },
      aggregate: { type: 'boolean' },
      now: { type: 'string' },
    },
    allowPositionals: true,
  });
  const [path, ...defs] = positionals;
  if (path === undefined || defs.length === 0) {
    io.stderr(usage);
    return 1;
  }
  if (!existsSync(path)) {
    io.stderr(`[ERROR] File '${path}' does not exist!\n`);
    io.stderr(usage);
    return 1;
  }
  const now = values.now === undefined ? Math.floor(clock()) : epochOption(values.now, 'now', 0);
  const archives = defs.map((d) => parseWhisperRetentionDef(d));
  resize(path, archives, {
    now,
    aggregate: values.aggregate ?? false,
    nobackup: values.nobackup ?? false,
    ...(values.newfile === undefined ? {} : { newfile: values.newfile }),
    ...(values.xFilesFactor === undefined
      ? {}
      : { xFilesFactor: parsePyFloat(values.xFilesFactor, '--xFilesFactor') }),
    // The engine rejects an unknown method with STORAGE_ERR_INVALID_AGGREGATION_METHOD, as whisper does.
    ...(values.aggregationMethod === undefined
      ? {}
      : { aggregationMethod: values.aggregationMethod as AggregationMethod }),
    log: (line) => io.stdout(line),
  });
  return 0;
}
