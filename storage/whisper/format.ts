// Whisper 1.1 byte layout: big-endian "!2LfL" metadata, "!3L" archive infos, "!Ld" points, no padding.
// Spec: shared/reference/graphite.md §7.1; docs/storage.md has the diagram.
import { StorageError } from '../errors.js';

export const METADATA_SIZE = 16;
export const ARCHIVE_INFO_SIZE = 12;
export const POINT_SIZE = 12;
/** Largest value a "!L" field holds; timestamps, offsets, points and maxRetention are all uint32. */
export const UINT32_MAX = 0xffff_ffff;

/** The eight methods, in whisper's type-code order (code = index + 1). */
export const AGGREGATION_METHODS = [
  'average',
  'sum',
  'last',
  'max',
  'min',
  'avg_zero',
  'absmax',
  'absmin',
] as const;
export type AggregationMethod = (typeof AGGREGATION_METHODS)[number];

export function isAggregationMethod(value: unknown): value is AggregationMethod {
  return typeof value === 'string' && (AGGREGATION_METHODS as readonly string[]).includes(value);
}

/** One archive as configured: `secondsPerPoint` precision and the number of `points` it keeps. */
export interface ArchiveSpec {
  secondsPerPoint: number;
  points: number;
}

/** One archive as laid out in a file (whisper's `info()` archive dict). */
export interface ArchiveInfo extends ArchiveSpec {
  /** Absolute byte offset of the archive's first point. */
  offset: number;
  /** secondsPerPoint × points. */
  retention: number;
  /** points × 12 bytes. */
  size: number;
}

export interface Header {
  aggregationMethod: AggregationMethod;
  maxRetention: number;
  /** As stored: a float32, so 0.1 reads back as 0.10000000149011612, exactly as whisper.py sees it. */
  xFilesFactor: number;
  archives: ArchiveInfo[];
}

export function headerSize(archiveCount: number): number {
  return METADATA_SIZE + ARCHIVE_INFO_SIZE * archiveCount;
}

function archiveInfo(offset: number, secondsPerPoint: number, points: number): ArchiveInfo {
  return { offset, secondsPerPoint, points, retention: secondsPerPoint * points, size: points * POINT_SIZE };
}

/** Lays out sorted, validated archives: offsets follow the header back to back. */
export function layoutArchives(archives: readonly ArchiveSpec[]): ArchiveInfo[] {
  let offset = headerSize(archives.length);
  return archives.map(({ secondsPerPoint, points }) => {
    const info = archiveInfo(offset, secondsPerPoint, points);
    offset += info.size;
    return info;
  });
}

/** The 16-byte metadata block ("!2LfL"). */
export function encodeMetadata(
  method: AggregationMethod,
  maxRetention: number,
  xFilesFactor: number,
  archiveCount: number,
): Buffer {
  const buf = Buffer.alloc(METADATA_SIZE);
  buf.writeUInt32BE(AGGREGATION_METHODS.indexOf(method) + 1, 0);
  buf.writeUInt32BE(maxRetention, 4);
  buf.writeFloatBE(xFilesFactor, 8);
  buf.writeUInt32BE(archiveCount, 12);
  return buf;
}

/** The whole header of a new file: metadata then one "!3L" info per archive. */
export function encodeHeader(header: Header): Buffer {
  const buf = Buffer.alloc(headerSize(header.archives.length));
  encodeMetadata(
    header.aggregationMethod,
    header.maxRetention,
    header.xFilesFactor,
    header.archives.length,
  ).copy(buf);
  header.archives.forEach((archive, i) => {
    const at = METADATA_SIZE + i * ARCHIVE_INFO_SIZE;
    buf.writeUInt32BE(archive.offset, at);
    buf.writeUInt32BE(archive.secondsPerPoint, at + 4);
    buf.writeUInt32BE(archive.points, at + 8);
  });
  return buf;
}

function corrupt(path: string, problem: string, context: Record<string, unknown> = {}): StorageError {
  return new StorageError('STORAGE_ERR_CORRUPT_HEADER', `${path}: corrupt whisper header: ${problem}`, {
    context: { path, ...context },
  });
}

/** How many bytes of a file's start `decodeHeader` needs, given the first 16 (0 when they are short). */
export function declaredHeaderSize(buf: Buffer): number {
  return buf.length < METADATA_SIZE ? 0 : headerSize(buf.readUInt32BE(12));
}

/**
 * Decodes and checks a header. Rejects what whisper.py rejects (short read, unknown aggregation type,
 * xFilesFactor outside [0, 1]) and also layouts no whisper tool writes: zero archives, a zero precision or
 * point count, offsets that do not follow each other, a maxRetention that disagrees with the archives.
 * `fileSize` turns a short data region into STORAGE_ERR_TRUNCATED_FILE.
 */
export function decodeHeader(buf: Buffer, path: string, fileSize?: number): Header {
  if (buf.length < METADATA_SIZE) {
    throw corrupt(path, `file has ${buf.length} bytes, the metadata alone needs ${METADATA_SIZE}`);
  }
  const type = buf.readUInt32BE(0);
  const maxRetention = buf.readUInt32BE(4);
  const xFilesFactor = buf.readFloatBE(8);
  const archiveCount = buf.readUInt32BE(12);
  const method = AGGREGATION_METHODS[type - 1];
  if (method === undefined)
    throw corrupt(path, `unknown aggregation type ${type}`, { aggregationType: type });
  if (!(xFilesFactor >= 0 && xFilesFactor <= 1)) {
    throw corrupt(path, `xFilesFactor ${xFilesFactor} is not between 0 and 1`, { xFilesFactor });
  }
  if (archiveCount === 0) throw corrupt(path, 'archive count is 0');
  const size = headerSize(archiveCount);
  if (buf.length < size) {
    throw corrupt(path, `${archiveCount} archives need a ${size}-byte header, file has ${buf.length} bytes`, {
      archiveCount,
    });
  }
  const archives: ArchiveInfo[] = [];
  let expectedOffset = size;
  let longest = 0;
  for (let i = 0; i < archiveCount; i++) {
    const at = METADATA_SIZE + i * ARCHIVE_INFO_SIZE;
    const offset = buf.readUInt32BE(at);
    const secondsPerPoint = buf.readUInt32BE(at + 4);
    const points = buf.readUInt32BE(at + 8);
    if (secondsPerPoint === 0 || points === 0) {
      throw corrupt(path, `archive${i} has secondsPerPoint ${secondsPerPoint} and ${points} points`, {
        archive: i,
      });
    }
    if (offset !== expectedOffset) {
      throw corrupt(path, `archive${i} starts at byte ${offset}, expected ${expectedOffset}`, { archive: i });
    }
    const info = archiveInfo(offset, secondsPerPoint, points);
    archives.push(info);
    expectedOffset += info.size;
    longest = Math.max(longest, info.retention);
  }
  if (longest !== maxRetention) {
    throw corrupt(path, `maxRetention ${maxRetention} does not match the longest archive (${longest} s)`);
  }
  if (fileSize !== undefined && fileSize < expectedOffset) {
    throw new StorageError(
      'STORAGE_ERR_TRUNCATED_FILE',
      `${path}: file is ${fileSize} bytes but its ${archiveCount} archives end at byte ${expectedOffset}`,
      { context: { path, fileSize, expectedSize: expectedOffset } },
    );
  }
  return { aggregationMethod: method, maxRetention, xFilesFactor, archives };
}
