// whisper `merge` (whisper-merge): copies the non-null points of one file into another with the same archive
// layout, archive by archive, shortest retention first, each written straight into that archive
// (`__archive_update_many`) and propagated down from there (graphite.md §7.6, §7.8).
// update.ts keeps its per-archive writer private, so the raw archive read and write are re-done here (they
// are also what diff.ts uses); propagation reuses update.ts's exported `propagate`.
import { StorageError, ioError } from '../errors.js';
import { type ArchiveInfo, type Header, POINT_SIZE, declaredHeaderSize, decodeHeader } from './format.js';
import { type FileIo, nodeIo } from './io.js';
import { pyMod, RingFile } from './ring.js';
import { propagate } from './update.js';

export interface MergeOptions {
  /** Start of the copied range, epoch seconds (whisper-merge `--from`; default 0). */
  from?: number;
  /** End of the copied range, epoch seconds (whisper-merge `--until`; default `now`). */
  until?: number;
  now: number;
}

/** One open file as a ring plus its header; `close` releases the descriptor. */
export interface OpenRing {
  ring: RingFile;
  header: Header;
  close(): void;
}

/** Opens a whisper file for raw archive reads and writes (the header is checked as WhisperFile.open does). */
export function openRing(path: string, readOnly: boolean, io: FileIo = nodeIo): OpenRing {
  let fd = -1;
  try {
    fd = io.openSync(path, readOnly ? 'r' : 'r+');
    const head = Buffer.alloc(16);
    const n = io.readSync(fd, head, 0, 16, 0);
    const buf = Buffer.alloc(Math.max(16, declaredHeaderSize(head.subarray(0, n))));
    const m = io.readSync(fd, buf, 0, buf.length, 0);
    const header = decodeHeader(buf.subarray(0, m), path, io.fstatSync(fd).size);
    const ring = new RingFile(fd, path, io, header.archives);
    const opened = fd;
    return { ring, header, close: () => io.closeSync(opened) };
  } catch (err) {
    if (fd >= 0) io.closeSync(fd);
    if (err instanceof StorageError) throw err;
    throw ioError(err, 'open', path);
  }
}

/** Throws unless both headers list the same archives (whisper compares the archive dicts). */
export function checkSameArchives(a: OpenRing, b: OpenRing, verb: string): void {
  const x = a.header.archives;
  const y = b.header.archives;
  const same =
    x.length === y.length &&
    x.every((ai, i) => {
      const bi = y[i] as ArchiveInfo;
      return ai.offset === bi.offset && ai.secondsPerPoint === bi.secondsPerPoint && ai.points === bi.points;
    });
  if (same) return;
  const show = (h: Header): string => h.archives.map((ai) => `${ai.secondsPerPoint}:${ai.points}`).join(',');
  throw new StorageError(
    'STORAGE_ERR_INVALID_ARCHIVE_LIST',
    `${a.ring.path} and ${b.ring.path} archive configurations are unalike ` +
      `(${show(a.header)} vs ${show(b.header)}). Resize the input before ${verb}`,
    { context: { path: a.ring.path, other: b.ring.path } },
  );
}

/** The archive indexes in whisper's processing order: retention ascending (a stable sort, as Python's). */
export function byRetention(header: Header): number[] {
  return header.archives
    .map((_, i) => i)
    .sort((i, j) => {
      const a = header.archives[i] as ArchiveInfo;
      const b = header.archives[j] as ArchiveInfo;
      return a.retention - b.retention || i - j;
    });
}

export interface ArchiveRead {
  fromInterval: number;
  untilInterval: number;
  step: number;
  /** As many as the ring read returned, which is fewer than the intervals when the range is longer than the ring. */
  values: (number | null)[];
}

/**
 * whisper `__archive_fetch`: no clamping, a range longer than the ring wraps (fewer values than intervals),
 * and a range with from after until reads whatever the ring offsets give (diff can ask for one).
 */
export function archiveFetch(ring: RingFile, index: number, from: number, until: number): ArchiveRead {
  const archive = ring.archives[index] as ArchiveInfo;
  const step = archive.secondsPerPoint;
  const f = Math.trunc(from);
  const u = Math.trunc(until);
  const fromInterval = f - pyMod(f, step) + step;
  let untilInterval = u - pyMod(u, step) + step;
  if (fromInterval === untilInterval) untilInterval += step;
  ring.forgetBase(index); // whisper reads the base every time; the other handle may have written it
  const base = ring.base(index);
  if (base === 0) {
    const n = Math.max(0, Math.floor((untilInterval - fromInterval) / step));
    return { fromInterval, untilInterval, step, values: new Array<number | null>(n).fill(null) };
  }
  const fromSlot = ring.slotOf(archive, fromInterval, base);
  const untilSlot = ring.slotOf(archive, untilInterval, base);
  const count = fromSlot < untilSlot ? untilSlot - fromSlot : archive.points - fromSlot + untilSlot;
  const view = ring.readSlots(archive, fromSlot, count);
  const values = new Array<number | null>(count);
  let expected = fromInterval;
  for (let i = 0; i < count; i++, expected += step) {
    values[i] = view.getUint32(i * POINT_SIZE) === expected ? view.getFloat64(i * POINT_SIZE + 4) : null;
  }
  return { fromInterval, untilInterval, step, values };
}

/**
 * whisper `__archive_update_many` for chronological points with distinct timestamps: contiguous runs are
 * written from the archive's base (the first run's start when the archive is empty), then propagated down.
 */
export function archiveUpdateMany(
  ring: RingFile,
  header: Header,
  index: number,
  timestamps: readonly number[],
  values: Float64Array,
): void {
  const archive = header.archives[index] as ArchiveInfo;
  const step = archive.secondsPerPoint;
  const n = timestamps.length;
  const aligned = timestamps.map((t) => t - pyMod(t, step));
  const out = Buffer.alloc(n * POINT_SIZE);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const runs: [start: number, at: number, count: number][] = [];
  let previous = 0;
  let count = 0;
  let written = 0;
  for (let i = 0; i < n; i++) {
    const interval = aligned[i] as number;
    if (i + 1 < n && aligned[i + 1] === interval) continue; // the last of equal intervals wins
    // Like whisper, a previous interval of 0 counts as none: that run absorbs the next point whatever its gap.
    if (count > 0 && !(previous === 0 || interval === previous + step)) {
      runs.push([previous - step * (count - 1), (written - count) * POINT_SIZE, count]);
      count = 0;
    }
    view.setUint32(written * POINT_SIZE, interval);
    view.setFloat64(written * POINT_SIZE + 4, values[i] as number);
    written++;
    count++;
    previous = interval;
  }
  if (count === 0) return;
  runs.push([previous - step * (count - 1), (written - count) * POINT_SIZE, count]);
  ring.forgetBase(index);
  let base = ring.base(index);
  if (base === 0) base = runs[0]?.[0] as number;
  for (const [start, at, points] of runs) {
    // Runs come from one read of this same archive, so none is longer than the ring.
    ring.writeSlots(archive, ring.slotOf(archive, start, base), out, at, points);
  }
  ring.forgetBase(index);
  for (let lower = index + 1; lower < header.archives.length; lower++) {
    if (!propagate(ring, header, lower - 1, lower, aligned)) break;
  }
}

/** whisper `merge(path_from, path_to, time_from, time_to, now)`: copies fromPath's non-null points into toPath. */
export function merge(fromPath: string, toPath: string, options: MergeOptions, io: FileIo = nodeIo): void {
  const src = openRing(fromPath, true, io);
  try {
    const dst = openRing(toPath, false, io);
    try {
      checkSameArchives(src, dst, 'merging');
      const now = options.now;
      const untilTime = options.until ?? now;
      const fromTime = options.from ?? 0;
      if (untilTime < fromTime) {
        throw new StorageError(
          'STORAGE_ERR_INVALID_TIME_INTERVAL',
          `${toPath}: merge until ${untilTime} is before from ${fromTime}`,
          { context: { path: toPath, from: fromTime, until: untilTime } },
        );
      }
      for (const index of byRetention(src.header)) {
        const archive = src.header.archives[index] as ArchiveInfo;
        const oldest = now - archive.retention;
        if (untilTime < oldest) continue; // whisper skips archives the range is wholly too old for
        const read = archiveFetch(src.ring, index, Math.max(fromTime, oldest), untilTime);
        const ts: number[] = [];
        const vs: number[] = [];
        // zip(range(start, end, step), values): the shorter one decides.
        const intervals = Math.max(0, Math.ceil((read.untilInterval - read.fromInterval) / read.step));
        const n = Math.min(intervals, read.values.length);
        for (let i = 0; i < n; i++) {
          const v = read.values[i];
          if (v === null || v === undefined) continue;
          ts.push(read.fromInterval + i * read.step);
          vs.push(v);
        }
        if (ts.length === 0) continue;
        archiveUpdateMany(dst.ring, dst.header, index, ts, Float64Array.from(vs));
      }
    } finally {
      dst.close();
    }
  } finally {
    src.close();
  }
}
