// WhisperFile: one open whisper file (fd, header and archive bases cached) with create/info/update/
// updateMany/fetch/set* as whisper.py has them. Long-lived handles are the hot path: a persister keeps
// them open and pays no open/header read per batch.
import { StorageError, ioError } from '../errors.js';
import {
  type AggregationMethod,
  type ArchiveInfo,
  type ArchiveSpec,
  type Header,
  METADATA_SIZE,
  POINT_SIZE,
  declaredHeaderSize,
  decodeHeader,
  encodeMetadata,
} from './format.js';
import { type CreateOptions, checkAggregationMethod, checkXFilesFactor, createFile } from './create.js';
import { type FetchOptions, type FetchResult, fetchRange } from './fetch.js';
import { type FileIo, nodeIo } from './io.js';
import { RingFile } from './ring.js';
import { type Point, updateMany, updateOne } from './update.js';

export interface OpenOptions {
  /** Open read-only (fetch and info only). Default false. */
  readOnly?: boolean;
  /** fs calls to use; tests inject failures here. */
  io?: FileIo;
}

/** What `info` reports: the header plus the file's size in bytes (whisper-info's fileSize). */
export interface WhisperInfo extends Header {
  fileSize: number;
}

// Shared by every open in this thread (opens are synchronous); 512 bytes hold 41 archives' header.
const OPEN_BUFFER = Buffer.allocUnsafe(512);

function rethrow(err: unknown, operation: string, path: string): never {
  if (err instanceof StorageError || err instanceof TypeError || err instanceof RangeError) throw err;
  throw ioError(err, operation, path);
}

export class WhisperFile {
  readonly path: string;
  readonly readOnly: boolean;
  #header: Header;
  #fileSize: number;
  #ring: RingFile;
  #closed = false;

  private constructor(
    path: string,
    fd: number,
    header: Header,
    fileSize: number,
    readOnly: boolean,
    io: FileIo,
  ) {
    this.path = path;
    this.readOnly = readOnly;
    this.#header = header;
    this.#fileSize = fileSize;
    this.#ring = new RingFile(fd, path, io, header.archives);
  }

  /** Opens an existing file and checks its header (STORAGE_ERR_CORRUPT_HEADER, _TRUNCATED_FILE, _NOT_FOUND). */
  static open(path: string, options: OpenOptions = {}): WhisperFile {
    const io = options.io ?? nodeIo;
    const readOnly = options.readOnly ?? false;
    let fd = -1;
    try {
      fd = io.openSync(path, readOnly ? 'r' : 'r+');
      // One read for the header and archive 0's first point (its base) in all but huge headers.
      let buf = OPEN_BUFFER;
      let n = io.readSync(fd, buf, 0, buf.length, 0);
      const declared = declaredHeaderSize(buf.subarray(0, n));
      if (declared + POINT_SIZE > n && n === buf.length) {
        buf = Buffer.allocUnsafe(declared + POINT_SIZE);
        n = io.readSync(fd, buf, 0, buf.length, 0);
      }
      const fileSize = io.fstatSync(fd).size;
      const header = decodeHeader(buf.subarray(0, n), path, fileSize);
      const file = new WhisperFile(path, fd, header, fileSize, readOnly, io);
      const base0 = header.archives[0] as ArchiveInfo;
      if (n >= base0.offset + 4) file.#ring.primeBase(0, buf.readUInt32BE(base0.offset));
      return file;
    } catch (err) {
      if (fd >= 0) io.closeSync(fd);
      return rethrow(err, 'open', path);
    }
  }

  /** Creates a new file (whisper `create`) and opens it for writing. */
  static create(
    path: string,
    archives: readonly ArchiveSpec[],
    options: CreateOptions & OpenOptions = {},
  ): WhisperFile {
    createFile(path, archives, options, options.io ?? nodeIo);
    return WhisperFile.open(path, { io: options.io ?? nodeIo });
  }

  /** The header as read at open (and as changed by setAggregationMethod/setXFilesFactor since). */
  get header(): Header {
    return this.#header;
  }

  info(): WhisperInfo {
    return {
      ...this.#header,
      archives: this.#header.archives.map((a) => ({ ...a })),
      fileSize: this.#fileSize,
    };
  }

  /** whisper `fetch`: the values of [from, until] from one archive, or null when nothing can be returned. */
  fetch(from: number, until: number, now: number, options?: FetchOptions): FetchResult | null {
    this.#assertOpen();
    try {
      return fetchRange(this.#ring, this.#header, from, until, now, options);
    } catch (err) {
      return rethrow(err, 'fetch', this.path);
    }
  }

  /** whisper `update`: one point, at most maxRetention - 1 seconds old and not in the future. */
  update(value: number, timestamp: number, now: number): void {
    this.#assertWritable();
    try {
      updateOne(this.#ring, this.#header, value, timestamp, now);
    } catch (err) {
      rethrow(err, 'update', this.path);
    }
  }

  /** whisper `update_many`; returns how many points fell inside an archive (older ones are dropped). */
  updateMany(points: readonly Point[], now: number): number {
    this.#assertWritable();
    try {
      return updateMany(this.#ring, this.#header, points, now);
    } catch (err) {
      return rethrow(err, 'updateMany', this.path);
    }
  }

  /** Rewrites the metadata's method (and xFilesFactor when given); returns the previous method. */
  setAggregationMethod(method: AggregationMethod, xFilesFactor?: number): AggregationMethod {
    const old = this.#header.aggregationMethod;
    this.#setMetadata(
      checkAggregationMethod(method, this.path),
      xFilesFactor === undefined ? this.#header.xFilesFactor : checkXFilesFactor(xFilesFactor, this.path),
    );
    return old;
  }

  /** Rewrites the metadata's xFilesFactor; returns the previous one (as stored, a float32). */
  setXFilesFactor(xFilesFactor: number): number {
    const old = this.#header.xFilesFactor;
    this.#setMetadata(this.#header.aggregationMethod, checkXFilesFactor(xFilesFactor, this.path));
    return old;
  }

  /** Flushes the file's data to disk (fsync). */
  sync(): void {
    this.#assertOpen();
    try {
      this.#ring.io.fsyncSync(this.#ring.fd);
    } catch (err) {
      rethrow(err, 'fsync', this.path);
    }
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      this.#ring.io.closeSync(this.#ring.fd);
    } catch (err) {
      rethrow(err, 'close', this.path);
    }
  }

  #setMetadata(method: AggregationMethod, xFilesFactor: number): void {
    this.#assertWritable();
    const header = { ...this.#header, aggregationMethod: method, xFilesFactor: Math.fround(xFilesFactor) };
    const meta = encodeMetadata(method, header.maxRetention, header.xFilesFactor, header.archives.length);
    try {
      this.#ring.writeFrom(meta, 0, METADATA_SIZE, 0);
    } catch (err) {
      rethrow(err, 'set metadata', this.path);
    }
    this.#header = header;
  }

  #assertOpen(): void {
    if (this.#closed) throw new TypeError(`${this.path}: whisper file is closed`);
  }

  #assertWritable(): void {
    this.#assertOpen();
    if (this.readOnly) throw new TypeError(`${this.path}: whisper file was opened read-only`);
  }
}
