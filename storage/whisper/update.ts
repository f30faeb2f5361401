// Writes: update (one point), updateMany (the hot path) and propagation into lower archives, with
// whisper.py 1.1's semantics and resulting bytes (graphite.md §7.5), but fewer syscalls: each contiguous run
// is one write, and each lower archive is read once per batch and written in contiguous runs.
import { StorageError } from '../errors.js';
import { aggregate } from './aggregate.js';
import { type ArchiveInfo, type Header, POINT_SIZE, UINT32_MAX } from './format.js';
import { pythonSetOrder } from './python-set.js';
import { pyMod, type RingFile } from './ring.js';

/** A point as callers hand it in: [timestamp (s, float allowed: truncated), value]. */
export type Point = readonly [timestamp: number, value: number];

function notCovered(ring: RingFile, message: string, timestamp: number, now: number): StorageError {
  return new StorageError('STORAGE_ERR_TIMESTAMP_NOT_COVERED', `${ring.path}: ${message}`, {
    context: { path: ring.path, timestamp, now },
  });
}

function checkNumber(ring: RingFile, what: string, value: unknown): number {
  const n = typeof value === 'number' ? value : Number.NaN;
  if (what === 'timestamp' ? !Number.isFinite(n) : typeof value !== 'number') {
    throw new StorageError(
      'STORAGE_ERR_INVALID_POINT',
      `${ring.path}: ${what} ${String(value)} is not a number`,
      {
        context: { path: ring.path, [what]: value },
      },
    );
  }
  return n;
}

/**
 * whisper `update`: the point must be in [now - maxRetention + 1, now]; it goes to the first archive whose
 * retention covers its age, then propagates down until an archive does not take the value.
 */
export function updateOne(
  ring: RingFile,
  header: Header,
  value: number,
  timestamp: number,
  now: number,
): void {
  const t = Math.trunc(checkNumber(ring, 'timestamp', timestamp));
  const v = checkNumber(ring, 'value', value);
  const age = now - t;
  if (!(age < header.maxRetention && age >= 0)) {
    throw notCovered(
      ring,
      `timestamp ${t} is not covered by any archive (now ${now}, ` +
        `retention ${header.maxRetention} s; update takes no future points)`,
      t,
      now,
    );
  }
  if (t > UINT32_MAX) throw notCovered(ring, `timestamp ${t} does not fit a uint32`, t, now);
  const index = header.archives.findIndex((a) => a.retention >= age);
  const archive = header.archives[index] as ArchiveInfo;
  const interval = t - pyMod(t, archive.secondsPerPoint);
  const base = ring.base(index);
  const out = ring.writeBuffer(POINT_SIZE);
  out.view.setUint32(0, interval);
  out.view.setFloat64(4, v);
  ring.writeSlots(archive, base === 0 ? 0 : ring.slotOf(archive, interval, base), out.buf, 0, 1);
  if (base === 0) ring.forgetBase(index);
  const intervals = [interval];
  for (let lower = index + 1; lower < header.archives.length; lower++) {
    if (!propagate(ring, header, lower - 1, lower, intervals)) break;
  }
}

/**
 * whisper `update_many`: points sorted newest first, split by age over the archives (an archive takes the
 * points whose age is at most its retention, future points included; points older than every archive are
 * dropped), each archive's share written and propagated in that order. Of two points with the same
 * timestamp the first given wins, of two in the same interval the later timestamp. Returns how many
 * points fell inside some archive.
 */
export function updateMany(ring: RingFile, header: Header, points: readonly Point[], now: number): number {
  const n = points.length;
  if (n === 0) return 0;
  const ts = new Array<number>(n);
  const vs = new Float64Array(n); // keeps NaN bits (see propagate)
  let ascending = true;
  for (let i = 0; i < n; i++) {
    const p = points[i] as Point;
    ts[i] = Math.trunc(checkNumber(ring, 'timestamp', p[0]));
    vs[i] = checkNumber(ring, 'value', p[1]);
    if (i > 0 && (ts[i] as number) <= (ts[i - 1] as number)) ascending = false;
  }
  if (!ascending) {
    // Chronological order, equal timestamps last-given first: the reverse of Python's stable
    // newest-first sort, which is the order whisper hands each archive.
    const order = Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => (ts[a] as number) - (ts[b] as number) || b - a,
    );
    const t2 = order.map((i) => ts[i] as number);
    const v2 = vs.slice();
    for (let i = 0; i < n; i++) {
      ts[i] = t2[i] as number;
      vs[i] = v2[order[i] as number] as number;
    }
  }
  // Split newest first over the archives: [archive, start, end) slices of the chronological arrays.
  const slices: number[] = [];
  let k = 0;
  let end = n;
  let i = n - 1;
  const archives = header.archives;
  outer: for (; i >= 0; i--) {
    const age = now - (ts[i] as number);
    while ((archives[k] as ArchiveInfo).retention < age) {
      if (end > i + 1) slices.push(k, i + 1, end);
      end = i + 1;
      if (++k === archives.length) break outer;
    }
  }
  if (k < archives.length && end > 0) slices.push(k, 0, end);
  let stored = 0;
  for (let s = 0; s < slices.length; s += 3) {
    for (let j = slices[s + 1] as number; j < (slices[s + 2] as number); j++) {
      const t = ts[j] as number;
      if (t < 0 || t > UINT32_MAX) {
        throw notCovered(ring, `timestamp ${t} does not fit a uint32 (whisper stores "!L")`, t, now);
      }
    }
    stored += (slices[s + 2] as number) - (slices[s + 1] as number);
  }
  for (let s = 0; s < slices.length; s += 3) {
    archiveUpdate(
      ring,
      header,
      slices[s] as number,
      ts,
      vs,
      slices[s + 1] as number,
      slices[s + 2] as number,
    );
  }
  return stored;
}

/** whisper `__archive_update_many` for ts/vs[start, end), chronological. */
function archiveUpdate(
  ring: RingFile,
  header: Header,
  index: number,
  ts: readonly number[],
  vs: Float64Array,
  start: number,
  end: number,
): void {
  const archive = header.archives[index] as ArchiveInfo;
  const step = archive.secondsPerPoint;
  const out = ring.writeBuffer((end - start) * POINT_SIZE);
  // Runs of contiguous intervals: [startInterval, byteOffset, count] triples. Like whisper, an interval of
  // 0 counts as "no previous interval", so a run that starts at 0 absorbs the next point whatever its gap.
  const runs: number[] = [];
  const aligned = new Array<number>(end - start);
  let previous = 0;
  let count = 0;
  let bytes = 0;
  for (let i = start; i < end; i++) {
    const t = ts[i] as number;
    const interval = t - pyMod(t, step);
    aligned[i - start] = interval;
    if (i + 1 < end) {
      const nt = ts[i + 1] as number;
      if (nt - pyMod(nt, step) === interval) continue;
    }
    if (count > 0 && !(previous === 0 || interval === previous + step)) {
      runs.push(previous - step * (count - 1), bytes - count * POINT_SIZE, count);
      count = 0;
    }
    out.view.setUint32(bytes, interval);
    out.view.setFloat64(bytes + 4, vs[i] as number);
    bytes += POINT_SIZE;
    count++;
    previous = interval;
  }
  runs.push(previous - step * (count - 1), bytes - count * POINT_SIZE, count);

  let base = ring.base(index);
  const wasEmpty = base === 0;
  if (wasEmpty) base = runs[0] as number;
  for (let r = 0; r < runs.length; r += 3) {
    let interval = runs[r] as number;
    let at = runs[r + 1] as number;
    let points = runs[r + 2] as number;
    if (points > archive.points) {
      // Only future points can make a run longer than the ring; keep what the ring can hold (its newest
      // points). whisper.py would write past the archive's end here, into the next archive.
      const skip = points - archive.points;
      interval += skip * step;
      at += skip * POINT_SIZE;
      points = archive.points;
    }
    ring.writeSlots(archive, ring.slotOf(archive, interval, base), out.buf, at, points);
  }
  if (wasEmpty) ring.forgetBase(index);

  for (let lower = index + 1; lower < header.archives.length; lower++) {
    if (!propagate(ring, header, lower - 1, lower, aligned)) break;
  }
}

/**
 * whisper `__propagate` for every lower interval the batch touched: reads the higher archive's slots of
 * each interval, aggregates the known ones when their share reaches xFilesFactor, writes the lower points.
 * Returns whether any interval was written (whisper stops descending otherwise).
 */
export function propagate(
  ring: RingFile,
  header: Header,
  higherIndex: number,
  lowerIndex: number,
  aligned: readonly number[],
): boolean {
  const higher = header.archives[higherIndex] as ArchiveInfo;
  const lower = header.archives[lowerIndex] as ArchiveInfo;
  const lowerStep = lower.secondsPerPoint;
  const higherStep = higher.secondsPerPoint;
  const perInterval = lowerStep / higherStep;
  // Distinct lower intervals, ascending (aligned is chronological).
  const lowerIntervals: number[] = [];
  for (const a of aligned) {
    const li = a - pyMod(a, lowerStep);
    if (lowerIntervals.length === 0 || lowerIntervals[lowerIntervals.length - 1] !== li)
      lowerIntervals.push(li);
  }
  const first = lowerIntervals[0] as number;
  const span = (lowerIntervals[lowerIntervals.length - 1] as number) - first;
  const higherBase = ring.base(higherIndex);
  // One read covers every interval when they fit in the ring; otherwise one read per interval.
  const spanSlots = span / higherStep + perInterval;
  const oneRead = higherBase === 0 || spanSlots <= higher.points;
  let view: DataView | undefined;
  if (oneRead) {
    const slot = higherBase === 0 ? 0 : ring.slotOf(higher, first, higherBase);
    view = ring.readSlots(higher, slot, higherBase === 0 ? perInterval : spanSlots);
  }
  const xff = header.xFilesFactor;
  const method = header.aggregationMethod;
  // Float64Arrays, not JS arrays: V8 canonicalizes NaN stored in double arrays, and whisper keeps the bits
  // of a NaN that inf - inf produced (sign bit set on x86).
  const known = new Float64Array(perInterval);
  const intervals: number[] = [];
  const values = new Float64Array(lowerIntervals.length);
  for (const li of lowerIntervals) {
    let at = 0;
    if (!oneRead) {
      view = ring.readSlots(higher, ring.slotOf(higher, li, higherBase), perInterval);
    } else if (higherBase !== 0) {
      at = ((li - first) / higherStep) * POINT_SIZE;
    }
    const v = view as DataView;
    let count = 0;
    let expected = li;
    for (let s = 0; s < perInterval; s++, at += POINT_SIZE, expected += higherStep) {
      if (v.getUint32(at) === expected) known[count++] = v.getFloat64(at + 4);
    }
    if (count > 0 && count / perInterval >= xff) {
      values[intervals.length] = aggregate(method, known, perInterval, count);
      intervals.push(li);
    }
  }
  if (intervals.length === 0) return false;
  writeLower(ring, lowerIndex, lower, intervals, values, aligned, span);
  return true;
}

/** Writes propagated points (intervals[i], values[i]) into `lower` as whisper's one-by-one writes leave it. */
function writeLower(
  ring: RingFile,
  lowerIndex: number,
  lower: ArchiveInfo,
  intervals: readonly number[],
  values: Float64Array,
  aligned: readonly number[],
  span: number,
): void {
  let base = ring.base(lowerIndex);
  const wasEmpty = base === 0;
  let order = intervals.map((_, i) => i);
  // whisper iterates a Python set of the intervals: its order decides which one becomes an empty archive's
  // base, and which of two intervals sharing a ring slot lands last. Otherwise order does not matter.
  if ((wasEmpty && intervals.length > 1) || span >= lower.retention) {
    const indexOf = new Map(intervals.map((li, i) => [li, i]));
    const lowerStep = lower.secondsPerPoint;
    order = [];
    for (const li of pythonSetOrder(aligned.map((a) => a - pyMod(a, lowerStep)))) {
      const i = indexOf.get(li);
      if (i !== undefined) order.push(i);
    }
  }
  if (wasEmpty) base = intervals[order[0] as number] as number;
  // slot → index of the point written there; a later point for the same slot replaces the earlier one.
  const bySlot = new Map<number, number>();
  for (const i of order) bySlot.set(ring.slotOf(lower, intervals[i] as number, base), i);
  const slots = [...bySlot.keys()];
  if (slots.length > 1) slots.sort((a, b) => a - b);
  const out = ring.writeBuffer(slots.length * POINT_SIZE);
  let runStart = 0;
  for (let s = 0; s < slots.length; s++) {
    const i = bySlot.get(slots[s] as number) as number;
    out.view.setUint32(s * POINT_SIZE, intervals[i] as number);
    out.view.setFloat64(s * POINT_SIZE + 4, values[i] as number);
    const next = slots[s + 1];
    if (next === undefined || next !== (slots[s] as number) + 1) {
      ring.writeSlots(lower, slots[runStart] as number, out.buf, runStart * POINT_SIZE, s - runStart + 1);
      runStart = s + 1;
    }
  }
  if (wasEmpty) ring.forgetBase(lowerIndex);
}
