// `carbonado create PATH RETENTION... [options]` and `carbonado create --estimate RETENTION...`:
// whisper-create's flags, output and exit codes. Retentions use whisper.py's syntax (60:1440, 1m:1d,
// 1min:1d). Spec: graphite.md §7.8.
import { existsSync, statSync, unlinkSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  type AggregationMethod,
  type ArchiveSpec,
  create,
  parseWhisperRetentionDef,
  planHeader,
} from '../../../storage/index.js';
import type { CliIo } from '../io.js';
import { parsePyFloat } from '../python-format.js';

export const usage = `usage: carbonado create PATH RETENTION [RETENTION ...] [options]
       carbonado create --estimate RETENTION [RETENTION ...]

Creates a whisper file as whisper-create does and prints "Created: PATH (N bytes)". RETENTION is
secondsPerPoint:points or spans with units, e.g. 60:1440, 1m:1d, 15min:8, 1h:7d, 12h:2y.
  --xFilesFactor F         fraction of known points needed to propagate (default 0.5)
  --aggregationMethod M    average, sum, last, max, min, avg_zero, absmax, absmin (default average)
  --overwrite              replace an existing file
  --estimate               create nothing; print the archives and the size estimate
  --sparse                 leave the data region as a hole
  --fallocate              allocate the data region's blocks with fallocate`;

/** whisper-create's byte_format: "%.3f" of bytes, KB, MB or GB. */
function byteFormat(bytes: number): string {
  // num /= 1024.0 is exact in Python (a power of two), so num = bytes / 1024^k: round that with BigInt.
  let k = 0;
  while (k < 3 && bytes / 1024 ** k >= 1024) k++;
  const den = 1n << BigInt(10 * k);
  const num = BigInt(bytes) * 1000n;
  let q = num / den;
  const twice = (num % den) * 2n;
  if (twice > den || (twice === den && q % 2n === 1n)) q += 1n;
  const text = q.toString().padStart(4, '0');
  return `${text.slice(0, -3)}.${text.slice(-3)}${['bytes', 'KB', 'MB', 'GB'][k] ?? ''}`;
}

function estimate(defs: string[]): string {
  // Like whisper-create, a single comma-separated argument is a list.
  const [first = ''] = defs;
  const list = defs.length === 1 && first.indexOf(',') > 0 ? first.split(',') : defs;
  const specs = list.map((d) => parseWhisperRetentionDef(d));
  const lines = specs.map((a, i) => `Archive ${i}: ${a.points} points of ${a.secondsPerPoint}s precision`);
  const size = 16 + specs.length * 12 + specs.reduce((n, a) => n + a.points, 0) * 12;
  const disk = Math.ceil(size / 4096) * 4096;
  lines.push('', `Estimated Whisper DB Size: ${byteFormat(size)} (${disk} bytes on disk with 4k blocks)`, '');
  for (const x of [1, 5, 10, 50, 100, 500]) {
    lines.push(`Estimated storage requirement for ${x}k metrics: ${byteFormat(x * 1000 * disk)}`);
  }
  return lines.join('\n');
}

export function runCreate(argv: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      xFilesFactor: { type: 'string' },
      aggregationMethod: { type: 'string' },
      overwrite: { type: 'boolean' },
      estimate: { type: 'boolean' },
      sparse: { type: 'boolean' },
      fallocate: { type: 'boolean' },
    },
    allowPositionals: true,
  });
  if (values.estimate) {
    if (positionals.length === 0) {
      io.stderr(usage);
      return 1;
    }
    io.stdout(estimate(positionals));
    return 0;
  }
  const [path, ...defs] = positionals;
  if (path === undefined || defs.length === 0) {
    io.stderr(usage);
    return 1;
  }
  const archives: ArchiveSpec[] = defs.map((d) => parseWhisperRetentionDef(d));
  const options = {
    xFilesFactor:
      values.xFilesFactor === undefined ? 0.5 : parsePyFloat(values.xFilesFactor, '--xFilesFactor'),
    // The engine rejects an unknown method with STORAGE_ERR_INVALID_AGGREGATION_METHOD, as whisper does.
    aggregationMethod: (values.aggregationMethod ?? 'average') as AggregationMethod,
    sparse: values.sparse ?? false,
    fallocate: values.fallocate ?? false,
  };
  if (values.overwrite && existsSync(path)) {
    // Unlike whisper-create, validate before deleting, so a typo does not cost the old file.
    planHeader(path, archives, options);
    io.stdout(`Overwriting existing file: ${path}`);
    unlinkSync(path);
  }
  create(path, archives, options);
  io.stdout(`Created: ${path} (${statSync(path).size} bytes)`);
  return 0;
}
