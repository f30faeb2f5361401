// whisper `create`: validate, write the header and a zero-filled (or sparse) data region. The file is built
// under a temporary name and hard-linked into place, so no reader ever sees a half-written file and a
// failed create (ENOSPC, EIO) leaves nothing behind at the path.
import { basename, dirname, join } from 'node:path';
import { StorageError, ioError } from '../errors.js';
import {
  type AggregationMethod,
  type ArchiveSpec,
  type Header,
  encodeHeader,
  headerSize,
  isAggregationMethod,
  layoutArchives,
} from './format.js';
import type { FileIo } from './io.js';
import { validateArchiveList } from './validate.js';

export interface CreateOptions {
  /** Fraction of known higher-archive points needed to propagate; default 0.5 (stored as float32). */
  xFilesFactor?: number;
  /** Default 'average'. */
  aggregationMethod?: AggregationMethod;
  /** Leave the data region as a hole (whisper --sparse) instead of writing zeros. Same bytes when read. */
  sparse?: boolean;
  /**
   * Allocate the data region's blocks with posix_fallocate (whisper --fallocate, carbon's default): as fast as
   * sparse, but later writes cannot hit ENOSPC. Takes precedence over `sparse`; where the native addon is
   * missing (`canFallocate()` is false) it falls back to `sparse` or zero-fill, as whisper does.
   */
  fallocate?: boolean;
}

export function checkAggregationMethod(method: unknown, path: string): AggregationMethod {
  if (!isAggregationMethod(method)) {
    throw new StorageError(
      'STORAGE_ERR_INVALID_AGGREGATION_METHOD',
      `${path}: unrecognized aggregation method ${JSON.stringify(method)} ` +
        `(one of average, sum, last, max, min, avg_zero, absmax, absmin)`,
      { context: { path, aggregationMethod: method } },
    );
  }
  return method;
}

export function checkXFilesFactor(xff: unknown, path: string): number {
  if (typeof xff !== 'number' || !(xff >= 0 && xff <= 1)) {
    throw new StorageError(
      'STORAGE_ERR_INVALID_XFILESFACTOR',
      `${path}: invalid xFilesFactor ${String(xff)}, not a number between 0 and 1`,
      { context: { path, xFilesFactor: xff } },
    );
  }
  return xff;
}

/** Validates the options and returns the header a new file gets. */
export function planHeader(path: string, archives: readonly ArchiveSpec[], options: CreateOptions): Header {
  const sorted = validateArchiveList(archives);
  const method = checkAggregationMethod(options.aggregationMethod ?? 'average', path);
  const xff = checkXFilesFactor(options.xFilesFactor ?? 0.5, path);
  const layout = layoutArchives(sorted);
  return {
    aggregationMethod: method,
    maxRetention: Math.max(...layout.map((a) => a.retention)),
    xFilesFactor: Math.fround(xff),
    archives: layout,
  };
}

const ZEROS = Buffer.alloc(1 << 20);
let tmpCounter = 0;

/** Creates the file; throws STORAGE_ERR_FILE_EXISTS when `path` exists, STORAGE_ERR_IO on OS failure. */
export function createFile(
  path: string,
  archives: readonly ArchiveSpec[],
  options: CreateOptions,
  io: FileIo,
): Header {
  const header = planHeader(path, archives, options);
  if (io.existsSync(path)) throw exists(path);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${++tmpCounter}.creating`);
  let fd = -1;
  try {
    fd = io.openSync(tmp, 'wx', 0o644);
    const head = encodeHeader(header);
    writeAll(io, fd, head, head.length, 0);
    const last = header.archives[header.archives.length - 1];
    const total = last === undefined ? headerSize(0) : last.offset + last.size;
    if (options.fallocate && io.fallocateSync !== undefined) {
      io.fallocateSync(fd, head.length, total - head.length);
    } else if (options.sparse) {
      io.ftruncateSync(fd, total);
    } else {
      for (let at = head.length; at < total; at += ZEROS.length) {
        writeAll(io, fd, ZEROS, Math.min(ZEROS.length, total - at), at);
      }
    }
    io.closeSync(fd);
    fd = -1;
    try {
      io.linkSync(tmp, path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw exists(path);
      throw err;
    }
    io.unlinkSync(tmp);
    return header;
  } catch (err) {
    if (fd >= 0) {
      try {
        io.closeSync(fd);
      } catch {
        // the write error is the one worth reporting
      }
    }
    try {
      io.unlinkSync(tmp);
    } catch {
      // never created, or already gone
    }
    if (err instanceof StorageError) throw err;
    throw ioError(err, 'create', path);
  }
}

function writeAll(io: FileIo, fd: number, buf: Buffer, length: number, position: number): void {
  let done = 0;
  while (done < length) done += io.writeSync(fd, buf, done, length - done, position + done);
}

function exists(path: string): StorageError {
  return new StorageError('STORAGE_ERR_FILE_EXISTS', `${path}: file already exists`, { context: { path } });
}
