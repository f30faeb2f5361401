// graphite-web's _getPercentile (functions.py, after the NIST handbook's rank method): the percentile of
// the non-null points, nearest-rank or interpolated. Shared by nPercentile and the percentile filters.
import { badArgument } from '../../errors.js';
import type { Value } from '../../series.js';

/** Python's `list[i]` with negative indices; undefined where Python raises IndexError. */
function pyAt<T>(items: readonly T[], i: number): T | undefined {
  return items[i < 0 ? items.length + i : i];
}

/**
 * The `n`th percentile of the non-null `points`, or null when there are none. `func` names the caller for
 * the error graphite-web would raise as an IndexError (500) when `n` is far outside 0–100.
 */
export function getPercentile(
  points: readonly Value[],
  n: number,
  interpolate = false,
  func = 'percentile',
): Value {
  const sorted = points.filter((p): p is number => p !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const fractionalRank = (n / 100) * (sorted.length + 1);
  let rank = Math.trunc(fractionalRank);
  const rankFraction = fractionalRank - rank;
  if (!interpolate) rank += Math.ceil(rankFraction);
  let percentile: number | undefined;
  if (rank === 0) percentile = sorted[0];
  else if (rank - 1 === sorted.length) percentile = sorted[sorted.length - 1];
  else percentile = pyAt(sorted, rank - 1);
  if (percentile === undefined || Number.isNaN(rank))
    throw badArgument(func, 'n', `percentile ${n} is out of range`, n);
  if (interpolate && rank !== sorted.length) {
    const next = pyAt(sorted, rank);
    if (next === undefined) throw badArgument(func, 'n', `percentile ${n} is out of range`, n);
    percentile = percentile + rankFraction * (next - percentile);
  }
  return percentile;
}
