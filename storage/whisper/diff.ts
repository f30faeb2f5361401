// whisper `diff` (whisper-diff): compares two files with the same archive layout archive by archive, shortest
// retention first, each archive over [now - retention, until] with until moving back to the previous
// archive's start (graphite.md §7.6, §7.8).
import { StorageError } from '../errors.js';
import type { ArchiveInfo } from './format.js';
import { type FileIo, nodeIo } from './io.js';
import { archiveFetch, byRetention, checkSameArchives, openRing } from './merge.js';

export interface DiffOptions {
  /** Only compare points both files have (whisper-diff `--ignore-empty`). */
  ignoreEmpty?: boolean;
  /** End of the compared range, epoch seconds (whisper-diff `--until`; 0 or absent means `now`). */
  until?: number;
  now: number;
}

/** One differing point: its interval and both files' values (null where a file has none). */
export type DiffPoint = [timestamp: number, valueA: number | null, valueB: number | null];

export interface ArchiveDiff {
  /** Position in retention order (whisper numbers archives after sorting them by retention). */
  archive: number;
  points: DiffPoint[];
  /** How many points were compared (present in either file, or in both with ignoreEmpty). */
  total: number;
}

/** whisper `diff(path_from, path_to, ignore_empty, until_time, now)`. */
export function diff(pathA: string, pathB: string, options: DiffOptions, io: FileIo = nodeIo): ArchiveDiff[] {
  const a = openRing(pathA, true, io);
  try {
    const b = openRing(pathB, true, io);
    try {
      checkSameArchives(a, b, 'diffing');
      const now = options.now;
      // whisper tests `if until_time:`, so 0 means now as well.
      let untilTime = options.until !== undefined && options.until !== 0 ? options.until : now;
      const result: ArchiveDiff[] = [];
      byRetention(a.header).forEach((index, number) => {
        const archive = a.header.archives[index] as ArchiveInfo;
        const startTime = now - archive.retention;
        const readA = archiveFetch(a.ring, index, startTime, untilTime);
        const readB = archiveFetch(b.ring, index, startTime, untilTime);
        const { fromInterval: start, untilInterval: end, step } = readA;
        const slots = Math.max(0, Math.floor((end - start) / step));
        if (slots > readA.values.length || slots > readB.values.length) {
          // whisper.py raises IndexError here: the range is longer than the ring (until after now).
          throw new StorageError(
            'STORAGE_ERR_INVALID_TIME_INTERVAL',
            `${pathA}: diff until ${untilTime} is after now ${now} by more than archive ${number} can hold`,
            { context: { path: pathA, until: untilTime, now } },
          );
        }
        const compared: DiffPoint[] = [];
        for (let s = 0; s < slots; s++) {
          const va = readA.values[s] ?? null;
          const vb = readB.values[s] ?? null;
          const keep = options.ignoreEmpty ? va !== null && vb !== null : va !== null || vb !== null;
          if (keep) compared.push([start + s * step, va, vb]);
        }
        // Python's != : None differs from any number, NaN differs from itself.
        const points = compared.filter(([, va, vb]) => va !== vb);
        result.push({ archive: number, points, total: compared.length });
        untilTime = Math.min(startTime, untilTime);
      });
      return result;
    } finally {
      b.close();
    }
  } finally {
    a.close();
  }
}
