// Write-ahead log: every accepted batch of points is appended (write(2), so it survives kill -9 at once)
// to the current segment before the points count as accepted; segments are fsynced every interval, rotated
// by size and age, replayed on start, and deleted once the cache says nothing they hold is unpersisted.
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { Packr } from 'msgpackr';
import { AppError } from '../errors.js';

const SEGMENT = /^wal-(\d{12})\.log$/;
const HEADER = 8; // u32 payload length, u32 crc32 of the payload
const packr = new Packr({ useRecords: false });

export interface WalOptions {
  fsyncIntervalMs: number;
  segmentBytes: number;
  /** Close a non-empty segment after this long so it can be deleted soon after its points are written. */
  rotateMs?: number;
  onError?: (err: Error) => void;
}

export interface ReplayStats {
  segments: number;
  records: number;
  points: number;
  /** Records that failed their checksum or were cut short (a torn tail after a crash). */
  damaged: number;
}

function segmentName(id: number): string {
  return `wal-${String(id).padStart(12, '0')}.log`;
}

function walError(message: string, cause?: unknown): AppError {
  return new AppError('SERVER_ERR_WAL', message, cause === undefined ? {} : { cause });
}

export class Wal {
  readonly dir: string;
  readonly #options: WalOptions;
  #id = 0;
  #fd = -1;
  #bytes = 0;
  #openedAt = 0;
  #dirty = false;
  #closed: number[] = [];
  #timer: NodeJS.Timeout | undefined;

  private constructor(dir: string, options: WalOptions) {
    this.dir = dir;
    this.#options = options;
  }

  /** Opens the log directory; `replay` gets every point still in it, oldest segment first. */
  static open(
    dir: string,
    options: WalOptions,
    replay: (name: string, timestamp: number, value: number, segment: number) => void,
  ): { wal: Wal; stats: ReplayStats } {
    const wal = new Wal(dir, options);
    const stats: ReplayStats = { segments: 0, records: 0, points: 0, damaged: 0 };
    try {
      mkdirSync(dir, { recursive: true });
      const ids = readdirSync(dir)
        .map((f) => SEGMENT.exec(f)?.[1])
        .filter((id): id is string => id !== undefined)
        .map(Number)
        .sort((a, b) => a - b);
      for (const id of ids) {
        stats.segments++;
        wal.#replaySegment(id, replay, stats);
        wal.#closed.push(id);
      }
      wal.#id = ids.length > 0 ? (ids[ids.length - 1] as number) : 0;
      wal.#rotate();
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw walError(`write-ahead log in ${dir} cannot be opened: ${(err as Error).message}`, err);
    }
    wal.#timer = setInterval(() => wal.#tick(), options.fsyncIntervalMs);
    wal.#timer.unref();
    return { wal, stats };
  }

  /** The segment new points go to. */
  get segment(): number {
    return this.#id;
  }

  /** Segments closed and waiting for their points to be persisted. */
  get closedSegments(): readonly number[] {
    return this.#closed;
  }

  /** Appends one batch; returns the segment it is in. Throws SERVER_ERR_WAL when it cannot be written. */
  append(names: readonly string[], timestamps: readonly number[], values: readonly number[]): number {
    const payload = packr.pack([names, timestamps, values]);
    const record = Buffer.allocUnsafe(HEADER + payload.length);
    record.writeUInt32BE(payload.length, 0);
    record.writeUInt32BE(crc32(payload), 4);
    payload.copy(record, HEADER);
    try {
      let done = 0;
      while (done < record.length) done += writeSync(this.#fd, record, done, record.length - done);
    } catch (err) {
      throw walError(`write-ahead log append failed: ${(err as Error).message}`, err);
    }
    this.#bytes += record.length;
    this.#dirty = true;
    const id = this.#id;
    if (this.#bytes >= this.#options.segmentBytes) this.#rotate();
    return id;
  }

  /** Deletes closed segments older than `oldestLive` (every closed one when nothing is live). */
  release(oldestLive: number | undefined): number {
    let deleted = 0;
    while (this.#closed.length > 0) {
      const id = this.#closed[0] as number;
      if (oldestLive !== undefined && id >= oldestLive) break;
      try {
        unlinkSync(join(this.dir, segmentName(id)));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
          this.#options.onError?.(
            walError(`cannot delete WAL segment ${id}: ${(err as Error).message}`, err),
          );
          break;
        }
      }
      this.#closed.shift();
      deleted++;
    }
    return deleted;
  }

  /** fsyncs the current segment now. */
  sync(): void {
    if (!this.#dirty || this.#fd < 0) return;
    fsyncSync(this.#fd);
    this.#dirty = false;
  }

  /** fsyncs and closes; the current segment stays on disk until released. */
  close(): void {
    clearInterval(this.#timer);
    if (this.#fd < 0) return;
    this.sync();
    closeSync(this.#fd);
    this.#fd = -1;
    this.#closed.push(this.#id);
  }

  #tick(): void {
    try {
      this.sync();
      const rotateMs = this.#options.rotateMs ?? 10_000;
      if (this.#bytes > 0 && Date.now() - this.#openedAt >= rotateMs) this.#rotate();
    } catch (err) {
      this.#options.onError?.(walError(`write-ahead log fsync failed: ${(err as Error).message}`, err));
    }
  }

  #rotate(): void {
    if (this.#fd >= 0) {
      this.sync();
      closeSync(this.#fd);
      this.#closed.push(this.#id);
    }
    this.#id++;
    this.#fd = openSync(join(this.dir, segmentName(this.#id)), 'wx');
    this.#bytes = 0;
    this.#dirty = false;
    this.#openedAt = Date.now();
  }

  #replaySegment(
    id: number,
    replay: (name: string, timestamp: number, value: number, segment: number) => void,
    stats: ReplayStats,
  ): void {
    const intact = decodeSegment(
      readFileSync(join(this.dir, segmentName(id))),
      (names, timestamps, values) => {
        for (let i = 0; i < names.length; i++) {
          replay(names[i] as string, timestamps[i] as number, values[i] as number, id);
        }
        stats.records++;
        stats.points += names.length;
      },
    );
    if (!intact) stats.damaged++;
  }
}

/**
 * Decodes one segment's records in order, calling `visit` with each record's [names, timestamps, values];
 * stops at a torn or damaged record (nothing after it can be trusted) and then answers false.
 */
export function decodeSegment(
  data: Buffer,
  visit: (names: string[], timestamps: number[], values: number[]) => void,
): boolean {
  let at = 0;
  while (at + HEADER <= data.length) {
    const length = data.readUInt32BE(at);
    const end = at + HEADER + length;
    if (end > data.length || crc32(data.subarray(at + HEADER, end)) !== data.readUInt32BE(at + 4))
      return false;
    const [names, timestamps, values] = packr.unpack(data.subarray(at + HEADER, end)) as [
      string[],
      number[],
      number[],
    ];
    visit(names, timestamps, values);
    at = end;
  }
  return at === data.length;
}
