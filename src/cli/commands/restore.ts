// `carbonado restore [--merge] [--json] SRC DATA_DIR`: a backup (directory, .tar.gz or - for stdin; chains of
// incremental backups resolved through their bases) into an empty data directory, or merged into a live one.
import { parseArgs } from 'node:util';
import type { Readable } from 'node:stream';
import { type RestoreSummary, restoreBackup } from '../../backup/restore.js';
import { failureStatus } from '../../backup/source.js';
import type { CliIo } from '../io.js';
import type { ProgressOptions } from '../progress.js';

export const usage = `usage: carbonado restore [--merge] [--json] SRC DATA_DIR
       carbonado restore [--merge] [--json] --whisper-dir DIR SRC

Restores the backup SRC (a directory, a .tar.gz, or - for a tar.gz on stdin; an incremental backup reads
its inherited files from its base, found where it was or beside SRC) after checking every file's sha256.
DATA_DIR must be empty or absent: whisper/, wal/ (replayed by the server at start) and index/ are written
there, and the server re-indexes the whisper files at first start.
  --merge            DATA_DIR may hold data and a server may be running on it: whisper files it lacks are
                     added, files it has get their gaps filled from the backup as whisper-fill does (existing
                     points are kept); the backup's WAL points are applied to the backup's files first.
                     The index is left to the server: send it SIGHUP to pick up added files.
  --whisper-dir DIR  restore the whisper files only, into DIR (e.g. a Graphite storage/whisper)
  --json             print the summary as JSON
Progress goes to stderr. Exit status: 0 done, 1 failed (or a file did not match the manifest), 2 usage.`;

export interface RestoreDeps {
  stdin?: () => Readable;
  progress?: Partial<ProgressOptions>;
  /** Epoch seconds (whisper-fill's "now" for --merge). */
  now?: () => number;
}

export function describeRestore(s: RestoreSummary): string[] {
  const lines = s.failed.map((f) => `${f.path}: ${f.problem}`);
  const unmerged =
    s.walPointsUnmerged > 0
      ? `, ${s.walPointsUnmerged} WAL points of series without a whisper file not merged`
      : '';
  lines.push(
    `restored ${s.id}${s.chain.length > 1 ? ` (chain ${s.chain.join(' <- ')})` : ''}: ${s.files} files, ` +
      `${s.copied} copied, ${s.filled} filled, ${s.skipped} skipped, ${s.failed.length} failed; ` +
      `${s.walPoints} WAL points${unmerged}; index ${s.index} in ${s.seconds.toFixed(1)}s`,
  );
  return lines;
}

export async function runRestore(argv: string[], io: CliIo, deps: RestoreDeps = {}): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      merge: { type: 'boolean' },
      json: { type: 'boolean' },
      'whisper-dir': { type: 'string' },
    },
    allowPositionals: true,
  });
  const wanted = values['whisper-dir'] === undefined ? 2 : 1;
  if (positionals.length !== wanted) {
    throw new RangeError(wanted === 2 ? 'give SRC and DATA_DIR' : 'with --whisper-dir give SRC only');
  }
  try {
    const summary = await restoreBackup({
      src: positionals[0] as string,
      dataDir: positionals[1],
      whisperDir: values['whisper-dir'],
      merge: values.merge === true,
      now: (deps.now ?? (() => Date.now() / 1000))(),
      stdin: deps.stdin,
      progress: deps.progress,
    });
    if (values.json) io.stdout(JSON.stringify(summary, null, 2));
    else for (const line of describeRestore(summary)) io.stdout(line);
    return summary.failed.length > 0 ? 1 : 0;
  } catch (err) {
    return failureStatus(err, io.stderr);
  }
}
