// Piscina worker: applies write tasks to whisper files it owns (the pool routes a metric to the same
// worker every time), keeping recently used files open in an LRU so a batch pays no open or header read.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { StorageError } from '../errors.js';
import { WhisperFile } from '../whisper/file.js';
import type { WriteItem, WriteResult, WriteTask, WriteTaskResult } from './write-task.js';

const MAX_OPEN = Number(process.env.CARBONADO_WORKER_MAX_OPEN_FILES ?? 2000);
const open = new Map<string, WhisperFile>(); // insertion order = least recently used first

function handleFor(path: string): WhisperFile | undefined {
  const cached = open.get(path);
  if (cached !== undefined) {
    open.delete(path);
    open.set(path, cached);
    return cached;
  }
  let file: WhisperFile;
  try {
    file = WhisperFile.open(path);
  } catch (err) {
    if (err instanceof StorageError && err.code === 'STORAGE_ERR_NOT_FOUND') return undefined;
    throw err;
  }
  remember(path, file);
  return file;
}

function remember(path: string, file: WhisperFile): void {
  open.set(path, file);
  if (open.size > MAX_OPEN) {
    const [oldestPath, oldest] = open.entries().next().value as [string, WhisperFile];
    open.delete(oldestPath);
    oldest.close();
  }
}

function writeItem(task: WriteTask, item: WriteItem, mayCreate: boolean): WriteResult {
  const path = join(task.whisperDir, item.path);
  let status: WriteResult['status'] = 'updated';
  let file = handleFor(path);
  if (file === undefined) {
    if (item.create === undefined || !mayCreate) return { name: item.name, status: 'missing', committed: 0 };
    mkdirSync(dirname(path), { recursive: true });
    try {
      file = WhisperFile.create(path, item.create.archives, {
        xFilesFactor: item.create.xFilesFactor,
        aggregationMethod: item.create.aggregationMethod,
        sparse: task.sparse,
        fallocate: task.fallocate,
      });
    } catch (err) {
      // Another writer (a restored backup, whisper-create) made it meanwhile: use it.
      if (!(err instanceof StorageError && err.code === 'STORAGE_ERR_FILE_EXISTS')) throw err;
      file = WhisperFile.open(path);
    }
    remember(path, file);
    status = 'created';
  }
  const points = new Array<[number, number]>(item.timestamps.length);
  for (let i = 0; i < points.length; i++)
    points[i] = [item.timestamps[i] as number, item.values[i] as number];
  const committed = file.updateMany(points, task.now);
  return { name: item.name, status, committed };
}

/** Writes every item; a failing item is reported and the rest of the task goes on. */
export default function writeTask(task: WriteTask): WriteTaskResult {
  const started = performance.now();
  const results: WriteResult[] = [];
  let creates = 0;
  let updateOperations = 0;
  for (const item of task.items) {
    try {
      const result = writeItem(task, item, creates < task.createBudget);
      if (result.status === 'created') creates++;
      if (result.status !== 'missing') updateOperations++;
      results.push(result);
    } catch (err) {
      const path = join(task.whisperDir, item.path);
      const cached = open.get(path);
      if (cached !== undefined) {
        open.delete(path);
        cached.close();
      }
      const code = err instanceof StorageError ? err.code : 'STORAGE_ERR_IO';
      const message = err instanceof Error ? err.message : String(err);
      results.push({ name: item.name, status: 'error', committed: 0, error: { code, message } });
    }
  }
  return { results, creates, updateOperations, elapsedMs: performance.now() - started };
}

/** Closes the open files of these paths (relative to whisperDir), e.g. before the files are deleted. */
export function forget(task: { whisperDir: string; paths: string[] }): number {
  let n = 0;
  for (const p of task.paths) {
    const path = join(task.whisperDir, p);
    const file = open.get(path);
    if (file !== undefined) {
      open.delete(path);
      file.close();
      n++;
    }
  }
  return n;
}

/** Closes every open file (the pool calls this through a task before it shuts down). */
export function closeAll(): number {
  const n = open.size;
  for (const file of open.values()) file.close();
  open.clear();
  return n;
}
