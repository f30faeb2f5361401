// `carbonado check [--delete-corrupt] [--verbose] [--json] PATH...`: find-corrupt-whisper-files
// (graphite.md §7.8), extended from the header to truncation and every slot's timestamp.
import { lstatSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type CheckResult, checkFile, isCorrupt } from '../../../storage/index.js';
import type { CliIo } from '../io.js';
import { Progress, type ProgressOptions } from '../progress.js';

export const usage = `usage: carbonado check [--delete-corrupt] [--verbose] [--json] PATH...

Checks whisper files as find-corrupt-whisper-files does, and more: the header, truncation, and every slot's
timestamp (a multiple of the archive's secondsPerPoint, in the ring slot whisper would put it). Each PATH is
a file or a directory searched recursively for *.wsp. Prints "PATH: problem; problem" per corrupt file,
then "checked N files: M corrupt, K deleted". Progress goes to stderr when a directory is given.
  --delete-corrupt   delete corrupt files (not files that merely could not be read)
  --verbose          also print "PATH: ok" for each good file
  --json             print one JSON report instead (all files with --verbose, else corrupt/unreadable ones)
Exit status: 0 all files are fine, 1 a file is corrupt or unreadable, 2 usage error or missing PATH.`;

export interface CheckDeps {
  /** Overrides for the progress reporter (tests inject write, isTTY and the clock). */
  progress?: Partial<ProgressOptions>;
}

interface FileReport extends CheckResult {
  deleted?: boolean;
  deleteError?: string;
}

/** *.wsp files under `dir`, sorted; symlinked files count, symlinked directories are not entered (os.walk). */
function walk(dir: string, out: string[]): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (entry.name.endsWith('.wsp') && (entry.isFile() || entry.isSymbolicLink())) out.push(path);
  }
}

function describe(report: FileReport): string {
  const problems = report.problems.map((p) => `${p.message} (${p.code})`).join('; ');
  const deleted = report.deleted
    ? ' [deleted]'
    : report.deleteError
      ? ` [not deleted: ${report.deleteError}]`
      : '';
  return `${report.path}: ${problems}${deleted}`;
}

export function runCheck(argv: string[], io: CliIo, deps: CheckDeps = {}): number {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      'delete-corrupt': { type: 'boolean' },
      verbose: { type: 'boolean' },
      json: { type: 'boolean' },
    },
    allowPositionals: true,
  });
  if (positionals.length === 0) {
    io.stderr(usage);
    return 2;
  }
  const files: string[] = [];
  let sawDirectory = false;
  for (const path of positionals) {
    let stats;
    try {
      stats = lstatSync(path).isSymbolicLink() ? statSync(path) : lstatSync(path);
    } catch {
      io.stderr(`carbonado check: ${path}: no such file or directory`);
      return 2;
    }
    if (stats.isDirectory()) {
      sawDirectory = true;
      walk(path, files);
    } else {
      // A file named on the command line is checked whatever its extension.
      files.push(path);
    }
  }

  const progress = sawDirectory
    ? new Progress({ total: files.length, unit: 'files', label: 'checked', ...deps.progress })
    : undefined;
  const reports: FileReport[] = [];
  let corrupt = 0;
  let deleted = 0;
  for (const path of files) {
    const report: FileReport = checkFile(path);
    if (!report.ok) {
      corrupt++;
      if (values['delete-corrupt'] && isCorrupt(report)) {
        try {
          unlinkSync(path);
          report.deleted = true;
          deleted++;
        } catch (err) {
          report.deleteError = (err as Error).message;
        }
      }
    }
    if (!report.ok || values.verbose) {
      if (values.json) reports.push(report);
      else io.stdout(report.ok ? `${path}: ok` : describe(report));
    }
    progress?.tick();
  }
  progress?.finish();

  if (values.json) {
    io.stdout(JSON.stringify({ checked: files.length, corrupt, deleted, files: reports }, null, 2));
  } else {
    io.stdout(`checked ${files.length} files: ${corrupt} corrupt, ${deleted} deleted`);
  }
  return corrupt > 0 ? 1 : 0;
}
