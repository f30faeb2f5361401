import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { StorageError } from '../../../storage/errors.js';
import {
  type FileIo,
  WhisperFile,
  canFallocate,
  create,
  fetch,
  info,
  setAggregationMethod,
  setXFilesFactor,
  update,
  updateMany,
} from '../../../storage/whisper/index.js';

const work = mkdtempSync(join(tmpdir(), 'carbonado-file-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let seq = 0;
const fresh = (name = 'm') => join(work, `${name}-${++seq}.wsp`);
const NOW = 1_700_000_000;
const A3 = [
  { secondsPerPoint: 10, points: 12 },
  { secondsPerPoint: 60, points: 10 },
  { secondsPerPoint: 300, points: 12 },
];

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof StorageError) return err.code;
    throw err;
  }
  return undefined;
}

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
  return '';
}

describe('create', () => {
  test('writes whisper defaults (average, xFilesFactor 0.5) and a zero-filled data region', () => {
    const path = fresh();
    create(path, [{ secondsPerPoint: 60, points: 1440 }]);
    const bytes = readFileSync(path);
    expect(bytes.length).toBe(16 + 12 + 1440 * 12);
    expect(bytes.subarray(0, 28).toString('hex')).toBe(
      '00000001' + '00015180' + '3f000000' + '00000001' + '0000001c' + '0000003c' + '000005a0',
    );
    expect(bytes.subarray(28).every((b) => b === 0)).toBe(true);
  });

  test('sorts the archives by precision and lays them out back to back', () => {
    const path = fresh();
    create(path, [A3[2]!, A3[0]!, A3[1]!]);
    expect(
      info(path).archives.map((a) => [a.offset, a.secondsPerPoint, a.points, a.retention, a.size]),
    ).toEqual([
      [52, 10, 12, 120, 144],
      [196, 60, 10, 600, 120],
      [316, 300, 12, 3600, 144],
    ]);
  });

  test('a sparse file reads the same bytes but allocates almost nothing', () => {
    const zeroed = fresh();
    const sparse = fresh();
    const big = [{ secondsPerPoint: 10, points: 8640 * 30 }];
    create(zeroed, big);
    create(sparse, big, { sparse: true });
    expect(readFileSync(sparse).equals(readFileSync(zeroed))).toBe(true);
    expect(statSync(sparse).blocks * 512).toBeLessThan(statSync(zeroed).size / 4);
  });

  test('fallocate allocates every block up front and reads the same bytes', () => {
    // CI builds the optional addon; it must be there, so this cannot pass by falling back.
    expect(canFallocate() || process.env.CI === undefined).toBe(true);
    const zeroed = fresh();
    const allocated = fresh();
    const big = [{ secondsPerPoint: 10, points: 8640 * 30 }];
    create(zeroed, big);
    create(allocated, big, { fallocate: true, sparse: true });
    expect(readFileSync(allocated).equals(readFileSync(zeroed))).toBe(true);
    // Allocated blocks cover the file; without the addon it falls back to sparse (almost nothing allocated).
    expect(statSync(allocated).blocks * 512 >= statSync(allocated).size - 4096).toBe(canFallocate());
  });

  test('fallocate failing with ENOSPC is STORAGE_ERR_IO and leaves nothing', () => {
    const dir = mkdtempSync(join(work, 'fallocate-'));
    const io: FileIo = {
      ...(fs as unknown as FileIo),
      fallocateSync: () => {
        throw Object.assign(new Error('No space left on device'), { code: 'ENOSPC' });
      },
    };
    expect(codeOf(() => create(join(dir, 'x.wsp'), A3, { fallocate: true, io }))).toBe('STORAGE_ERR_IO');
    expect(readdirSync(dir)).toEqual([]);
  });

  test('refuses an existing path and leaves it untouched', () => {
    const path = fresh();
    writeFileSync(path, 'not whisper');
    expect(codeOf(() => create(path, A3))).toBe('STORAGE_ERR_FILE_EXISTS');
    expect(readFileSync(path, 'utf8')).toBe('not whisper');
  });

  test('a missing directory is STORAGE_ERR_NOT_FOUND', () => {
    expect(codeOf(() => create(join(work, 'no/such/dir/x.wsp'), A3))).toBe('STORAGE_ERR_NOT_FOUND');
  });

  test.each([
    [[], 'at least one archive'],
    [
      [
        { secondsPerPoint: 60, points: 10 },
        { secondsPerPoint: 60, points: 20 },
      ],
      'same precision (archive0: 60s×10, archive1: 60s×20)',
    ],
    [
      [
        { secondsPerPoint: 60, points: 100 },
        { secondsPerPoint: 90, points: 100 },
      ],
      '(archive0: 60s, archive1: 90s)',
    ],
    [
      [
        { secondsPerPoint: 60, points: 100 },
        { secondsPerPoint: 120, points: 50 },
      ],
      '(archive0: 6000 seconds, archive1: 6000 seconds)',
    ],
    [
      [
        { secondsPerPoint: 10, points: 5 },
        { secondsPerPoint: 60, points: 50 },
      ],
      "archive1 consolidates 6 of archive0's points but it has only 5 total points",
    ],
    [[{ secondsPerPoint: 0, points: 5 }], 'secondsPerPoint must be a whole number'],
    [[{ secondsPerPoint: 60, points: 1.5 }], 'points must be a whole number'],
    [[{ secondsPerPoint: 86400, points: 60000 }], 'more than a whisper header holds'],
  ])('rejects the archive list %j naming the rule (%s)', (archives, phrase) => {
    const path = fresh();
    expect(codeOf(() => create(path, archives))).toBe('STORAGE_ERR_INVALID_ARCHIVE_LIST');
    expect(messageOf(() => create(path, archives))).toContain(phrase);
    expect(existsSync(path)).toBe(false);
  });

  test('rejects unknown aggregation methods and xFilesFactor outside [0, 1]', () => {
    const path = fresh();
    expect(codeOf(() => create(path, A3, { aggregationMethod: 'median' as never }))).toBe(
      'STORAGE_ERR_INVALID_AGGREGATION_METHOD',
    );
    expect(codeOf(() => create(path, A3, { xFilesFactor: 1.5 }))).toBe('STORAGE_ERR_INVALID_XFILESFACTOR');
    expect(codeOf(() => create(path, A3, { xFilesFactor: Number.NaN }))).toBe(
      'STORAGE_ERR_INVALID_XFILESFACTOR',
    );
    expect(existsSync(path)).toBe(false);
  });
});

/** fs with a writeSync that fails with `code` once `budget` bytes have been written. */
function failingIo(code: string, budget: number): FileIo {
  let written = 0;
  return {
    ...(fs as unknown as FileIo),
    writeSync(fd, buffer, offset, length, position) {
      if (written + length > budget) throw Object.assign(new Error(`${code}: injected`), { code });
      written += length;
      return fs.writeSync(fd, buffer, offset, length, position);
    },
  };
}

describe('I/O failures', () => {
  test('ENOSPC while zero-filling is STORAGE_ERR_IO and leaves no file, not even a temporary one', () => {
    const dir = mkdtempSync(join(work, 'enospc-'));
    const path = join(dir, 'full.wsp');
    let error: unknown;
    try {
      create(path, [{ secondsPerPoint: 10, points: 500_000 }], { io: failingIo('ENOSPC', 2 << 20) });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).code).toBe('STORAGE_ERR_IO');
    expect((error as StorageError).context).toMatchObject({ path, errno: 'ENOSPC' });
    expect(readdirSync(dir)).toEqual([]);
  });

  test('EIO on an update write is STORAGE_ERR_IO naming the file', () => {
    const path = fresh();
    create(path, A3);
    const file = WhisperFile.open(path, { io: failingIo('EIO', 0) });
    try {
      expect(codeOf(() => file.updateMany([[NOW, 1]], NOW))).toBe('STORAGE_ERR_IO');
      expect(messageOf(() => file.update(1, NOW, NOW))).toContain(path);
    } finally {
      file.close();
    }
  });
});

describe('open', () => {
  function corruptFile(mutate: (b: Buffer) => Buffer): string {
    const path = fresh();
    create(path, A3);
    writeFileSync(path, mutate(readFileSync(path)));
    return path;
  }

  test.each([
    ['an empty file', (b: Buffer) => b.subarray(0, 0), 'metadata alone needs 16'],
    ['a short metadata block', (b: Buffer) => b.subarray(0, 10), 'metadata alone needs 16'],
    ['an unknown aggregation type', (b: Buffer) => (b.writeUInt32BE(9, 0), b), 'unknown aggregation type 9'],
    [
      'an xFilesFactor of 2',
      (b: Buffer) => (b.writeFloatBE(2, 8), b),
      'xFilesFactor 2 is not between 0 and 1',
    ],
    ['zero archives', (b: Buffer) => (b.writeUInt32BE(0, 12), b), 'archive count is 0'],
    [
      'more archives than the file holds',
      (b: Buffer) => (b.writeUInt32BE(100_000, 12), b),
      '100000 archives need',
    ],
    [
      'an archive offset out of place',
      (b: Buffer) => (b.writeUInt32BE(999, 28), b),
      'archive1 starts at byte 999',
    ],
    ['a zero precision', (b: Buffer) => (b.writeUInt32BE(0, 20), b), 'archive0 has secondsPerPoint 0'],
    ['a wrong maxRetention', (b: Buffer) => (b.writeUInt32BE(7, 4), b), 'maxRetention 7'],
  ])('rejects %s as STORAGE_ERR_CORRUPT_HEADER', (_what, mutate, phrase) => {
    const path = corruptFile(mutate);
    expect(codeOf(() => WhisperFile.open(path))).toBe('STORAGE_ERR_CORRUPT_HEADER');
    expect(messageOf(() => info(path))).toContain(phrase);
  });

  test('a file cut short inside its data is STORAGE_ERR_TRUNCATED_FILE', () => {
    const path = fresh();
    create(path, A3);
    truncateSync(path, 300);
    expect(codeOf(() => WhisperFile.open(path))).toBe('STORAGE_ERR_TRUNCATED_FILE');
    expect(messageOf(() => WhisperFile.open(path))).toContain(
      'file is 300 bytes but its 3 archives end at byte 460',
    );
  });

  test('a file truncated after it was opened fails reads with STORAGE_ERR_TRUNCATED_FILE', () => {
    const path = fresh();
    create(path, A3);
    const file = WhisperFile.open(path, { readOnly: true });
    truncateSync(path, 100);
    try {
      expect(codeOf(() => file.fetch(NOW - 3000, NOW, NOW))).toBe('STORAGE_ERR_TRUNCATED_FILE');
    } finally {
      file.close();
    }
  });

  test('a missing file is STORAGE_ERR_NOT_FOUND', () => {
    expect(codeOf(() => info(join(work, 'absent.wsp')))).toBe('STORAGE_ERR_NOT_FOUND');
  });

  test('a read-only or closed handle refuses writes with a TypeError', () => {
    const path = fresh();
    create(path, A3);
    const ro = WhisperFile.open(path, { readOnly: true });
    expect(() => ro.update(1, NOW, NOW)).toThrow(TypeError);
    ro.close();
    expect(() => ro.fetch(NOW - 10, NOW, NOW)).toThrow(TypeError);
  });
});

describe('writes and reads', () => {
  test('update takes no future point and nothing as old as maxRetention', () => {
    const path = fresh();
    create(path, A3);
    expect(codeOf(() => update(path, 1, NOW + 1, NOW))).toBe('STORAGE_ERR_TIMESTAMP_NOT_COVERED');
    expect(codeOf(() => update(path, 1, NOW - 3600, NOW))).toBe('STORAGE_ERR_TIMESTAMP_NOT_COVERED');
    expect(codeOf(() => update(path, 1, Number.NaN, NOW))).toBe('STORAGE_ERR_INVALID_POINT');
    update(path, 1, NOW - 3599, NOW);
    update(path, 2, NOW - 3000, NOW);
    // The 3599 s old point lands in the 300 s interval just before the first one fetch returns (whisper's
    // rule: fetch starts at the first interval after `from`), so only the newer point shows.
    expect(fetch(path, NOW - 3600, NOW, NOW)?.values.filter((v) => v !== null)).toEqual([2]);
  });

  test('updateMany stores what fits an archive and reports how many points that was', () => {
    const path = fresh();
    create(path, A3);
    expect(
      updateMany(
        path,
        [
          [NOW, 1],
          [NOW - 500, 2],
          [NOW - 3600, 3],
          [NOW - 3601, 4],
        ],
        NOW,
      ),
    ).toBe(3);
    expect(updateMany(path, [], NOW)).toBe(0);
    expect(codeOf(() => updateMany(path, [[NOW, 'x' as never]], NOW))).toBe('STORAGE_ERR_INVALID_POINT');
  });

  test('a timestamp that does not fit uint32 is refused before anything is written', () => {
    const path = fresh();
    create(path, A3);
    const before = readFileSync(path);
    const now = 2 ** 32 + 5;
    expect(
      codeOf(() =>
        updateMany(
          path,
          [
            [now - 10, 1],
            [now, 2],
          ],
          now,
        ),
      ),
    ).toBe('STORAGE_ERR_TIMESTAMP_NOT_COVERED');
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  test('a run of future points longer than the ring keeps its newest points and spares the next archive', () => {
    const path = fresh();
    create(path, [
      { secondsPerPoint: 10, points: 6 },
      { secondsPerPoint: 60, points: 10 },
    ]);
    const now = 1_700_000_000; // aligned to 10 s and 60 s
    const points = Array.from({ length: 9 }, (_, k) => [now + k * 10, k] as const);
    updateMany(path, points, now);
    const top = fetch(path, now + 20, now + 80, now + 80, { secondsPerPoint: 10 });
    expect(top?.values).toEqual([3, 4, 5, 6, 7, 8]);
    const lower = readFileSync(path).subarray(16 + 24 + 6 * 12);
    expect(lower.length).toBe(10 * 12);
    // Only propagated points in the 60 s archive: timestamps aligned to 60 s or empty slots.
    for (let i = 0; i < 10; i++) expect(lower.readUInt32BE(i * 12) % 60).toBe(0);
  });

  test('fetch rejects from after until and an unknown precision', () => {
    const path = fresh();
    create(path, A3);
    expect(codeOf(() => fetch(path, NOW, NOW - 1, NOW))).toBe('STORAGE_ERR_INVALID_TIME_INTERVAL');
    expect(messageOf(() => fetch(path, NOW - 60, NOW, NOW, { secondsPerPoint: 30 }))).toContain(
      'no archive has a precision of 30 s (archives: 10s, 60s, 300s)',
    );
  });

  test('fetch returns nulls for slots never written and null for ranges wholly outside retention', () => {
    const path = fresh();
    create(path, A3);
    expect(fetch(path, NOW - 60, NOW, NOW)).toEqual({
      fromInterval: NOW - 60 + 10,
      untilInterval: NOW + 10,
      step: 10,
      values: [null, null, null, null, null, null],
    });
    expect(fetch(path, NOW + 1, NOW + 9, NOW)).toBeNull();
    expect(fetch(path, NOW - 9000, NOW - 4000, NOW)).toBeNull();
  });

  test('a fetch larger than any before that wraps the ring end returns both parts', () => {
    const path = fresh();
    const points = 300_000; // 3.6 MB: more than any scratch buffer grown by earlier tests
    create(path, [{ secondsPerPoint: 1, points }], { sparse: true });
    const file = WhisperFile.open(path);
    try {
      const start = 1_600_000_000;
      // First batch sets the base; the second (a ring later, minus half) makes the range wrap the end.
      file.updateMany([[start, 1]], start);
      const now = start + points + points / 2;
      const batch = Array.from({ length: points }, (_, k) => [now - points + 1 + k, k] as [number, number]);
      file.updateMany(batch, now);
      const r = file.fetch(now - points, now, now);
      expect(r?.values.length).toBe(points);
      expect(r?.values.every((v, k) => v === k)).toBe(true);
    } finally {
      file.close();
    }
  });

  test('set-aggregation and set-xfilesfactor return the old value and persist', () => {
    const path = fresh();
    create(path, A3, { aggregationMethod: 'sum', xFilesFactor: 0 });
    expect(setAggregationMethod(path, 'max', 0.1)).toBe('sum');
    expect(setXFilesFactor(path, 0.25)).toBeCloseTo(0.1, 6);
    expect(info(path)).toMatchObject({ aggregationMethod: 'max', xFilesFactor: 0.25 });
    expect(codeOf(() => setAggregationMethod(path, 'median' as never))).toBe(
      'STORAGE_ERR_INVALID_AGGREGATION_METHOD',
    );
    expect(codeOf(() => setXFilesFactor(path, -0.5))).toBe('STORAGE_ERR_INVALID_XFILESFACTOR');
  });

  test('a handle kept open sees its own writes and survives many batches', () => {
    const path = fresh();
    const file = WhisperFile.create(path, A3, { aggregationMethod: 'sum', xFilesFactor: 0 });
    try {
      for (let k = 0; k < 100; k++) file.updateMany([[NOW + k * 10, 1]], NOW + k * 10);
      const end = NOW + 990;
      expect(file.fetch(end - 110, end, end)?.values).toEqual(new Array(11).fill(1));
      file.sync();
    } finally {
      file.close();
    }
  });
});
