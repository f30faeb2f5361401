// Reads: whisper `fetch` — clamp the range to [now - maxRetention, now], pick the archive by the age of
// `from` (or by precision), align to the step, read the ring once or twice (graphite.md §7.6).
import { StorageError } from '../errors.js';
import { type ArchiveInfo, type Header, POINT_SIZE } from './format.js';
import { pyMod, type RingFile } from './ring.js';

export interface FetchResult {
  /** First interval returned: the first step boundary after `from`. */
  fromInterval: number;
  /** End of the range, exclusive: `values[i]` is the point at `fromInterval + i * step`. */
  untilInterval: number;
  step: number;
  /** One entry per step; null where the slot does not hold that interval's point. */
  values: (number | null)[];
}

export interface FetchOptions {
  /** Read the archive with this precision (seconds per point) instead of choosing by age. */
  secondsPerPoint?: number;
}

/** Which archive and intervals a fetch of [from, until] at `now` reads (whisper's clamping and choice). */
export interface FetchWindow {
  archive: number;
  fromInterval: number;
  untilInterval: number;
  step: number;
}

/** whisper `fetch`'s arithmetic without the file: null when the range is wholly in the future or too old. */
export function fetchWindow(
  header: Header,
  from: number,
  until: number,
  now: number,
  options: FetchOptions = {},
  path = '(no file)',
): FetchWindow | null {
  let fromTime = Math.trunc(from);
  let untilTime = Math.trunc(until);
  if (!Number.isFinite(fromTime) || !Number.isFinite(untilTime) || fromTime > untilTime) {
    throw new StorageError(
      'STORAGE_ERR_INVALID_TIME_INTERVAL',
      `${path}: invalid time interval: from ${from} is after until ${until}`,
      { context: { path, from, until } },
    );
  }
  const oldest = now - header.maxRetention;
  if (fromTime > now || untilTime < oldest) return null;
  fromTime = Math.max(fromTime, oldest);
  untilTime = Math.min(untilTime, now);
  let index: number;
  if (options.secondsPerPoint !== undefined) {
    index = header.archives.findIndex((a) => a.secondsPerPoint === options.secondsPerPoint);
    if (index < 0) {
      throw new StorageError(
        'STORAGE_ERR_INVALID_GRANULARITY',
        `${path}: no archive has a precision of ${options.secondsPerPoint} s ` +
          `(archives: ${header.archives.map((a) => `${a.secondsPerPoint}s`).join(', ')})`,
        { context: { path, secondsPerPoint: options.secondsPerPoint } },
      );
    }
  } else {
    const age = now - fromTime;
    index = header.archives.findIndex((a) => a.retention >= age);
    if (index < 0) index = header.archives.length - 1;
  }
  const step = (header.archives[index] as ArchiveInfo).secondsPerPoint;
  const fromInterval = fromTime - pyMod(fromTime, step) + step;
  let untilInterval = untilTime - pyMod(untilTime, step) + step;
  if (fromInterval === untilInterval) untilInterval += step;
  return { archive: index, fromInterval, untilInterval, step };
}

/** whisper `fetch(path, from, until, now)`; null when the range is wholly in the future or before retention. */
export function fetchRange(
  ring: RingFile,
  header: Header,
  from: number,
  until: number,
  now: number,
  options: FetchOptions = {},
): FetchResult | null {
  const window = fetchWindow(header, from, until, now, options, ring.path);
  return window === null ? null : readWindow(ring, window);
}

/** whisper `__archive_fetch`: no retention checks here, a range longer than the ring wraps. */
function readWindow(ring: RingFile, window: FetchWindow): FetchResult {
  const { fromInterval, untilInterval, step } = window;
  const archive = ring.archives[window.archive] as ArchiveInfo;
  const base = ring.base(window.archive);
  if (base === 0) {
    const values = new Array<number | null>((untilInterval - fromInterval) / step).fill(null);
    return { fromInterval, untilInterval, step, values };
  }
  const fromSlot = ring.slotOf(archive, fromInterval, base);
  const untilSlot = ring.slotOf(archive, untilInterval, base);
  const count = fromSlot < untilSlot ? untilSlot - fromSlot : archive.points - fromSlot + untilSlot;
  const view = ring.readSlots(archive, fromSlot, count);
  const values = new Array<number | null>(count);
  let expected = fromInterval;
  for (let i = 0, at = 0; i < count; i++, at += POINT_SIZE, expected += step) {
    values[i] = view.getUint32(at) === expected ? view.getFloat64(at + 4) : null;
  }
  return { fromInterval, untilInterval, step, values };
}
