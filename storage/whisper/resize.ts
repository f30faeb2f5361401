// whisper `resize` (whisper-resize 1.1.4): rewrites a file with new archives, copying the old data archive by
// archive (or aggregated with `aggregate`), then swaps it in atomically and keeps a .bak (graphite.md §7.8).
// Unlike whisper-resize's plain renames, the new file is fsynced, the original is never missing or changed
// on failure, the temp file is removed on failure, and the directory is fsynced (STYLE.md "File rewrites").
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  renameSync,
  unlinkSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { StorageError, ioError } from '../errors.js';
import { aggregate } from './aggregate.js';
import { planHeader } from './create.js';
import type { AggregationMethod, ArchiveInfo, ArchiveSpec } from './format.js';
import { WhisperFile } from './file.js';
import { pyMod } from './ring.js';
import type { Point } from './update.js';

export interface ResizeOptions {
  /** Default: the old file's xFilesFactor. */
  xFilesFactor?: number;
  /** Default: the old file's aggregation method. */
  aggregationMethod?: AggregationMethod;
  /** Re-aggregate the old points into each new archive (whisper-resize `--aggregate`). */
  aggregate?: boolean;
  /** Write the new file here and leave `path` alone (whisper-resize `--newfile`). */
  newfile?: string;
  /** Delete `path.bak` once the new file is in place. */
  nobackup?: boolean;
  /** Epoch seconds (whole), whisper-resize's `int(time.time())`. */
  now: number;
  /** Receives whisper-resize's progress lines as they happen. */
  log?: (line: string) => void;
}

export interface ResizeSummary {
  oldArchives: ArchiveSpec[];
  newArchives: ArchiveSpec[];
  /** The file written: `newfile`, or `path` after the swap. */
  path: string;
  /** Where the old file was kept; null with `newfile` or `nobackup`. */
  backup: string | null;
  /** Points handed to update_many (non-null old points, or aggregated points with `aggregate`). */
  pointsCopied: number;
}

interface OldData {
  fromInterval: number;
  step: number;
  /** zip(range(*timeinfo), values): as many as the shorter of the two. */
  timestamps: number[];
  values: (number | null)[];
}

/** whisper-resize's "Retrieving all data": each old archive, coarsest first, over its own retention. */
function readOld(path: string, now: number) {
  const file = WhisperFile.open(path, { readOnly: true });
  try {
    const info = file.info();
    const archives = [...info.archives].sort((a, b) => b.secondsPerPoint - a.secondsPerPoint);
    const data: OldData[] = archives.map((a) => {
      const r = file.fetch(now - a.retention + a.secondsPerPoint, now, now);
      if (r === null) return { fromInterval: 0, step: a.secondsPerPoint, timestamps: [], values: [] };
      const n = Math.min(
        Math.max(0, Math.ceil((r.untilInterval - r.fromInterval) / r.step)),
        r.values.length,
      );
      const timestamps = Array.from({ length: n }, (_, i) => r.fromInterval + i * r.step);
      return { fromInterval: r.fromInterval, step: r.step, timestamps, values: r.values.slice(0, n) };
    });
    return { info, data };
  } finally {
    file.close();
  }
}

/** Python's repr of a list of ints and of a range. */
const pyList = (xs: readonly number[]): string => `[${xs.join(', ')}]`;
const pyRange = (a: number, b: number, step: number): string =>
  step === 1 ? `range(${a}, ${b})` : `range(${a}, ${b}, ${step})`;

function bisectLeft(xs: readonly number[], x: number, lo = 0): number {
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((xs[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * whisper-resize's `--aggregate` branch as written (for Python 2's list-returning zip/map/filter; 1.1.4 on
 * Python 3 raises TypeError there). Quirk kept: when an archive has no point newer than those already
 * gathered, its last point is still appended (the loop index `i` is used, not `slice_end`).
 */
function migrateAggregated(
  file: WhisperFile,
  old: OldData[],
  xff: number,
  method: AggregationMethod,
  now: number,
  log: (line: string) => void,
): number {
  const ts: number[] = [];
  const vs: (number | null)[] = [];
  let i = 0;
  for (const archive of old) {
    const n = archive.timestamps.length;
    if (ts.length > 0) {
      const last = ts[ts.length - 1] as number;
      for (i = 0; i < n; i++) if ((archive.timestamps[i] as number) > last) break;
      if (i === n && n > 0) i = n - 1;
      ts.push(...archive.timestamps.slice(i));
      vs.push(...archive.values.slice(i));
    } else {
      ts.push(...archive.timestamps);
      vs.push(...archive.values);
    }
  }
  log(`oldtimestamps: ${pyList(ts)}`);
  let copied = 0;
  for (const archive of file.header.archives) {
    const step = archive.secondsPerPoint;
    const fromTime = now - archive.retention + pyMod(now, step);
    const untilTime = now + pyMod(now, step) + step;
    log(`(${fromTime},${untilTime},${step})`);
    log(`timepoints_to_update: ${pyRange(fromTime, untilTime, step)}`);
    const points: Point[] = [];
    for (let t0 = fromTime; t0 + step < untilTime; t0 += step) {
      const left = bisectLeft(ts, t0);
      const right = bisectLeft(ts, t0 + step, left);
      if (right <= left) continue;
      const slots = vs.slice(left, right);
      const known = slots.filter((v): v is number => v !== null);
      if (known.length / slots.length < xff) continue;
      if (known.length === 0 && method !== 'sum' && method !== 'avg_zero') {
        // whisper.aggregate raises (ZeroDivisionError, ValueError or IndexError) on no values.
        throw new RangeError(
          `${file.path}: cannot aggregate ${method} of no values at ${t0} (xFilesFactor 0)`,
        );
      }
      points.push([t0, known.length === 0 ? 0 : aggregate(method, known, slots.length)]);
    }
    copied += points.length;
    file.updateMany(points, now);
  }
  return copied;
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // best effort: the failure being reported matters more
  }
}

/** Resizes `path` to `archives`, as whisper-resize does; returns what was done. */
export function resize(
  path: string,
  archives: readonly ArchiveSpec[],
  options: ResizeOptions,
): ResizeSummary {
  const log = options.log ?? (() => {});
  const now = options.now;
  if (!existsSync(path)) {
    throw new StorageError('STORAGE_ERR_NOT_FOUND', `${path}: no such file or directory (resize)`, {
      context: { path },
    });
  }
  log('Retrieving all data from the archives');
  const { info, data } = readOld(path, now);
  const xff = options.xFilesFactor ?? info.xFilesFactor;
  const method = options.aggregationMethod ?? info.aggregationMethod;
  const target = options.newfile ?? `${path}.tmp`;
  // Validate before touching anything (whisper-resize only finds a bad method after creating the temp file).
  planHeader(target, archives, { xFilesFactor: xff, aggregationMethod: method });
  if (options.newfile === undefined && existsSync(target)) {
    log(`Removing previous temporary database file: ${target}`);
    unlinkSync(target);
  }
  log(`Creating new whisper database: ${target}`);
  const file = WhisperFile.create(target, archives, { xFilesFactor: xff, aggregationMethod: method });
  let pointsCopied = 0;
  let backup: string | null = null;
  let swapped = false;
  try {
    try {
      log(`Created: ${target} (${file.info().fileSize} bytes)`);
      if (options.aggregate) {
        log('Migrating data with aggregation...');
        pointsCopied = migrateAggregated(file, data, xff, method, now, log);
      } else {
        log('Migrating data without aggregation...');
        for (const archive of data) {
          const points: Point[] = [];
          archive.timestamps.forEach((t, i) => {
            const v = archive.values[i];
            if (v !== null && v !== undefined) points.push([t, v]);
          });
          pointsCopied += points.length;
          file.updateMany(points, now);
        }
      }
      file.sync();
    } finally {
      file.close();
    }
    if (options.newfile !== undefined) {
      fsyncPath(dirname(target));
      return summary(info.archives, file.header.archives, target, null, pointsCopied);
    }
    backup = `${path}.bak`;
    log(`Renaming old database to: ${backup}`);
    // A hard link, not a rename: `path` keeps existing until the new file replaces it in one rename.
    if (existsSync(backup)) unlinkSync(backup);
    try {
      linkSync(path, backup);
    } catch {
      copyFileSync(path, backup);
      fsyncPath(backup);
    }
    log(`Renaming new database to: ${path}`);
    renameSync(target, path);
    swapped = true;
    fsyncPath(dirname(path));
  } catch (err) {
    if (!swapped) {
      removeQuietly(target);
      if (backup !== null) removeQuietly(backup);
    }
    if (err instanceof StorageError || err instanceof RangeError || err instanceof TypeError) throw err;
    throw ioError(err, 'resize', path);
  }
  if (options.nobackup) {
    log(`Unlinking backup: ${backup}`);
    unlinkSync(backup);
    fsyncPath(dirname(path));
    backup = null;
  }
  return summary(info.archives, file.header.archives, path, backup, pointsCopied);
}

function summary(
  oldArchives: readonly ArchiveInfo[],
  newArchives: readonly ArchiveInfo[],
  path: string,
  backup: string | null,
  pointsCopied: number,
): ResizeSummary {
  const spec = (a: ArchiveInfo): ArchiveSpec => ({ secondsPerPoint: a.secondsPerPoint, points: a.points });
  return {
    oldArchives: oldArchives.map(spec),
    newArchives: newArchives.map(spec),
    path,
    backup,
    pointsCopied,
  };
}
