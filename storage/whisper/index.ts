// storage/whisper public surface: the WhisperFile handle plus whisper.py-style path functions that open,
// act and close (whisper `update` → `file_update`).
import type { AggregationMethod, ArchiveSpec } from './format.js';
import type { CreateOptions } from './create.js';
import type { FetchOptions, FetchResult, FetchWindow } from './fetch.js';
import { type OpenOptions, WhisperFile, type WhisperInfo } from './file.js';
import type { Point } from './update.js';

export { AGGREGATION_METHODS, isAggregationMethod, POINT_SIZE } from './format.js';
export type { AggregationMethod, ArchiveInfo, ArchiveSpec, Header } from './format.js';
export { aggregate } from './aggregate.js';
export { validateArchiveList } from './validate.js';
export { canFallocate, nodeIo } from './io.js';
export type { FileIo } from './io.js';
export type { CreateOptions, FetchOptions, FetchResult, FetchWindow, OpenOptions, Point, WhisperInfo };
export { fetchWindow } from './fetch.js';
export { planHeader } from './create.js';
export { WhisperFile };

function withFile<T>(path: string, options: OpenOptions, fn: (file: WhisperFile) => T): T {
  const file = WhisperFile.open(path, options);
  try {
    return fn(file);
  } finally {
    file.close();
  }
}

/** Creates a whisper file (no handle kept open). */
export function create(
  path: string,
  archives: readonly ArchiveSpec[],
  options: CreateOptions & OpenOptions = {},
): void {
  WhisperFile.create(path, archives, options).close();
}

export function info(path: string, options: OpenOptions = {}): WhisperInfo {
  return withFile(path, { ...options, readOnly: true }, (f) => f.info());
}

export function fetch(
  path: string,
  from: number,
  until: number,
  now: number,
  options: FetchOptions & OpenOptions = {},
): FetchResult | null {
  return withFile(path, { ...options, readOnly: true }, (f) => f.fetch(from, until, now, options));
}

export function update(
  path: string,
  value: number,
  timestamp: number,
  now: number,
  options: OpenOptions = {},
): void {
  withFile(path, options, (f) => f.update(value, timestamp, now));
}

export function updateMany(
  path: string,
  points: readonly Point[],
  now: number,
  options: OpenOptions = {},
): number {
  return withFile(path, options, (f) => f.updateMany(points, now));
}

export function setAggregationMethod(
  path: string,
  method: AggregationMethod,
  xFilesFactor?: number,
  options: OpenOptions = {},
): AggregationMethod {
  return withFile(path, options, (f) => f.setAggregationMethod(method, xFilesFactor));
}

export function setXFilesFactor(path: string, xFilesFactor: number, options: OpenOptions = {}): number {
  return withFile(path, options, (f) => f.setXFilesFactor(xFilesFactor));
}
export { merge, type MergeOptions } from './merge.js';
export { fill, type FillOptions } from './fill.js';
export { diff, type ArchiveDiff, type DiffOptions, type DiffPoint } from './diff.js';
export { resize, type ResizeOptions, type ResizeSummary } from './resize.js';
export {
  checkFile,
  isCorrupt,
  CORRUPTION_CODES,
  MAX_EXAMPLES,
  type CheckOptions,
  type CheckProblem,
  type CheckProblemCode,
  type CheckResult,
  type CheckSlotExample,
} from './check.js';
