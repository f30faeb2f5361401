// `carbonado resize --schemas`: the plan, --dry-run, applying it (rewrite vs header only, .bak, --nobackup),
// and byte equality with whisper-resize / whisper-set-aggregation-method run with the same targets.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { create, fetch, info, updateMany } from '../../storage/index.js';
import { runResize } from '../../src/cli/commands/resize.js';
import type { CliIo } from '../../src/cli/io.js';

const NOW = 1_700_000_000;
const tmp = mkdtempSync(join(tmpdir(), 'carbonado-resize-schemas-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SCHEMAS = `[resize_me]
pattern = ^app\\.
retentions = 1m:2d,10m:30d

[default]
pattern = .*
retentions = 1m:1d
`;
const AGGREGATION = `[sums]
pattern = \\.count$
xFilesFactor = 0
aggregationMethod = sum
`;

let n = 0;
/** A conf dir and a whisper dir holding `files` (relative path → points), all created as 1m:1d. */
function setup(files: Record<string, [number, number][]>) {
  const root = join(tmp, String(n++));
  const conf = join(root, 'conf');
  const whisper = join(root, 'whisper');
  mkdirSync(conf, { recursive: true });
  writeFileSync(join(conf, 'storage-schemas.conf'), SCHEMAS);
  writeFileSync(join(conf, 'storage-aggregation.conf'), AGGREGATION);
  for (const [path, points] of Object.entries(files)) {
    mkdirSync(dirname(join(whisper, path)), { recursive: true });
    create(join(whisper, path), [{ secondsPerPoint: 60, points: 1440 }]);
    updateMany(join(whisper, path), points, NOW);
  }
  return { conf, whisper };
}

async function carbonado(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t + '\n'), stderr: (t) => (stderr += t + '\n') };
  const code = await runResize(['--schemas', '--now', String(NOW), ...argv], io, () => {
    throw new Error('the clock must not be read when --now is given');
  });
  return { stdout, stderr, code };
}

const points = (k: number): [number, number][] =>
  Array.from({ length: 50 }, (_, i) => [NOW - i * 97, k * 1000 + i * 0.5]);
const TAGGED = '_tagged/3f2/a1b/3f2a1b.wsp';
const FILES = {
  'app/cpu.wsp': points(1),
  'app/mem.wsp': points(2),
  'web/hits/count.wsp': points(3),
  'web/latency.wsp': points(4),
  [TAGGED]: points(5),
};

describe('the plan', () => {
  test('--dry-run lists each file to change, counts by kind, and changes nothing', async () => {
    const { conf, whisper } = setup(FILES);
    const before = Object.keys(FILES).map((p) => readFileSync(join(whisper, p)));
    const out = await carbonado(['--dry-run', '--conf-dir', conf, '--whisper-dir', whisper]);
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(
      [
        'plan: 5 files: 2 to rewrite, 1 header only, 1 unchanged, 1 skipped',
        '  2  archives 60:1440 -> 60:2880,600:4320',
        '  1  xFilesFactor 0.5 -> 0.0, aggregationMethod average -> sum',
        `skipped ${TAGGED}: tagged series: no metric index (--whisper-dir) to name them`,
        'app/cpu.wsp: archives 60:1440 -> 60:2880,600:4320',
        'app/mem.wsp: archives 60:1440 -> 60:2880,600:4320',
        'web/hits/count.wsp: xFilesFactor 0.5 -> 0.0, aggregationMethod average -> sum',
        '',
      ].join('\n'),
    );
    expect(Object.keys(FILES).map((p) => readFileSync(join(whisper, p)))).toEqual(before);
  });

  test('--json gives the plan as data', async () => {
    const { conf, whisper } = setup(FILES);
    const out = await carbonado(['--dry-run', '--json', '--conf-dir', conf, '--whisper-dir', whisper]);
    const { plan } = JSON.parse(out.stdout) as { plan: { changes: { path: string; kind: string }[] } };
    expect(plan.changes.map((c) => [c.path, c.kind])).toEqual([
      ['app/cpu.wsp', 'resize'],
      ['app/mem.wsp', 'resize'],
      ['web/hits/count.wsp', 'metadata'],
    ]);
  });
});

describe('applying the plan', () => {
  test('rewrites files with other archives, keeps .bak, and only re-heads the others', async () => {
    const { conf, whisper } = setup(FILES);
    const latency = readFileSync(join(whisper, 'web/latency.wsp'));
    const out = await carbonado(['--jobs', '2', '--conf-dir', conf, '--whisper-dir', whisper]);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(
      /^changed 3 files \(2 rewritten, 1 header only\), 1 unchanged, 0 failed, 1 skipped in [\d.]+s \(\d+ files\/s\)$/m,
    );
    const cpu = info(join(whisper, 'app/cpu.wsp'));
    expect(cpu.archives.map((a) => [a.secondsPerPoint, a.points])).toEqual([
      [60, 2880],
      [600, 4320],
    ]);
    // The last day of points is all there (the old file is the .bak).
    const day = (p: string) => fetch(join(whisper, p), NOW - 86_000, NOW, NOW)?.values;
    expect(day('app/cpu.wsp')?.filter((v) => v !== null)).toHaveLength(50);
    expect(day('app/cpu.wsp')).toEqual(day('app/cpu.wsp.bak'));
    expect(readdirSync(join(whisper, 'app')).sort()).toEqual([
      'cpu.wsp',
      'cpu.wsp.bak',
      'mem.wsp',
      'mem.wsp.bak',
    ]);
    const count = info(join(whisper, 'web/hits/count.wsp'));
    expect([count.xFilesFactor, count.aggregationMethod, count.archives.length]).toEqual([0, 'sum', 1]);
    expect(readFileSync(join(whisper, 'web/latency.wsp')).equals(latency)).toBe(true);
    // A second run finds nothing to do.
    const again = await carbonado(['--conf-dir', conf, '--whisper-dir', whisper]);
    expect(again.stdout).toMatch(/^plan: 5 files: 0 to rewrite, 0 header only, 4 unchanged, 1 skipped$/m);
  });

  test('--nobackup leaves no .bak behind', async () => {
    const { conf, whisper } = setup({ 'app/cpu.wsp': points(1) });
    const out = await carbonado(['--nobackup', '--conf-dir', conf, '--whisper-dir', whisper]);
    expect(out.code).toBe(0);
    expect(readdirSync(join(whisper, 'app'))).toEqual(['cpu.wsp']);
  });

  test('a corrupt file is skipped and listed, the rest is done', async () => {
    const { conf, whisper } = setup({ 'app/cpu.wsp': points(1) });
    writeFileSync(join(whisper, 'app/bad.wsp'), Buffer.alloc(10));
    const out = await carbonado(['--conf-dir', conf, '--whisper-dir', whisper]);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^skipped app\/bad\.wsp: unreadable: /m);
    expect(info(join(whisper, 'app/cpu.wsp')).archives).toHaveLength(2);
  });

  test('usage errors exit 2', async () => {
    const out = await carbonado(['--whisper-dir', join(tmp, 'nowhere')]);
    expect(out.code).toBe(2);
    await expect(carbonado(['--jobs', '0', '--whisper-dir', tmp])).rejects.toThrow(RangeError);
  });
});

// Live differential: the same files through Debian's python3-whisper tools, "now" pinned in both.
const PY_TOOLS = '/usr/bin/whisper-resize';
const PY_RUN = `import runpy, sys, time
now = int(sys.argv[1]); time.time = lambda: now
sys.argv = [sys.argv[2]] + sys.argv[3:]
runpy.run_path(sys.argv[0], run_name='__main__')`;

function python(tool: string, args: string[]): void {
  const r = spawnSync('/usr/bin/python3', ['-c', PY_RUN, String(NOW), `/usr/bin/${tool}`, ...args], {
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
}

describe.skipIf(!existsSync(PY_TOOLS))('byte equality with the whisper tools', () => {
  test('every file equals whisper-resize / whisper-set-aggregation-method output for its target', async () => {
    const dense = Array.from({ length: 3000 }, (_, i): [number, number] => [NOW - i * 37, Math.sin(i) * 100]);
    const { conf, whisper } = setup({
      'app/dense.wsp': dense,
      'app/sparse.wsp': points(7),
      'app/empty.wsp': [],
      'web/hits/count.wsp': dense,
    });
    const py = join(dirname(whisper), 'py');
    const files = ['app/dense.wsp', 'app/sparse.wsp', 'app/empty.wsp', 'web/hits/count.wsp'];
    for (const f of files) {
      mkdirSync(dirname(join(py, f)), { recursive: true });
      copyFileSync(join(whisper, f), join(py, f));
    }
    const out = await carbonado(['--conf-dir', conf, '--whisper-dir', whisper]);
    expect(out.code).toBe(0);
    for (const f of files.slice(0, 3)) {
      python('whisper-resize', [
        join(py, f),
        '60:2880',
        '600:4320',
        '--xFilesFactor',
        '0.5',
        '--aggregationMethod',
        'average',
      ]);
    }
    python('whisper-set-aggregation-method', [join(py, 'web/hits/count.wsp'), 'sum', '0']);
    for (const f of files) {
      expect(readFileSync(join(whisper, f)).equals(readFileSync(join(py, f))), f).toBe(true);
      if (f.startsWith('app/'))
        expect(readFileSync(join(whisper, `${f}.bak`)).equals(readFileSync(join(py, `${f}.bak`))), f).toBe(
          true,
        );
    }
  });
});
