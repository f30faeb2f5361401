// CLI benchmark: `carbonado resize --schemas` over 10,000 whisper files (1m:1d → 1m:2d,10m:30d), next to
// whisper-resize looped over copies of the same files in the same run (a time-bounded sample when the whole
// set would take too long), as files/s and a ratio; then `carbonado backup` of the resized files.
// `npm run bench -- cli [--files N] [--py-seconds S] [--jobs N]` (needs `npm run build` and python3-whisper).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { create, updateMany } from '../../storage/whisper/index.js';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'dist/src/cli/main.js');
const WHISPER_RESIZE = '/usr/bin/whisper-resize';
const PER_DIR = 100;

const relPath = (i: number) => `bench/d${Math.floor(i / PER_DIR)}/m${i % PER_DIR}.wsp`;

/** One 1m:1d file with a full day of points, copied `files` times. */
function makeFiles(whisper: string, files: number, now: number): void {
  const template = join(whisper, 'template.wsp.tmp');
  mkdirSync(whisper, { recursive: true });
  create(template, [{ secondsPerPoint: 60, points: 1440 }]);
  const points = Array.from({ length: 1440 }, (_, k): [number, number] => [now - k * 60, Math.sin(k) * 100]);
  updateMany(template, points, now);
  for (let i = 0; i < files; i++) {
    if (i % PER_DIR === 0) mkdirSync(join(whisper, `bench/d${i / PER_DIR}`), { recursive: true });
    copyFileSync(template, join(whisper, relPath(i)));
  }
  rmSync(template);
}

function timed(cmd: string, args: string[]): { seconds: number; stdout: string } {
  const started = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0)
    throw new Error(`${cmd} ${args.slice(0, 3).join(' ')} failed (${r.status}): ${r.stderr}`);
  return { seconds, stdout: r.stdout };
}

/** whisper-resize per file, as a shell loop runs it, until `budget` seconds or `files` files. */
function pythonLoop(dir: string, files: number, budget: number): { files: number; seconds: number } {
  let n = 0;
  const started = performance.now();
  while (n < files && (performance.now() - started) / 1000 < budget) {
    timed('/usr/bin/python3', [WHISPER_RESIZE, join(dir, relPath(n)), '60:2880', '600:4320', '--nobackup']);
    n++;
  }
  return { files: n, seconds: (performance.now() - started) / 1000 };
}

/** whisper-resize run in one python process (runpy per file): the interpreter's start-up paid once. */
function pythonInProcess(dir: string, files: number, budget: number): { files: number; seconds: number } {
  const script = `import json, runpy, sys, time, io, contextlib
dir, files, budget = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
t0 = time.time(); n = 0
while n < files and time.time() - t0 < budget:
    d, m = divmod(n, ${PER_DIR})
    sys.argv = ['whisper-resize', '%s/bench/d%d/m%d.wsp' % (dir, d, m), '60:2880', '600:4320', '--nobackup']
    with contextlib.redirect_stdout(io.StringIO()):
        runpy.run_path('${WHISPER_RESIZE}', run_name='__main__')
    n += 1
print(json.dumps({'files': n, 'seconds': time.time() - t0}))`;
  const r = timed('/usr/bin/python3', ['-c', script, dir, String(files), String(budget)]);
  return JSON.parse(r.stdout) as { files: number; seconds: number };
}

export async function runCliBench(argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      files: { type: 'string', default: '10000' },
      'py-seconds': { type: 'string', default: '30' },
      jobs: { type: 'string', default: String(availableParallelism()) },
    },
  });
  const files = Number(values.files);
  const budget = Number(values['py-seconds']);
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build`);
  const work = mkdtempSync(join(tmpdir(), 'carbonado-bench-cli-'));
  try {
    const now = Math.floor(Date.now() / 1000);
    const conf = join(work, 'conf');
    mkdirSync(conf);
    writeFileSync(
      join(conf, 'storage-schemas.conf'),
      '[default]\npattern = .*\nretentions = 1m:2d,10m:30d\n',
    );
    const ours = join(work, 'carbonado');
    const theirs = join(work, 'python');
    const inproc = join(work, 'python-inproc');
    makeFiles(ours, files, now);
    makeFiles(theirs, files, now);
    makeFiles(inproc, files, now);

    const resize = timed(process.execPath, [
      BIN,
      'resize',
      '--schemas',
      '--whisper-dir',
      ours,
      '--conf-dir',
      conf,
      '--jobs',
      values.jobs,
      '--nobackup',
    ]);
    const summary = /^changed (\d+) files/m.exec(resize.stdout);
    if (Number(summary?.[1]) !== files)
      throw new Error(`carbonado changed ${summary?.[1]} files:\n${resize.stdout}`);
    const py = existsSync(WHISPER_RESIZE) ? pythonLoop(theirs, files, budget) : undefined;
    const pyIn = existsSync(WHISPER_RESIZE) ? pythonInProcess(inproc, files, budget) : undefined;
    const backup = existsSync(join(ROOT, 'dist/src/cli/commands/backup.js'))
      ? timed(process.execPath, [BIN, 'backup', '--whisper-dir', ours, join(work, 'backup')])
      : undefined;

    const rate = (n: number, s: number) => n / s;
    const ourRate = rate(files, resize.seconds);
    console.log(`dir: ${work}, ${files} files 1m:1d (full day) → 1m:2d,10m:30d, jobs ${values.jobs}`);
    console.log('| | files | seconds | files/s | carbonado ×|');
    console.log('|---|---|---|---|---|');
    console.log(
      `| carbonado resize --schemas (whole run, plan included) | ${files} | ${resize.seconds.toFixed(2)} | ${ourRate.toFixed(0)} | 1 |`,
    );
    for (const [label, r] of [
      ['whisper-resize per file (shell loop)', py],
      ['whisper-resize in one python (runpy per file)', pyIn],
    ] as const) {
      if (r === undefined) console.log(`| ${label} | – | – | – | python3-whisper missing |`);
      else
        console.log(
          `| ${label}${r.files < files ? ' (sample)' : ''} | ${r.files} | ${r.seconds.toFixed(2)} | ` +
            `${rate(r.files, r.seconds).toFixed(1)} | ${(ourRate / rate(r.files, r.seconds)).toFixed(1)} |`,
        );
    }
    if (backup !== undefined)
      console.log(
        `| carbonado backup (whisper dir) | ${files} | ${backup.seconds.toFixed(2)} | ` +
          `${rate(files, backup.seconds).toFixed(0)} | |`,
      );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
