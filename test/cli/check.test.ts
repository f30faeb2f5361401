// `carbonado check` over temp trees of good and broken files, and the progress reporter with a fake clock.
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCheck } from '../../src/cli/commands/check.js';
import { Progress, formatDuration } from '../../src/cli/progress.js';
import { create, updateMany } from '../../storage/whisper/index.js';

const work = mkdtempSync(join(tmpdir(), 'carbonado-cli-check-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let seq = 0;
const NOW = 1_700_000_100;
const ARCHIVES = [
  { secondsPerPoint: 60, points: 10 },
  { secondsPerPoint: 300, points: 12 },
];

function goodFile(path: string): string {
  mkdirSync(join(path, '..'), { recursive: true });
  create(path, ARCHIVES);
  updateMany(
    path,
    Array.from({ length: 30 }, (_, i) => [NOW - i * 60, i] as const),
    NOW,
  );
  return path;
}

function patchU32(path: string, position: number, value: number): void {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(value);
  const fd = openSync(path, 'r+');
  writeSync(fd, b, 0, 4, position);
  closeSync(fd);
}

/** A tree: two good files (one nested), a truncated one, a bad-header one, a misaligned slot, a non-.wsp. */
function tree(): { dir: string; good: string[]; bad: string[]; other: string } {
  const dir = join(work, `tree-${++seq}`);
  const good = [goodFile(join(dir, 'a.wsp')), goodFile(join(dir, 'sub/deeper/b.wsp'))];
  const truncated = goodFile(join(dir, 'sub/truncated.wsp'));
  truncateSync(truncated, 100);
  const header = goodFile(join(dir, 'header.wsp'));
  patchU32(header, 0, 42);
  const slot = goodFile(join(dir, 'sub/slot.wsp'));
  patchU32(slot, 40 + 12, NOW + 1);
  const other = join(dir, 'notes.txt');
  writeFileSync(other, 'not whisper');
  return { dir, good, bad: [header, slot, truncated], other };
}

function check(argv: string[], progress: string[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCheck(
    argv,
    { stdout: (t) => out.push(t), stderr: (t) => err.push(t) },
    { progress: { write: (t) => progress.push(t), isTTY: false } },
  );
  return { code, out, err, progress };
}

describe('carbonado check', () => {
  test('good files pass with exit 0 and only the summary', () => {
    const dir = join(work, `good-${++seq}`);
    goodFile(join(dir, 'x.wsp'));
    goodFile(join(dir, 'y/z.wsp'));
    expect(check([dir])).toMatchObject({ code: 0, out: ['checked 2 files: 0 corrupt, 0 deleted'] });
  });

  test('each corrupt file gets one line with its problems; exit 1', () => {
    const { dir, bad } = tree();
    const res = check([dir]);
    expect(res.code).toBe(1);
    expect(res.out).toHaveLength(bad.length + 1);
    expect(res.out[0]).toMatch(
      new RegExp(`^${bad[0]}: .*unknown aggregation type 42.*STORAGE_ERR_CORRUPT_HEADER`),
    );
    expect(res.out[1]).toMatch(new RegExp(`^${bad[1]}: archive0: .*CHECK_SLOT_MISALIGNED`));
    expect(res.out[2]).toMatch(new RegExp(`^${bad[2]}: .*STORAGE_ERR_TRUNCATED_FILE`));
    expect(res.out.at(-1)).toBe('checked 5 files: 3 corrupt, 0 deleted');
    expect(res.progress.at(-1)).toMatch(/^checked 5\/5 files in /);
  });

  test('--verbose adds an ok line per good file', () => {
    const { dir, good } = tree();
    const res = check(['--verbose', dir]);
    for (const path of good) expect(res.out).toContain(`${path}: ok`);
    expect(res.out).toHaveLength(6);
  });

  test('--delete-corrupt removes only the corrupt files and says which', () => {
    const { dir, good, bad, other } = tree();
    const res = check(['--delete-corrupt', dir]);
    expect(res.code).toBe(1);
    for (const path of bad) expect(existsSync(path)).toBe(false);
    for (const path of [...good, other]) expect(existsSync(path)).toBe(true);
    expect(res.out.filter((l) => l.endsWith('[deleted]'))).toHaveLength(3);
    expect(res.out.at(-1)).toBe('checked 5 files: 3 corrupt, 3 deleted');
    expect(check([dir]).code).toBe(0);
  });

  test('--json prints one report with the problem codes', () => {
    const { dir, bad } = tree();
    const res = check(['--json', dir]);
    expect(res.code).toBe(1);
    expect(res.out).toHaveLength(1);
    const report = JSON.parse(res.out[0] ?? '') as {
      checked: number;
      corrupt: number;
      deleted: number;
      files: { path: string; ok: boolean; problems: { code: string }[] }[];
    };
    expect(report).toMatchObject({ checked: 5, corrupt: 3, deleted: 0 });
    expect(report.files.map((f) => [f.path, f.problems.map((p) => p.code)])).toEqual([
      [bad[0], ['STORAGE_ERR_CORRUPT_HEADER']],
      [bad[1], ['CHECK_SLOT_MISALIGNED']],
      [bad[2], ['STORAGE_ERR_TRUNCATED_FILE']],
    ]);
  });

  test('a file named on the command line is checked whatever its name, without progress', () => {
    const path = join(work, `plain-${++seq}.dat`);
    writeFileSync(path, '');
    const res = check([path]);
    expect(res.code).toBe(1);
    expect(res.out[0]).toContain('STORAGE_ERR_CORRUPT_HEADER');
    expect(res.progress).toEqual([]);
  });

  test('no PATH or a missing PATH is a usage error (exit 2)', () => {
    expect(check([]).code).toBe(2);
    const missing = check([join(work, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.err[0]).toContain('no such file or directory');
  });
});

describe('Progress', () => {
  function fake(isTTY: boolean) {
    let t = 0;
    const writes: string[] = [];
    const clock = { advance: (ms: number) => (t += ms) };
    const progress = new Progress({
      total: 100,
      unit: 'files',
      label: 'checked',
      write: (s) => writes.push(s),
      isTTY,
      now: () => t,
    });
    return { progress, writes, clock };
  }

  test('on a TTY it redraws one line with \\r, rate and ETA, and ends it with a newline', () => {
    const { progress, writes, clock } = fake(true);
    clock.advance(50);
    progress.tick();
    expect(writes).toEqual([]); // within the redraw interval
    clock.advance(950);
    progress.tick(9);
    expect(writes).toEqual(['\rchecked 10/100 files (10.0/s, ETA 9s)']);
    clock.advance(9000);
    progress.tick(90);
    progress.finish();
    // finish() does not redraw an unchanged line, only ends it.
    expect(writes.slice(1)).toEqual(['\rchecked 100/100 files (10.0/s, ETA 0s)', '\n']);
    progress.finish();
    expect(writes).toHaveLength(3);
  });

  test('on a TTY a shorter line is padded over the longer one', () => {
    const { progress, writes, clock } = fake(true);
    clock.advance(1000);
    progress.tick(1);
    clock.advance(100_000);
    progress.tick(98);
    expect(writes[0]).toBe('\rchecked 1/100 files (1.0/s, ETA 1m39s)');
    expect(writes[1]).toBe('\rchecked 99/100 files (1.0/s, ETA 1s)  ');
  });

  test('off a TTY it writes a plain line every 5 seconds and a summary', () => {
    const { progress, writes, clock } = fake(false);
    for (let i = 0; i < 20; i++) {
      clock.advance(1000);
      progress.tick(4);
    }
    expect(writes).toEqual([
      'checked 20/100 files (4.0/s, ETA 20s)\n',
      'checked 40/100 files (4.0/s, ETA 15s)\n',
      'checked 60/100 files (4.0/s, ETA 10s)\n',
      'checked 80/100 files (4.0/s, ETA 5s)\n',
    ]);
    progress.finish();
    expect(writes.at(-1)).toBe('checked 80/100 files in 20s (4.0/s)\n');
  });

  test('ETA is unknown before anything is done', () => {
    const { progress } = fake(false);
    expect(progress.line()).toBe('checked 0/100 files (0.0/s, ETA ?)');
  });

  test.each([
    [0, '0s'],
    [59.6, '1m00s'],
    [75, '1m15s'],
    [3700, '1h01m40s'],
  ])('formatDuration(%d) is %s', (s, text) => {
    expect(formatDuration(s)).toBe(text);
  });
});
