// `carbonado backup [--data-dir DIR | --whisper-dir DIR] [--incremental PREV] [--json] DEST`: a consistent copy
// of a live data directory (whisper files without torn points, WAL, index) with a manifest; docs/cli.md.
import { parseArgs } from 'node:util';
import type { Writable } from 'node:stream';
import { type BackupSummary, takeBackup } from '../../backup/backup.js';
import { failureStatus } from '../../backup/source.js';
import type { CliIo } from '../io.js';
import type { ProgressOptions } from '../progress.js';

export const usage = `usage: carbonado backup (--data-dir DIR | --whisper-dir DIR) [--incremental PREV] [--json] DEST

Copies a data directory while the server runs: WAL segments first, then every whisper file (read twice,
changed points re-read, so none is torn), then the LevelDB index when it holds still (else restore has the
server rebuild it from the files). Every point accepted before the backup's start time is in the copy.
DEST is a new directory, a .tar.gz/.tgz file, or - (a tar.gz on stdout). manifest.json, written last, lists
each file with size, sha256 and mtime, and the start and end times.
  --data-dir DIR       a carbonado data directory (whisper/, wal/, index/)
  --whisper-dir DIR    whisper files only (e.g. a Graphite storage/whisper)
  --incremental PREV   copy only files changed since the backup PREV (directory or .tar.gz); the rest are
                       listed as inherited from it, and restore reads them from PREV
  --json               print the summary as JSON
Progress goes to stderr. Exit status: 0 done, 1 failed, 2 usage error.`;

export interface BackupDeps {
  /** Where DEST "-" writes (default process.stdout). */
  stdout?: Writable;
  progress?: Partial<ProgressOptions>;
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)} ${units[i]}`;
}

export function describeBackup(s: BackupSummary): string {
  const base = s.base === null ? '' : ` on base ${s.base}`;
  const index = { copied: 'index copied', rebuild: 'index to be rebuilt on restore', none: 'no index' }[
    s.index
  ];
  return (
    `backup ${s.id}${base} to ${s.dest}: ${s.files} files (${s.copied} copied, ${s.inherited} inherited), ` +
    `${formatBytes(s.copiedBytes)} written in ${s.seconds.toFixed(1)}s (${s.filesPerSecond.toFixed(0)} files/s); ` +
    `covers points accepted before ${new Date(s.startTime * 1000).toISOString()}; ${index}`
  );
}

export async function runBackup(argv: string[], io: CliIo, deps: BackupDeps = {}): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      'whisper-dir': { type: 'string' },
      incremental: { type: 'string' },
      json: { type: 'boolean' },
    },
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new RangeError('give one DEST (a directory, a .tar.gz file, or -)');
  if ((values['data-dir'] === undefined) === (values['whisper-dir'] === undefined)) {
    throw new RangeError('give exactly one of --data-dir and --whisper-dir');
  }
  const dest = positionals[0] as string;
  // With DEST "-" stdout carries the archive: the summary goes to stderr.
  const say = dest === '-' ? io.stderr : io.stdout;
  try {
    const summary = await takeBackup({
      dataDir: values['data-dir'],
      whisperDir: values['whisper-dir'],
      dest,
      incremental: values.incremental,
      stdout: deps.stdout,
      progress: deps.progress,
    });
    say(values.json ? JSON.stringify(summary, null, 2) : describeBackup(summary));
    return 0;
  } catch (err) {
    return failureStatus(err, io.stderr);
  }
}
