// whisper's archive-list rules (validateArchiveList, graphite.md §7.3), with messages that name the
// archives and the numbers, plus the uint32 limits of the file format.
import { StorageError } from '../errors.js';
import { type ArchiveSpec, UINT32_MAX } from './format.js';

function invalid(message: string, context: Record<string, unknown>): StorageError {
  return new StorageError('STORAGE_ERR_INVALID_ARCHIVE_LIST', message, { context });
}

function describe(a: ArchiveSpec): string {
  return `${a.secondsPerPoint}s×${a.points}`;
}

/**
 * Returns the archives sorted by precision (as whisper sorts them in place) after checking: at least one
 * archive; positive integer precision and point count; no two with the same precision; each precision
 * divides the next; each retention longer than the previous; each archive holds enough points to make one
 * point of the next. Throws STORAGE_ERR_INVALID_ARCHIVE_LIST naming the first broken rule.
 */
export function validateArchiveList(archives: readonly ArchiveSpec[]): ArchiveSpec[] {
  if (archives.length === 0) {
    throw invalid('an archive list needs at least one archive (e.g. 60:1440)', {});
  }
  for (const [i, a] of archives.entries()) {
    for (const field of ['secondsPerPoint', 'points'] as const) {
      const v = a[field];
      if (!Number.isSafeInteger(v) || v < 1 || v > UINT32_MAX) {
        throw invalid(
          `archive ${describe(a)}: ${field} must be a whole number from 1 to ${UINT32_MAX}, got ${v}`,
          {
            archive: i,
            [field]: v,
          },
        );
      }
    }
  }
  const sorted = archives
    .map(({ secondsPerPoint, points }) => ({ secondsPerPoint, points }))
    .sort((a, b) => a.secondsPerPoint - b.secondsPerPoint);
  for (let i = 0; i + 1 < sorted.length; i++) {
    const cur = sorted[i] as ArchiveSpec;
    const next = sorted[i + 1] as ArchiveSpec;
    const j = i + 1;
    if (cur.secondsPerPoint === next.secondsPerPoint) {
      throw invalid(
        `two archives have the same precision (archive${i}: ${describe(cur)}, archive${j}: ${describe(next)})`,
        { archive: j, secondsPerPoint: next.secondsPerPoint },
      );
    }
    if (next.secondsPerPoint % cur.secondsPerPoint !== 0) {
      throw invalid(
        `higher precision archives' precision must evenly divide all lower precision archives' precision ` +
          `(archive${i}: ${cur.secondsPerPoint}s, archive${j}: ${next.secondsPerPoint}s)`,
        { archive: j, secondsPerPoint: next.secondsPerPoint },
      );
    }
    const retention = cur.secondsPerPoint * cur.points;
    const nextRetention = next.secondsPerPoint * next.points;
    if (!(nextRetention > retention)) {
      throw invalid(
        `lower precision archives must cover larger time intervals than higher precision archives ` +
          `(archive${i}: ${retention} seconds, archive${j}: ${nextRetention} seconds)`,
        { archive: j, retention: nextRetention },
      );
    }
    const perConsolidation = next.secondsPerPoint / cur.secondsPerPoint;
    if (cur.points < perConsolidation) {
      throw invalid(
        `archive${j} consolidates ${perConsolidation} of archive${i}'s points but it has only ${cur.points} total points`,
        { archive: j, pointsPerConsolidation: perConsolidation, points: cur.points },
      );
    }
  }
  const last = sorted[sorted.length - 1] as ArchiveSpec;
  const maxRetention = last.secondsPerPoint * last.points;
  if (maxRetention > UINT32_MAX) {
    throw invalid(
      `archive ${describe(last)} retains ${maxRetention} seconds, more than a whisper header holds (${UINT32_MAX})`,
      { retention: maxRetention },
    );
  }
  return sorted;
}
