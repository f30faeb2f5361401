// `carbonado verify [--json] BACKUP`: every file of a backup against its manifest (present, size, sha256)
// and every whisper file through `check`; incremental backups are verified with their bases.
import { parseArgs } from 'node:util';
import type { Readable } from 'node:stream';
import { failureStatus } from '../../backup/source.js';
import { verifyBackup } from '../../backup/verify.js';
import type { CliIo } from '../io.js';
import type { ProgressOptions } from '../progress.js';

export const usage = `usage: carbonado verify [--json] BACKUP

Checks the backup BACKUP (a directory, a .tar.gz, or - for stdin): every file its manifest lists, including
those an incremental backup inherits from its bases, must be present with the listed size and sha256, and
every whisper file must pass \`carbonado check\` (header, length, slot timestamps). Prints "PATH: problem"
per bad file, then "verified BACKUP ID: N files, M problems". A .tar.gz is unpacked into the temp directory.
  --json   print one JSON report instead
Progress goes to stderr. Exit status: 0 the backup is sound, 1 a file is missing, differs or is corrupt (or
the backup cannot be read), 2 usage error.`;

export interface VerifyDeps {
  stdin?: () => Readable;
  progress?: Partial<ProgressOptions>;
}

export async function runVerify(argv: string[], io: CliIo, deps: VerifyDeps = {}): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { json: { type: 'boolean' } },
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new RangeError('give one BACKUP');
  const src = positionals[0] as string;
  try {
    const report = await verifyBackup({ src, stdin: deps.stdin, progress: deps.progress });
    if (values.json) {
      io.stdout(JSON.stringify(report, null, 2));
    } else {
      for (const p of report.problems) io.stdout(`${p.path}: ${p.message} (${p.problem})`);
      const chain = report.chain.length > 1 ? ` (chain ${report.chain.join(' <- ')})` : '';
      io.stdout(
        `verified ${src} ${report.id}${chain}: ${report.files} files, ${report.problems.length} problems` +
          (report.ok ? '' : ' — backup is NOT sound'),
      );
    }
    return report.ok ? 0 : 1;
  } catch (err) {
    return failureStatus(err, io.stderr);
  }
}
