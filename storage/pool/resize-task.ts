// Piscina worker task of bulk resize (`carbonado resize --schemas`): brings whisper files to target archives,
// xFilesFactor and aggregationMethod. Runs on a pool of its own (CLI, server stopped) or on a write-pool shard
// (server running), where it is ordered with that shard's writes: no write lands between read and swap.
import { join } from 'node:path';
import { StorageError } from '../errors.js';
import type { AggregationMethod, ArchiveSpec, Header } from '../whisper/format.js';
import { WhisperFile } from '../whisper/file.js';
import { resize } from '../whisper/resize.js';
import { forget } from './write-worker.js';

/** One file and what the schemas say it should be. */
export interface ResizeItem {
  /** The metric name: picks the write-pool shard that owns the file. */
  name: string;
  /** Path relative to the task's whisperDir ('/'-separated, ends in .wsp). */
  path: string;
  archives: ArchiveSpec[];
  xFilesFactor: number;
  aggregationMethod: AggregationMethod;
}

export interface ResizeTask {
  whisperDir: string;
  /** Seconds, whisper-resize's `int(time.time())`; default: the clock when each file is done. */
  now?: number;
  /** Re-aggregate old points into each new archive (whisper-resize --aggregate); default off, as there. */
  aggregate: boolean;
  /** Delete PATH.bak once the new file is in place. */
  nobackup: boolean;
  items: ResizeItem[];
}

/** resized: rewritten with new archives; metadata: header only (whisper-set-*); unchanged: already there. */
export type ResizeOutcome = 'resized' | 'metadata' | 'unchanged' | 'missing' | 'error';

export interface ResizeItemResult {
  path: string;
  outcome: ResizeOutcome;
  error?: { code: string; message: string };
}

/** What a file needs to match a target: a rewrite, a header change, or nothing. */
export function resizeKind(
  header: Pick<Header, 'archives' | 'xFilesFactor' | 'aggregationMethod'>,
  target: Pick<ResizeItem, 'archives' | 'xFilesFactor' | 'aggregationMethod'>,
): 'resize' | 'metadata' | 'unchanged' {
  const same =
    header.archives.length === target.archives.length &&
    header.archives.every(
      (a, i) =>
        a.secondsPerPoint === target.archives[i]?.secondsPerPoint && a.points === target.archives[i]?.points,
    );
  if (!same) return 'resize';
  // The header holds xFilesFactor as a float32: 0.3 reads back as 0.30000001192092896.
  const xff = header.xFilesFactor === Math.fround(target.xFilesFactor);
  return xff && header.aggregationMethod === target.aggregationMethod ? 'unchanged' : 'metadata';
}

function applyItem(task: ResizeTask, item: ResizeItem): ResizeOutcome {
  const path = join(task.whisperDir, item.path);
  // A write worker may hold the file open: drop the handle, its next write opens the new file.
  forget({ whisperDir: task.whisperDir, paths: [item.path] });
  let file: WhisperFile;
  try {
    file = WhisperFile.open(path);
  } catch (err) {
    if (err instanceof StorageError && err.code === 'STORAGE_ERR_NOT_FOUND') return 'missing';
    throw err;
  }
  let kind: ReturnType<typeof resizeKind>;
  try {
    kind = resizeKind(file.header, item);
    // whisper-set-aggregation-method takes the xFilesFactor too: one header write does both.
    if (kind === 'metadata') file.setAggregationMethod(item.aggregationMethod, item.xFilesFactor);
  } finally {
    file.close();
  }
  if (kind === 'unchanged') return 'unchanged';
  if (kind === 'metadata') return 'metadata';
  resize(path, item.archives, {
    now: task.now ?? Math.floor(Date.now() / 1000),
    xFilesFactor: item.xFilesFactor,
    aggregationMethod: item.aggregationMethod,
    aggregate: task.aggregate,
    nobackup: task.nobackup,
  });
  return 'resized';
}

/** Applies every item; a failing file is reported and the rest go on. */
export default function resizeTask(task: ResizeTask): ResizeItemResult[] {
  return task.items.map((item) => {
    try {
      return { path: item.path, outcome: applyItem(task, item) };
    } catch (err) {
      const code = err instanceof StorageError ? err.code : 'STORAGE_ERR_IO';
      const message = err instanceof Error ? err.message : String(err);
      return { path: item.path, outcome: 'error', error: { code, message } };
    }
  });
}
