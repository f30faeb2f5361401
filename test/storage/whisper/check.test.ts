// checkFile on crafted broken files: header damage, truncation, misaligned and out-of-ring slots.
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { MAX_EXAMPLES, checkFile, isCorrupt } from '../../../storage/whisper/check.js';
import { create, updateMany } from '../../../storage/whisper/index.js';

const work = mkdtempSync(join(tmpdir(), 'carbonado-check-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let seq = 0;
const NOW = 1_700_000_000 - (1_700_000_000 % 300);
// header 16 + 2·12 = 40; archive0 at 40 (10 × 12 B), archive1 at 160 (12 × 12 B); file 304 bytes.
const ARCHIVES = [
  { secondsPerPoint: 60, points: 10 },
  { secondsPerPoint: 300, points: 12 },
];
const A0 = 40;
const A1 = 160;

/** A file written over two hours in 5-minute batches, so both rings have wrapped. */
function goodFile(archives = ARCHIVES): string {
  const path = join(work, `m-${++seq}.wsp`);
  create(path, archives);
  for (let now = NOW - 7200; now <= NOW; now += 300) {
    const points = [0, 60, 120, 180, 240].map((d) => [now - d, d] as const);
    updateMany(path, points, now);
  }
  return path;
}

function patch(path: string, position: number, bytes: Buffer): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, bytes, 0, bytes.length, position);
  } finally {
    closeSync(fd);
  }
}

const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
const slotTs = (path: string, archiveOffset: number, slot: number) =>
  readFileSync(path).readUInt32BE(archiveOffset + slot * 12);
const codes = (path: string) => checkFile(path).problems.map((p) => p.code);

describe('good files', () => {
  test('a written, wrapped file passes', () => {
    const path = goodFile();
    expect(slotTs(path, A0, 0)).not.toBe(0);
    expect(checkFile(path)).toEqual({ path, ok: true, problems: [] });
  });

  test('a never-written file passes', () => {
    const path = join(work, `empty-${++seq}.wsp`);
    create(path, ARCHIVES);
    expect(checkFile(path).ok).toBe(true);
  });

  test('reading in small chunks finds the same (nothing) on a large archive', () => {
    const path = goodFile([{ secondsPerPoint: 60, points: 1000 }]);
    expect(checkFile(path, { chunkSize: 100 }).ok).toBe(true);
  });
});

describe('header problems', () => {
  test('a zero-byte file has a corrupt header', () => {
    const path = join(work, `zero-${++seq}.wsp`);
    writeFileSync(path, '');
    const result = checkFile(path);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      { code: 'STORAGE_ERR_CORRUPT_HEADER', message: expect.stringContaining('0 bytes') },
    ]);
    expect(result.problems[0]?.message).not.toContain(path);
    expect(isCorrupt(result)).toBe(true);
  });

  test('a zeroed header has a corrupt header', () => {
    const path = goodFile();
    patch(path, 0, Buffer.alloc(40));
    expect(codes(path)).toEqual(['STORAGE_ERR_CORRUPT_HEADER']);
  });

  test('an unknown aggregation type is named', () => {
    const path = goodFile();
    patch(path, 0, u32(9));
    const [problem] = checkFile(path).problems;
    expect(problem?.code).toBe('STORAGE_ERR_CORRUPT_HEADER');
    expect(problem?.message).toContain('unknown aggregation type 9');
  });

  test('an xFilesFactor of 2.0 is named', () => {
    const path = goodFile();
    const xff = Buffer.alloc(4);
    xff.writeFloatBE(2.0);
    patch(path, 8, xff);
    const [problem] = checkFile(path).problems;
    expect(problem?.code).toBe('STORAGE_ERR_CORRUPT_HEADER');
    expect(problem?.message).toContain('xFilesFactor 2');
  });

  test.each([3, 1, 0, 0xffff_ffff])('an archive count of %i is a corrupt header', (count) => {
    const path = goodFile();
    patch(path, 12, u32(count));
    expect(codes(path)).toEqual(['STORAGE_ERR_CORRUPT_HEADER']);
  });

  test('a truncated data region is a truncated file', () => {
    const path = goodFile();
    truncateSync(path, 200);
    const result = checkFile(path);
    expect(result.problems.map((p) => p.code)).toEqual(['STORAGE_ERR_TRUNCATED_FILE']);
    expect(result.problems[0]?.message).toContain('200 bytes');
    expect(isCorrupt(result)).toBe(true);
  });

  test('a missing file is reported as not found, which is not corruption', () => {
    const result = checkFile(join(work, 'nope.wsp'));
    expect(result.problems.map((p) => p.code)).toEqual(['STORAGE_ERR_NOT_FOUND']);
    expect(result.ok).toBe(false);
    expect(isCorrupt(result)).toBe(false);
  });
});

describe('slot problems', () => {
  test('a timestamp not aligned to secondsPerPoint is misaligned, with archive and slot', () => {
    const path = goodFile();
    const ts = slotTs(path, A0, 3);
    patch(path, A0 + 3 * 12, u32(ts + 7));
    const result = checkFile(path);
    expect(result.problems).toEqual([
      {
        code: 'CHECK_SLOT_MISALIGNED',
        message: expect.stringContaining('secondsPerPoint 60'),
        archive: 0,
        slot: 3,
        count: 1,
        examples: [{ slot: 3, timestamp: ts + 7 }],
      },
    ]);
  });

  test('a timestamp from another ring position is out of ring', () => {
    const path = goodFile();
    // Slot 2 of archive1 gets slot 5's timestamp: aligned, but it belongs three slots on.
    patch(path, A1 + 2 * 12, u32(slotTs(path, A1, 5)));
    const result = checkFile(path);
    expect(result.problems.map((p) => [p.code, p.archive, p.slot, p.count])).toEqual([
      ['CHECK_SLOT_OUT_OF_RING', 1, 2, 1],
    ]);
  });

  test('a timestamp a whole retention away still fits its slot', () => {
    const path = goodFile();
    patch(path, A0 + 4 * 12, u32(slotTs(path, A0, 4) - 600));
    expect(checkFile(path).ok).toBe(true);
  });

  test('a stamp in a never-written archive (slot 0 empty) is out of ring', () => {
    const path = join(work, `stray-${++seq}.wsp`);
    create(path, ARCHIVES);
    patch(path, A1 + 3 * 12, u32(NOW));
    expect(checkFile(path).problems.map((p) => [p.code, p.archive, p.slot])).toEqual([
      ['CHECK_SLOT_OUT_OF_RING', 1, 3],
    ]);
  });

  test('a misaligned base is flagged once and the ring is judged from its aligned value', () => {
    const path = goodFile();
    patch(path, A0, u32(slotTs(path, A0, 0) + 1));
    expect(codes(path)).toEqual(['CHECK_SLOT_MISALIGNED']);
  });

  test('counts cover every bad slot but examples stop at five, across chunk boundaries', () => {
    const path = goodFile([{ secondsPerPoint: 60, points: 1000 }]);
    const bad = [1, 2, 9, 10, 11, 500, 998, 999];
    // One archive: the header is 16 + 12 = 28 bytes.
    for (const slot of bad) patch(path, 28 + slot * 12, u32(NOW * 2 + 13));
    const [problem] = checkFile(path, { chunkSize: 120 }).problems;
    expect(problem?.code).toBe('CHECK_SLOT_MISALIGNED');
    expect(problem?.count).toBe(bad.length);
    expect(problem?.slot).toBe(1);
    expect(problem?.examples?.map((e) => e.slot)).toEqual(bad.slice(0, MAX_EXAMPLES));
    expect(problem?.message).toContain('…');
  });

  test('both slot problems in both archives are reported per archive', () => {
    const path = goodFile();
    patch(path, A0 + 5 * 12, u32(slotTs(path, A0, 5) + 1));
    patch(path, A0 + 6 * 12, u32(slotTs(path, A0, 8)));
    patch(path, A1 + 7 * 12, u32(slotTs(path, A1, 7) + 30));
    const result = checkFile(path);
    expect(result.problems.map((p) => [p.code, p.archive])).toEqual([
      ['CHECK_SLOT_MISALIGNED', 0],
      ['CHECK_SLOT_OUT_OF_RING', 0],
      ['CHECK_SLOT_MISALIGNED', 1],
    ]);
    expect(isCorrupt(result)).toBe(true);
  });
});
