// Positioned reads and writes on one open whisper file: scratch buffers, ring addressing with wrap-around,
// and the per-archive base timestamp (the one in the archive's first slot) cached once it is non-zero.
import { StorageError } from '../errors.js';
import { type ArchiveInfo, POINT_SIZE } from './format.js';
import type { FileIo } from './io.js';

/** Python's `%`: the result has the sign of the divisor, so ring offsets of older points wrap correctly. */
export function pyMod(a: number, b: number): number {
  const r = a % b;
  return r < 0 ? r + b : r;
}

/** A growable scratch buffer with a DataView over it (DataView reads and writes big-endian by default). */
export class Scratch {
  buf: Buffer = Buffer.allocUnsafe(4096);
  view: DataView = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);

  /** Grows to at least `bytes`, keeping the current content (a wrapped read fills it in two parts). */
  ensure(bytes: number): void {
    if (bytes <= this.buf.length) return;
    let size = this.buf.length;
    while (size < bytes) size *= 2;
    const grown = Buffer.allocUnsafe(size);
    this.buf.copy(grown);
    this.buf = grown;
    this.view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
  }
}

// Shared by every file in this thread: calls are synchronous, so one operation uses them at a time.
const readScratch = new Scratch();
const writeScratch = new Scratch();

export class RingFile {
  readonly fd: number;
  readonly path: string;
  readonly io: FileIo;
  readonly archives: readonly ArchiveInfo[];
  readonly #bases: number[];

  constructor(fd: number, path: string, io: FileIo, archives: readonly ArchiveInfo[]) {
    this.fd = fd;
    this.path = path;
    this.io = io;
    this.archives = archives;
    this.#bases = archives.map(() => 0);
  }

  /** Reads exactly `length` bytes at `position` into `scratch` at `at`; a short read means truncation. */
  readInto(scratch: Scratch, at: number, length: number, position: number): void {
    scratch.ensure(at + length);
    let done = 0;
    while (done < length) {
      const n = this.io.readSync(this.fd, scratch.buf, at + done, length - done, position + done);
      if (n === 0) {
        throw new StorageError(
          'STORAGE_ERR_TRUNCATED_FILE',
          `${this.path}: file ends before byte ${position + length} (read stopped at ${position + done})`,
          { context: { path: this.path, position: position + done } },
        );
      }
      done += n;
    }
  }

  writeFrom(buf: Buffer, at: number, length: number, position: number): void {
    let done = 0;
    while (done < length) {
      done += this.io.writeSync(this.fd, buf, at + done, length - done, position + done);
    }
  }

  /**
   * The timestamp in archive `index`'s first slot; 0 means the archive was never written. Cached once
   * non-zero: whisper only ever writes slot 0 with a timestamp congruent to it modulo the retention, so
   * every ring offset computed from the cached value stays the same.
   */
  base(index: number): number {
    const cached = this.#bases[index] as number;
    if (cached !== 0) return cached;
    const archive = this.archives[index] as ArchiveInfo;
    this.readInto(readScratch, 0, 4, archive.offset);
    const base = readScratch.view.getUint32(0);
    this.#bases[index] = base;
    return base;
  }

  /** Records a base read along with the header (0 is ignored: an empty archive is read again when used). */
  primeBase(index: number, base: number): void {
    this.#bases[index] = base;
  }

  /** Forgets a base that a write may just have set (the next base() reads it from the file). */
  forgetBase(index: number): void {
    this.#bases[index] = 0;
  }

  /** Ring slot of an aligned interval, relative to `base` (whisper's pointDistance % points). */
  slotOf(archive: ArchiveInfo, interval: number, base: number): number {
    return pyMod(Math.floor((interval - base) / archive.secondsPerPoint), archive.points);
  }

  /** Reads `count` (≤ points) consecutive ring slots from `slot`, wrapping at the archive end. */
  readSlots(archive: ArchiveInfo, slot: number, count: number): DataView {
    readScratch.ensure(count * POINT_SIZE);
    const first = Math.min(count, archive.points - slot);
    this.readInto(readScratch, 0, first * POINT_SIZE, archive.offset + slot * POINT_SIZE);
    if (first < count) {
      this.readInto(readScratch, first * POINT_SIZE, (count - first) * POINT_SIZE, archive.offset);
    }
    return readScratch.view;
  }

  /** Scratch for packing points to write; valid until the next writeScratchBuffer() call. */
  writeBuffer(bytes: number): Scratch {
    writeScratch.ensure(bytes);
    return writeScratch;
  }

  /** Writes `count` packed points from `buf` at `at` into consecutive ring slots from `slot`, wrapping. */
  writeSlots(archive: ArchiveInfo, slot: number, buf: Buffer, at: number, count: number): void {
    const first = Math.min(count, archive.points - slot);
    this.writeFrom(buf, at, first * POINT_SIZE, archive.offset + slot * POINT_SIZE);
    if (first < count) {
      this.writeFrom(buf, at + first * POINT_SIZE, (count - first) * POINT_SIZE, archive.offset);
    }
  }
}
