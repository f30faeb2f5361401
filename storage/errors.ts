// The storage error table (STORAGE_ERR_*): every error the file engine and the schema readers raise on
// purpose. Codes are stable and never reused; messages may change. docs/errors.md lists each code.

/** Code → one-line description of when it is raised (the docs table is checked against these keys). */
export const STORAGE_ERRORS = {
  STORAGE_ERR_CORRUPT_HEADER: 'A whisper header cannot be read or describes an impossible layout',
  STORAGE_ERR_TRUNCATED_FILE: 'A whisper file is shorter than the archives its header declares',
  STORAGE_ERR_TIMESTAMP_NOT_COVERED:
    'A timestamp falls outside every archive of the file (or outside uint32)',
  STORAGE_ERR_INVALID_ARCHIVE_LIST: 'An archive list breaks one of whisper’s archive rules',
  STORAGE_ERR_INVALID_AGGREGATION_METHOD: 'An aggregation method is not one of the eight whisper knows',
  STORAGE_ERR_INVALID_XFILESFACTOR: 'An xFilesFactor is not a number between 0 and 1',
  STORAGE_ERR_INVALID_TIME_INTERVAL: 'A fetch asks for a range whose from is after its until',
  STORAGE_ERR_INVALID_GRANULARITY: 'A fetch asks for an archive precision the file does not have',
  STORAGE_ERR_INVALID_POINT: 'A point has a timestamp or value that is not a number',
  STORAGE_ERR_INVALID_RETENTION: 'A retention definition (60:1440, 1m:1d) cannot be parsed',
  STORAGE_ERR_INVALID_SCHEMA: 'storage-schemas.conf or storage-aggregation.conf is invalid',
  STORAGE_ERR_FILE_EXISTS: 'create was asked to make a file that already exists',
  STORAGE_ERR_NOT_FOUND: 'The whisper file (or schema file) does not exist',
  STORAGE_ERR_IO: 'The operating system failed a read, write or create (ENOSPC, EIO, EACCES, …)',
  STORAGE_ERR_LIMIT_EXCEEDED: 'A find or seriesByTag query matches more series than its limit allows',
  STORAGE_ERR_INVALID_PATTERN: 'A find pattern is empty or expands to too many alternatives',
  STORAGE_ERR_INVALID_TAG_EXPRESSION:
    'A seriesByTag expression, tag filter or tagged series name is malformed or unsafe to run',
  STORAGE_ERR_INDEX: 'The metric index database cannot be opened, read or written',
} as const;

export type StorageErrorCode = keyof typeof STORAGE_ERRORS;

export interface StorageErrorOptions {
  cause?: unknown;
  /** Where it happened and with which values: path, archive index, timestamp, file, section… */
  context?: Record<string, unknown>;
}

/** Every intentional storage failure. Programmer mistakes stay plain TypeError/RangeError. */
export class StorageError extends Error {
  readonly code: StorageErrorCode;
  readonly context: Record<string, unknown>;

  constructor(code: StorageErrorCode, message: string, options: StorageErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StorageError';
    this.code = code;
    this.context = options.context ?? {};
  }
}

/** Wraps a Node fs error as STORAGE_ERR_IO (or STORAGE_ERR_NOT_FOUND), naming the operation and path. */
export function ioError(err: unknown, operation: string, path: string): StorageError {
  const sysCode = (err as NodeJS.ErrnoException | undefined)?.code;
  if (sysCode === 'ENOENT') {
    return new StorageError('STORAGE_ERR_NOT_FOUND', `${path}: no such file or directory (${operation})`, {
      cause: err,
      context: { path, operation },
    });
  }
  const detail = err instanceof Error ? err.message : String(err);
  return new StorageError('STORAGE_ERR_IO', `${operation} failed for ${path}: ${detail}`, {
    cause: err,
    context: { path, operation, errno: sysCode },
  });
}
