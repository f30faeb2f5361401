// Reading files a running server writes, without torn points: whisper writes are pwrite()s of 12-byte points
// and of the header, so a file is read twice and every 12-byte cell that differs between the reads is re-read
// until two reads agree. Append-only files (WAL segments, LevelDB logs) are read once: a torn tail record is
// dropped on replay. LevelDB's directory is copied only when no table or log appeared or vanished meanwhile.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface ReadResult {
  data: Buffer;
  mtimeMs: number;
  /** Cells that changed between reads and were re-read. */
  reread: number;
}

/** Re-reads of one changed cell before giving up (a cell is rewritten at most once per persister pass). */
const MAX_CELL_TRIES = 100;

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function readAll(fd: number, size: number): Buffer {
  const buf = Buffer.allocUnsafe(size);
  let done = 0;
  while (done < size) {
    const n = readSync(fd, buf, done, size - done, done);
    if (n === 0) break;
    done += n;
  }
  return done === size ? buf : buf.subarray(0, done);
}

/** Start of each cell: the header (metadata + archive infos) is one cell, then one per 12-byte point. */
function cellBounds(data: Buffer): { headerEnd: number } {
  if (data.length < 16) return { headerEnd: data.length };
  const headerEnd = 16 + 12 * data.readUInt32BE(12);
  // Not a whisper header (or a corrupt one): compare the whole file as one header-like cell.
  return { headerEnd: headerEnd <= data.length ? headerEnd : data.length };
}

function readCell(fd: number, start: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, start + done);
    if (n === 0) break;
    done += n;
  }
  return buf;
}

/** A cell read twice in a row with the same bytes: no write was half done while it was read. */
function stableCell(fd: number, start: number, length: number, path: string): Buffer {
  let prev = readCell(fd, start, length);
  for (let i = 0; i < MAX_CELL_TRIES; i++) {
    const next = readCell(fd, start, length);
    if (next.equals(prev)) return next;
    prev = next;
  }
  throw new Error(`${path}: bytes ${start}-${start + length} kept changing over ${MAX_CELL_TRIES} reads`);
}

/**
 * Reads a whisper file so that no point is torn: two whole reads, then every cell (header, or 12-byte
 * point) that differs is re-read until stable and patched into the first read. Points of different cells may
 * come from different moments, as with any copy of a live whisper file; the WAL copied before covers that.
 */
export function readWhisperStable(path: string): ReadResult {
  const fd = openSync(path, 'r');
  try {
    const { size, mtimeMs } = fstatSync(fd);
    const first = readAll(fd, size);
    const second = readAll(fd, size);
    if (first.equals(second)) return { data: first, mtimeMs, reread: 0 };
    if (first.length !== second.length) throw new Error(`${path}: size changed while it was read`);
    const { headerEnd } = cellBounds(second);
    let reread = 0;
    if (!first.subarray(0, headerEnd).equals(second.subarray(0, headerEnd))) {
      stableCell(fd, 0, headerEnd, path).copy(first, 0);
      reread++;
    }
    for (let at = headerEnd; at < first.length; at += 12) {
      const end = Math.min(at + 12, first.length);
      if (first.subarray(at, end).equals(second.subarray(at, end))) continue;
      stableCell(fd, at, end - at, path).copy(first, at);
      reread++;
    }
    return { data: first, mtimeMs, reread };
  } finally {
    closeSync(fd);
  }
}

/** Reads an append-only or quiet file once (a vanished file throws ENOENT for the caller to judge). */
export function readPlain(path: string): ReadResult {
  const fd = openSync(path, 'r');
  try {
    const { size, mtimeMs } = fstatSync(fd);
    // Read to EOF: an append-only file may have grown since fstat.
    const parts = [readAll(fd, size)];
    let at = size;
    for (;;) {
      const more = Buffer.allocUnsafe(1 << 16);
      const n = readSync(fd, more, 0, more.length, at);
      if (n === 0) break;
      parts.push(more.subarray(0, n));
      at += n;
    }
    return { data: parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts), mtimeMs, reread: 0 };
  } finally {
    closeSync(fd);
  }
}

/** LevelDB files worth copying: tables (immutable), logs and MANIFEST (append-only), CURRENT. */
const LEVELDB_FILE = /^(\d+\.(ldb|sst|log)|MANIFEST-\d+|CURRENT)$/;
const LEVELDB_TRIES = 20;

export interface LevelDbCopy {
  files: { name: string; read: ReadResult }[];
  attempts: number;
}

function listLevelDb(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => LEVELDB_FILE.test(n))
    .sort();
}

/**
 * Copies a LevelDB directory that a running server may be writing: lists it, reads CURRENT, every table,
 * log and MANIFEST, then lists again; the copy is consistent when no file appeared or vanished and CURRENT
 * still names the same MANIFEST (a flush or compaction in between means another try). Returns undefined
 * when the index never held still (restore then has the server rebuild it from the whisper files).
 */
export async function copyLevelDb(dir: string): Promise<LevelDbCopy | undefined> {
  for (let attempt = 1; attempt <= LEVELDB_TRIES; attempt++) {
    let before: string[];
    try {
      before = listLevelDb(dir);
    } catch {
      return undefined;
    }
    if (!before.includes('CURRENT')) return undefined;
    try {
      const current = readPlain(join(dir, 'CURRENT'));
      const files = [{ name: 'CURRENT', read: current }];
      for (const name of before) {
        if (name !== 'CURRENT') files.push({ name, read: readPlain(join(dir, name)) });
      }
      const after = listLevelDb(dir);
      const again = readFileSync(join(dir, 'CURRENT'));
      if (after.join('\n') === before.join('\n') && again.equals(current.data))
        return { files, attempts: attempt };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    await new Promise((r) => setTimeout(r, 50 * attempt));
  }
  return undefined;
}
