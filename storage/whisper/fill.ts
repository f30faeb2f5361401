// whisper-fill: fills dst's gaps (runs of null or 0 values) from src without overwriting what dst has,
// walking dst's archives shortest retention first and taking src's highest precision data first
// (graphite.md §7.8; /usr/bin/whisper-fill from python3-whisper 1.1.4).
import type { ArchiveInfo } from './format.js';
import { WhisperFile } from './file.js';
import type { FileIo } from './io.js';
import type { Point } from './update.js';

export interface FillOptions {
  /** whisper-fill's `time.time()`: may have a fraction, which whisper-fill keeps in its range arithmetic. */
  now: number;
  io?: FileIo;
}

function fetchOrThrow(file: WhisperFile, from: number, until: number, now: number) {
  const got = file.fetch(from, until, now);
  // whisper-fill unpacks fetch's result and would die on None; its ranges never produce one.
  if (got === null) throw new RangeError(`${file.path}: nothing to fetch in [${from}, ${until}]`);
  return got;
}

/** whisper-fill's `fill(src, dst, tstart, tstop)`: copies src's points of (tstart, tstop] into dst. */
function fillRange(src: WhisperFile, dst: WhisperFile, tstart: number, tstop: number, now: number): void {
  const intNow = Math.trunc(now);
  const srcTime = intNow - src.header.maxRetention;
  if (tstart < srcTime && tstop < srcTime) return;
  const archives = [...src.header.archives].sort((a, b) => a.retention - b.retention);
  for (const archive of archives) {
    const rtime = now - archive.retention;
    if (tstop <= rtime) continue;
    const untilTime = tstop;
    const fromTime = rtime > tstart ? rtime : tstart;
    const { fromInterval, untilInterval, step, values } = fetchOrThrow(src, fromTime, untilTime, intNow);
    const points: Point[] = [];
    for (let i = 0, t = fromInterval; i < values.length && t < untilInterval; i++, t += step) {
      const v = values[i];
      if (v !== null && v !== undefined) points.push([t, v]);
    }
    if (points.length > 0) dst.updateMany(points, intNow);
    tstop = fromTime;
    if (tstart === tstop) return;
  }
}

/**
 * whisper-fill's `fill_archives(src, dst, time.time())`: for each dst archive (shortest retention first),
 * fetches dst from `now - retention` to where the previous archive began and fills every gap longer than
 * one point from src. Like whisper-fill, a stored 0 counts as a gap and a one-point gap is left alone.
 */
export function fill(srcPath: string, dstPath: string, options: FillOptions): void {
  const { now } = options;
  const intNow = Math.trunc(now);
  const openOptions = options.io === undefined ? {} : { io: options.io };
  const src = WhisperFile.open(srcPath, { ...openOptions, readOnly: true });
  try {
    const dst = WhisperFile.open(dstPath, openOptions);
    try {
      let startFrom = now;
      const archives = [...dst.header.archives].sort((a, b) => a.retention - b.retention);
      for (const archive of archives as ArchiveInfo[]) {
        const fromTime = now - archive.retention;
        if (fromTime >= startFrom) continue;
        const read = fetchOrThrow(dst, fromTime, startFrom, intNow);
        const { step, untilInterval: end, values } = read;
        let start = read.fromInterval;
        let gapstart: number | null = null;
        for (const v of values) {
          // Python truthiness: None and 0.0 are "missing"; a gap starting at epoch 0 is no gap.
          const missing = v === null || v === 0;
          if (missing && !gapstart) {
            gapstart = start;
          } else if (!missing && gapstart) {
            if (start - gapstart > archive.secondsPerPoint) fillRange(src, dst, gapstart - step, start, now);
            gapstart = null;
          } else if (gapstart && start === end - step) {
            fillRange(src, dst, gapstart - step, start, now);
          }
          start += step;
        }
        startFrom = fromTime;
      }
    } finally {
      dst.close();
    }
  } finally {
    src.close();
  }
}
