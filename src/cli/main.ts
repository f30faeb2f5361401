#!/usr/bin/env -S node --max-semi-space-size=64
// The `carbonado` command: one verb per file under commands/ (whisper's bin/whisper-*.py). The shebang
// gives V8 a 64 MiB young generation: /render builds millions of short-lived numbers per request, and the
// default 16 MiB semi-space promotes them to the old generation (groupByNode over 1,000 series: 118 → 83 ms).
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { StorageError } from '../../storage/index.js';
import { AppError } from '../errors.js';
import { runBackup, usage as backupUsage } from './commands/backup.js';
import { runCheck, usage as checkUsage } from './commands/check.js';
import { runCreate, usage as createUsage } from './commands/create.js';
import { runDelete, usage as deleteUsage } from './commands/delete.js';
import { runDiff, usage as diffUsage } from './commands/diff.js';
import { runDump, usage as dumpUsage } from './commands/dump.js';
import { runFill, usage as fillUsage } from './commands/fill.js';
import { runMerge, usage as mergeUsage } from './commands/merge.js';
import { runFetch, usage as fetchUsage } from './commands/fetch.js';
import { runInfo, usage as infoUsage } from './commands/info.js';
import { runResize, usage as resizeUsage } from './commands/resize.js';
import { runRestore, usage as restoreUsage } from './commands/restore.js';
import { runServe, usage as serveUsage } from './commands/serve.js';
import {
  runSetAggregationMethod,
  usage as setAggregationMethodUsage,
} from './commands/set-aggregation-method.js';
import { runSetXFilesFactor, usage as setXFilesFactorUsage } from './commands/set-xfilesfactor.js';
import { runUpdate, usage as updateUsage } from './commands/update.js';
import { runVerify, usage as verifyUsage } from './commands/verify.js';
import { carbonadoVersion } from '../version.js';
import type { CliIo } from './io.js';

const VERBS: Record<string, { usage: string; run: (argv: string[], io: CliIo) => number | Promise<number> }> =
  {
    serve: { usage: serveUsage, run: runServe },
    delete: { usage: deleteUsage, run: runDelete },
    create: { usage: createUsage, run: runCreate },
    update: { usage: updateUsage, run: runUpdate },
    dump: { usage: dumpUsage, run: runDump },
    merge: { usage: mergeUsage, run: (argv, io) => runMerge(argv, io, () => Date.now() / 1000) },
    fill: { usage: fillUsage, run: (argv, io) => runFill(argv, io, () => Date.now() / 1000) },
    diff: { usage: diffUsage, run: (argv, io) => runDiff(argv, io, () => Date.now() / 1000) },
    resize: { usage: resizeUsage, run: (argv, io) => runResize(argv, io, () => Date.now() / 1000) },
    check: { usage: checkUsage, run: (argv, io) => runCheck(argv, io) },
    'set-aggregation-method': { usage: setAggregationMethodUsage, run: runSetAggregationMethod },
    'set-xfilesfactor': { usage: setXFilesFactorUsage, run: runSetXFilesFactor },
    info: { usage: infoUsage, run: runInfo },
    fetch: { usage: fetchUsage, run: (argv, io) => runFetch(argv, io, () => Date.now() / 1000) },
    backup: { usage: backupUsage, run: (argv, io) => runBackup(argv, io) },
    restore: { usage: restoreUsage, run: (argv, io) => runRestore(argv, io) },
    verify: { usage: verifyUsage, run: (argv, io) => runVerify(argv, io) },
  };

const HELP = `usage: carbonado <verb> [options]

verbs:
  serve   run the server (carbon receivers, write cache, WAL, persister, HTTP)
  delete  delete series from a running server (admin API)
  info    print a whisper file's header (whisper-info)
  create  create a whisper file (whisper-create)
  update  write points into a whisper file (whisper-update)
  dump    print every slot of a whisper file (whisper-dump)
  merge   copy one file's points into another (whisper-merge)
  fill    fill another file's gaps from a file (whisper-fill)
  diff    compare two files point by point (whisper-diff)
  resize  change a file's archives, keeping its data (whisper-resize)
  check   find corrupt or truncated whisper files (find-corrupt-whisper-files)
  set-aggregation-method, set-xfilesfactor   change a file's metadata (whisper-set-*)
  fetch   print a whisper file's points (whisper-fetch)
  backup  copy a live data directory consistently (directory or .tar.gz, --incremental)
  restore restore a backup into a data directory (--merge fills gaps of a live one)
  verify  check a backup against its manifest

carbonado <verb> --help shows a verb's options; carbonado --version prints the version.`;

/** Runs one command line; returns the exit code (0 ok, 1 failure, 2 usage). */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === undefined || verb === '--help' || verb === '-h' || verb === 'help') {
    io.stdout(HELP);
    return verb === undefined ? 2 : 0;
  }
  if (verb === '--version' || verb === '-v') {
    io.stdout(carbonadoVersion());
    return 0;
  }
  const command = VERBS[verb];
  if (command === undefined) {
    io.stderr(`carbonado: unknown verb "${verb}"\n\n${HELP}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof StorageError || err instanceof AppError) {
      io.stderr(`[ERROR] ${err.message} (${err.code})`);
      return 1;
    }
    if (err instanceof TypeError || err instanceof RangeError) {
      // A programming error deeper down is a TypeError too, but without parseArgs' code: rethrow those.
      const code = (err as NodeJS.ErrnoException).code;
      if (err instanceof TypeError && (code === undefined || !code.startsWith('ERR_PARSE_ARGS'))) throw err;
      // parseArgs rejects unknown options with a TypeError (ERR_PARSE_ARGS_*); our own checks use RangeError.
      io.stderr(`carbonado ${verb}: ${err.message}\n\n${command.usage}`);
      return 2;
    }
    throw err;
  }
}

// Run when executed (also through the node_modules/.bin symlink), not when imported by tests.
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === realpathSync(process.argv[1])) {
  const code = await run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text + '\n'),
    stderr: (text) => process.stderr.write(text + '\n'),
  });
  // Exit explicitly: a stopped server may leave handles (worker threads) that would keep the process alive.
  process.exit(code);
}
