// `carbonado backup`, `restore` and `verify` on quiet data directories: full and incremental backups,
// directories and tar.gz (file and stream), verify's findings, restore's refusal and --merge's whisper-fill.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, test } from 'vitest';
import { readWhisperStable } from '../../src/backup/copy.js';
import { runBackup } from '../../src/cli/commands/backup.js';
import { runRestore } from '../../src/cli/commands/restore.js';
import { runVerify } from '../../src/cli/commands/verify.js';
import type { CliIo } from '../../src/cli/io.js';
import { Wal } from '../../src/ingest/wal.js';
import { LevelMetricIndex, create, fetch, updateMany } from '../../storage/index.js';

const work = mkdtempSync(join(tmpdir(), 'carbonado-backup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let seq = 0;
const fresh = (name: string) => join(work, `${name}-${++seq}`);
const NOW = Math.floor(Date.now() / 1000 / 60) * 60;
const ARCHIVES = [
  { secondsPerPoint: 60, points: 100 },
  { secondsPerPoint: 600, points: 20 },
];
const quiet = { write: () => undefined, isTTY: false };

function capture(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
}

/** The whisper file of `name` under `whisperDir`, with `points` [minutesAgo, value]. */
function series(whisperDir: string, name: string, points: [number, number][]): string {
  const path = join(whisperDir, ...name.split('.')) + '.wsp';
  mkdirSync(join(path, '..'), { recursive: true });
  if (!existsSync(path)) create(path, ARCHIVES);
  updateMany(
    path,
    points.map(([ago, v]) => [NOW - ago * 60, v]),
    NOW,
  );
  return path;
}

/** A data directory: 6 series, one WAL segment with points for `a.b.c1`, a LevelDB index naming them. */
async function dataDir(): Promise<{ dir: string; whisper: string; names: string[] }> {
  const dir = fresh('data');
  const whisper = join(dir, 'whisper');
  const names = ['a.b.c1', 'a.b.c2', 'a.d', 'x.y.z', 'x.y.w', 'top'];
  names.forEach((n, i) =>
    series(whisper, n, [
      [1, i],
      [2, i + 1],
      [3, i + 2],
    ]),
  );
  const { wal } = Wal.open(join(dir, 'wal'), { fsyncIntervalMs: 60_000, segmentBytes: 1 << 20 }, () => {});
  wal.append(['a.b.c1', 'a.b.c1'], [NOW - 10 * 60, NOW - 11 * 60], [42, 43]);
  wal.close();
  const index = await LevelMetricIndex.open(join(dir, 'index'));
  await index.add(names.map((name) => ({ name, seen: NOW })));
  await index.close();
  return { dir, whisper, names };
}

function filesUnder(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const full = join(entry.parentPath, entry.name);
      out.set(full.slice(dir.length + 1), readFileSync(full));
    }
  }
  return out;
}

function expectSameFiles(restored: string, original: string): void {
  const a = filesUnder(restored);
  const b = filesUnder(original);
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  for (const [path, data] of b) expect(a.get(path)?.equals(data), path).toBe(true);
}

async function backup(args: string[], deps = {}): Promise<{ code: number; io: ReturnType<typeof capture> }> {
  const io = capture();
  const code = await runBackup([...args, '--json'], io, { progress: quiet, ...deps });
  return { code, io };
}

async function restore(args: string[], deps = {}) {
  const io = capture();
  const code = await runRestore(args, io, { progress: quiet, ...deps });
  return { code, io };
}

async function verify(args: string[], deps = {}) {
  const io = capture();
  const code = await runVerify(args, io, { progress: quiet, ...deps });
  return { code, io };
}

describe('backup and restore of a directory', () => {
  test('a full backup restores whisper files, WAL and index byte for byte, and verifies', async () => {
    const src = await dataDir();
    const dest = fresh('full');
    const { code, io } = await backup(['--data-dir', src.dir, dest]);
    expect(code).toBe(0);
    const summary = JSON.parse(io.out.join('\n'));
    expect(summary).toMatchObject({ copied: summary.files, inherited: 0, index: 'copied', base: null });
    const manifest = JSON.parse(readFileSync(join(dest, 'manifest.json'), 'utf8'));
    expect(manifest.files.filter((f: { kind: string }) => f.kind === 'whisper')).toHaveLength(6);
    expect(manifest.files.filter((f: { kind: string }) => f.kind === 'wal')).toHaveLength(1);
    expect(manifest.files[0]).toEqual({
      path: expect.stringMatching(/^wal\/wal-\d{12}\.log$/),
      kind: 'wal',
      size: expect.any(Number),
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      mtimeMs: expect.any(Number),
    });
    expect(manifest.startTime).toBeLessThanOrEqual(manifest.endTime);
    expect((await verify([dest])).code).toBe(0);

    const target = fresh('restored');
    const r = await restore([dest, target]);
    expect(r.io.err).toEqual([]);
    expect(r.code).toBe(0);
    expectSameFiles(join(target, 'whisper'), src.whisper);
    expectSameFiles(join(target, 'wal'), join(src.dir, 'wal'));
    expect(JSON.parse(readFileSync(join(target, 'index-scan.json'), 'utf8'))).toEqual({ complete: false });
    const index = await LevelMetricIndex.open(join(target, 'index'));
    const names: string[] = [];
    for await (const s of index.all()) names.push(s.name);
    await index.close();
    expect(names.sort()).toEqual([...src.names].sort());
  });

  test('restore refuses a non-empty data directory without --merge', async () => {
    const src = await dataDir();
    const dest = fresh('full');
    await backup(['--data-dir', src.dir, dest]);
    const target = fresh('busy');
    mkdirSync(target);
    writeFileSync(join(target, 'something'), 'x');
    const r = await restore([dest, target]);
    expect(r.code).toBe(1);
    expect(r.io.err.join('\n')).toMatch(/is not empty.*--merge/s);
    expect(readdirSync(target)).toEqual(['something']);
  });

  test('backup refuses a non-empty destination directory and a missing source', async () => {
    const src = await dataDir();
    const dest = fresh('used');
    mkdirSync(dest);
    writeFileSync(join(dest, 'old'), 'x');
    const a = await backup(['--data-dir', src.dir, dest]);
    expect(a.code).toBe(1);
    expect(a.io.err.join('\n')).toMatch(/not empty/);
    const b = await backup(['--data-dir', join(work, 'nope'), fresh('x')]);
    expect(b.code).toBe(1);
    expect(b.io.err.join('\n')).toMatch(/no such whisper directory/);
  });

  test('an incremental backup copies only changed files and restores through its base', async () => {
    const src = await dataDir();
    const full = fresh('full');
    expect((await backup(['--data-dir', src.dir, full])).code).toBe(0);
    series(src.whisper, 'a.d', [[0, 99]]);
    series(src.whisper, 'x.y.z', [[0, 98]]);
    series(src.whisper, 'new.one', [[0, 1]]);
    const incr = fresh('incr');
    const { code, io } = await backup(['--data-dir', src.dir, '--incremental', full, incr]);
    expect(code).toBe(0);
    const summary = JSON.parse(io.out.join('\n'));
    const base = JSON.parse(readFileSync(join(full, 'manifest.json'), 'utf8'));
    expect(summary.base).toBe(base.id);
    const copiedWhisper = [...filesUnder(join(incr, 'whisper')).keys()].sort();
    expect(copiedWhisper).toEqual(['a/d.wsp', 'new/one.wsp', 'x/y/z.wsp']);
    expect(existsSync(join(incr, 'wal'))).toBe(false); // the closed segment did not change
    const manifest = JSON.parse(readFileSync(join(incr, 'manifest.json'), 'utf8'));
    expect(manifest.base).toEqual({ id: base.id, path: full });
    expect(manifest.files.filter((f: { in?: string }) => f.in === base.id).length).toBe(summary.inherited);
    expect(summary.copied + summary.inherited).toBe(summary.files);

    // A second incremental on top inherits through the first: the chain is followed to the full backup.
    series(src.whisper, 'top', [[0, 7]]);
    const incr2 = fresh('incr2');
    expect((await backup(['--data-dir', src.dir, '--incremental', incr, incr2])).code).toBe(0);
    const v = await verify([incr2]);
    expect(v.io.out.at(-1)).toMatch(/3 files|files, 0 problems/);
    expect(v.code).toBe(0);
    const target = fresh('restored');
    expect((await restore([incr2, target])).code).toBe(0);
    expectSameFiles(join(target, 'whisper'), src.whisper);

    // Moved together to another place, the chain is found beside the backup restored.
    const moved = fresh('moved');
    for (const b of [full, incr, incr2])
      cpSync(b, join(moved, b.slice(work.length + 1)), { recursive: true });
    rmSync(full, { recursive: true });
    rmSync(incr, { recursive: true });
    const target2 = fresh('restored');
    const r = await restore([join(moved, incr2.slice(work.length + 1)), target2]);
    expect(r.io.err).toEqual([]);
    expect(r.code).toBe(0);
    expectSameFiles(join(target2, 'whisper'), src.whisper);
  });
});

describe('tar.gz backups', () => {
  test('a .tar.gz round trip keeps every file, long paths included', async () => {
    const src = await dataDir();
    const long = Array.from({ length: 6 }, (_, i) => `node${i}`.padEnd(60, 'x')).join('.');
    series(src.whisper, long, [[1, 5]]);
    const archive = join(fresh('tar'), 'b.tar.gz');
    expect((await backup(['--data-dir', src.dir, archive])).code).toBe(0);
    expect(existsSync(`${archive}.partial`)).toBe(false);
    expect((await verify([archive])).code).toBe(0);
    const target = fresh('restored');
    const r = await restore([archive, target]);
    expect(r.code).toBe(0);
    expectSameFiles(join(target, 'whisper'), src.whisper);
    expect(readdirSync(target).sort()).toEqual(['index', 'index-scan.json', 'wal', 'whisper']);
  });

  test('DEST - streams the tar.gz to stdout and restore - reads it from stdin', async () => {
    const src = await dataDir();
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const { code, io } = await backup(['--data-dir', src.dir, '-'], { stdout: out });
    expect(code).toBe(0);
    expect(io.out).toEqual([]); // stdout is the archive: the summary went to stderr
    expect(JSON.parse(io.err.join('\n')).dest).toBe('-');
    const stream = Buffer.concat(chunks);
    expect(stream[0]).toBe(0x1f); // gzip magic
    const target = fresh('restored');
    const r = await restore(['-', target], { stdin: () => Readable.from([stream]) });
    expect(r.code).toBe(0);
    expectSameFiles(join(target, 'whisper'), src.whisper);
  });
});

describe('verify', () => {
  test('verify reports a flipped byte, a missing file and a corrupt header', async () => {
    const src = await dataDir();
    const dest = fresh('full');
    await backup(['--data-dir', src.dir, dest]);
    const flipped = join(dest, 'whisper/a/b/c1.wsp');
    const bytes = readFileSync(flipped);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 3) ^ 0x40, bytes.length - 3);
    writeFileSync(flipped, bytes);
    rmSync(join(dest, 'whisper/x/y/w.wsp'));
    const header = join(dest, 'whisper/top.wsp');
    const h = readFileSync(header);
    h.writeUInt32BE(42, 0); // aggregation type 42
    writeFileSync(header, h);
    const { code, io } = await verify([dest]);
    expect(code).toBe(1);
    const text = io.out.join('\n');
    expect(text).toMatch(/whisper\/a\/b\/c1\.wsp: sha256 differs from the manifest \(sha256\)/);
    expect(text).toMatch(/whisper\/x\/y\/w\.wsp: missing from the backup \(missing\)/);
    expect(text).toMatch(/whisper\/top\.wsp: .*STORAGE_ERR_CORRUPT_HEADER.*\(check\)/);
    expect(io.out.at(-1)).toMatch(/4 problems — backup is NOT sound/);

    const json = await verify([dest, '--json']);
    const report = JSON.parse(json.io.out.join('\n'));
    expect(report.ok).toBe(false);
    expect(report.problems.map((p: { problem: string }) => p.problem).sort()).toEqual([
      'check',
      'missing',
      'sha256',
      'sha256',
    ]);

    // restore refuses files that do not match: the rest is restored, the run fails.
    const target = fresh('restored');
    const r = await restore([dest, target]);
    expect(r.code).toBe(1);
    expect(r.io.out.join('\n')).toMatch(/whisper\/x\/y\/w\.wsp: missing from the backup/);
    expect(existsSync(join(target, 'whisper/a/b/c2.wsp'))).toBe(true);
    expect(existsSync(join(target, 'whisper/a/b/c1.wsp'))).toBe(false);
  });

  test('verify fails on a directory without a manifest', async () => {
    const dir = fresh('empty');
    mkdirSync(dir);
    const { code, io } = await verify([dir]);
    expect(code).toBe(1);
    expect(io.err.join('\n')).toMatch(/no manifest\.json/);
  });
});

describe('restore --merge', () => {
  test('fills the gaps of existing files, keeps their points, adds missing files and applies the WAL', async () => {
    const src = await dataDir();
    // The backup's a.d has minutes 1..15; its WAL adds minutes 10 and 11 to a.b.c1.
    series(
      src.whisper,
      'a.d',
      Array.from({ length: 15 }, (_, i) => [i + 1, 1] as [number, number]),
    );
    const dest = fresh('full');
    expect((await backup(['--data-dir', src.dir, dest])).code).toBe(0);

    // The live directory: a.d has minutes 1..5 and 11..15 (value 100), a gap 6..10; a.b.c1 has minute 1..3.
    const live = fresh('live');
    const liveWhisper = join(live, 'whisper');
    series(
      liveWhisper,
      'a.d',
      [1, 2, 3, 4, 5, 11, 12, 13, 14, 15].map((m) => [m, 100] as [number, number]),
    );
    series(liveWhisper, 'a.b.c1', [
      [1, 7],
      [2, 7],
      [3, 7],
    ]);
    const r = await restore(['--merge', '--json', dest, live]);
    expect(r.io.err).toEqual([]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.io.out.join('\n'));
    expect(summary).toMatchObject({ filled: 2, copied: 4, walPoints: 2, walPointsUnmerged: 0, failed: [] });

    const values = (name: string) => {
      const got = fetch(join(liveWhisper, ...name.split('.')) + '.wsp', NOW - 16 * 60, NOW, NOW + 1);
      return new Map(got!.values.map((v, i) => [(NOW - got!.fromInterval) / 60 - i, v]));
    };
    // whisper-fill fetches each gap up to and including the point that ends it (the next newer one), so
    // that point is rewritten from the backup: minute 5 (after the 6..10 gap) and 15 (after the 16.. gap).
    const ad = values('a.d');
    for (const m of [1, 2, 3, 4, 11, 12, 13, 14]) expect(ad.get(m), `minute ${m}`).toBe(100);
    for (const m of [5, 6, 7, 8, 9, 10, 15]) expect(ad.get(m), `minute ${m}`).toBe(1);
    const c1 = values('a.b.c1');
    // Backup minutes 1..3 hold 0, 1, 2; its WAL minutes 10, 11. Minute 3 ends the live file's older gap.
    expect([c1.get(1), c1.get(2), c1.get(3), c1.get(10), c1.get(11)]).toEqual([7, 7, 2, 42, 43]);
    expect(existsSync(join(liveWhisper, 'x/y/z.wsp'))).toBe(true);
    // The live index and WAL are the server's: merge leaves them alone.
    expect(existsSync(join(live, 'wal'))).toBe(false);
    expect(existsSync(join(live, 'index'))).toBe(false);
  });
});

describe('reading a file while it is written', () => {
  test('readWhisperStable never returns a torn point while another thread rewrites them', async () => {
    const path = join(fresh('hot'), 'hot.wsp');
    mkdirSync(join(path, '..'), { recursive: true });
    create(path, [{ secondsPerPoint: 1, points: 4096 }]);
    const headerEnd = 16 + 12;
    // A writer thread pwrite()s whole points whose value is always twice the timestamp.
    const worker = new Worker(
      `const { openSync, writeSync } = require('node:fs');
       const { workerData, parentPort } = require('node:worker_threads');
       const fd = openSync(workerData.path, 'r+');
       const p = Buffer.alloc(12);
       let n = 1;
       parentPort.postMessage('ready');
       for (;;) {
         const slot = n % 4096;
         p.writeUInt32BE(n, 0);
         p.writeDoubleBE(n * 2, 4);
         writeSync(fd, p, 0, 12, workerData.headerEnd + slot * 12);
         n++;
       }`,
      { eval: true, workerData: { path, headerEnd } },
    );
    await new Promise((r) => worker.once('message', r));
    let reread = 0;
    try {
      for (let i = 0; i < 200; i++) {
        const got = readWhisperStable(path);
        reread += got.reread;
        for (let at = headerEnd; at < got.data.length; at += 12) {
          const ts = got.data.readUInt32BE(at);
          const value = got.data.readDoubleBE(at + 4);
          if (value !== ts * 2) expect.fail(`torn point at byte ${at}: ${ts}, ${value}`);
        }
      }
    } finally {
      await worker.terminate();
    }
    expect(reread).toBeGreaterThan(0); // the writer was caught mid-read and the changed points re-read
  });
});
