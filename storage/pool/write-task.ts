// The messages between the persister (main thread) and a write worker: plain data, structured-cloned.
import type { AggregationMethod, ArchiveSpec } from '../whisper/format.js';

/** How a worker creates files it is allowed to create (the schema match is done by the caller). */
export interface CreateSpec {
  archives: ArchiveSpec[];
  xFilesFactor: number;
  aggregationMethod: AggregationMethod;
}

export interface WriteItem {
  /** The metric name (for results and logs). */
  name: string;
  /** Path of the whisper file relative to the task's whisperDir ('/'-separated, ends in .wsp). */
  path: string;
  /** Points, chronological, at most one per timestamp (the caller de-duplicates, last write wins). */
  timestamps: Float64Array;
  values: Float64Array;
  /** Present when the file may be created if it is missing. */
  create?: CreateSpec;
}

export interface WriteTask {
  whisperDir: string;
  /** Seconds; "now" for whisper's retention checks. */
  now: number;
  sparse: boolean;
  fallocate: boolean;
  /** How many files this task may create (carbon's MAX_CREATES_PER_MINUTE bucket); the rest stay 'missing'. */
  createBudget: number;
  items: WriteItem[];
}

export type WriteStatus = 'updated' | 'created' | 'missing' | 'error';

export interface WriteResult {
  name: string;
  status: WriteStatus;
  /** Points that fell inside an archive (whisper drops older ones silently). */
  committed: number;
  error?: { code: string; message: string };
}

export interface WriteTaskResult {
  results: WriteResult[];
  /** Files this task created. */
  creates: number;
  /** updateMany calls made. */
  updateOperations: number;
  /** Wall time spent in the worker, ms. */
  elapsedMs: number;
}
