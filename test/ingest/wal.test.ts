import { appendFileSync, mkdtempSync, readdirSync, truncateSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { Wal } from '../../src/ingest/wal.js';

const options = { fsyncIntervalMs: 1000, segmentBytes: 1 << 20 };

function replayAll(dir: string): [string, number, number, number][] {
  const got: [string, number, number, number][] = [];
  const { wal } = Wal.open(dir, options, (n, t, v, s) => got.push([n, t, v, s]));
  wal.close();
  return got;
}

test('appended batches are replayed in order with their segment after a restart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'carbonado-wal-'));
  const { wal } = Wal.open(dir, options, () => undefined);
  const seg = wal.append(['a', 'b'], [10, 20], [1.5, -2]);
  wal.append(['a'], [30], [Infinity]);
  // No close: a crash. The records were written with write(2), so they are in the file.
  expect(replayAll(dir)).toEqual([
    ['a', 10, 1.5, seg],
    ['b', 20, -2, seg],
    ['a', 30, Infinity, seg],
  ]);
  wal.close();
});

test('a torn last record is skipped and counted, the records before it survive', () => {
  const dir = mkdtempSync(join(tmpdir(), 'carbonado-wal-'));
  const { wal } = Wal.open(dir, options, () => undefined);
  wal.append(['a'], [10], [1]);
  wal.append(['b'], [20], [2]);
  wal.close();
  const file = join(dir, readdirSync(dir)[0]!);
  truncateSync(file, statSync(file).size - 3);
  const got: string[] = [];
  const { wal: again, stats } = Wal.open(dir, options, (n) => got.push(n));
  again.close();
  expect(got).toEqual(['a']);
  expect(stats.damaged).toBe(1);
});

test('a record whose checksum fails stops the replay of its segment', () => {
  const dir = mkdtempSync(join(tmpdir(), 'carbonado-wal-'));
  const { wal } = Wal.open(dir, options, () => undefined);
  wal.append(['a'], [10], [1]);
  wal.close();
  const file = join(dir, readdirSync(dir)[0]!);
  appendFileSync(file, Buffer.from([0, 0, 0, 2, 0, 0, 0, 0, 0x91, 0x01]));
  const got: string[] = [];
  const { wal: again, stats } = Wal.open(dir, options, (n) => got.push(n));
  again.close();
  expect(got).toEqual(['a']);
  expect(stats.damaged).toBe(1);
});

test('segments rotate by size and are deleted only once nothing older than them is live', () => {
  const dir = mkdtempSync(join(tmpdir(), 'carbonado-wal-'));
  const { wal } = Wal.open(dir, { ...options, segmentBytes: 16 }, () => undefined);
  const s1 = wal.append(['some.metric.name'], [1], [1]);
  const s2 = wal.append(['some.metric.name'], [2], [2]);
  expect(s2).toBeGreaterThan(s1);
  expect(wal.closedSegments.length).toBeGreaterThanOrEqual(2);
  expect(wal.release(s1)).toBe(0);
  expect(wal.release(s2)).toBe(1);
  expect(wal.release(undefined)).toBeGreaterThanOrEqual(1);
  expect(readdirSync(dir)).toEqual([`wal-${String(wal.segment).padStart(12, '0')}.log`]);
  wal.close();
});
