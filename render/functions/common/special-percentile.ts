// The nth percentile removeAbovePercentile/removeBelowPercentile cut at: graphite-web's nPercentile over
// one series (_getPercentile, nearest rank, NIST method), including Python's negative indexing quirks.
import type { Series } from '../../series.js';

/**
 * The nth percentile of the series' non-null values as graphite-web's _getPercentile finds it: `null`
 * when there are none, `undefined` when Python's list indexing fails (n out of range); graphite-web
 * leaves the series' values alone in both cases.
 */
export function seriesPercentile(series: Series, n: number): number | null | undefined {
  const sorted = series
    .points()
    .filter((v): v is number => v !== null)
    .sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const fractionalRank = (n / 100) * (sorted.length + 1);
  let rank = Math.trunc(fractionalRank);
  rank += Math.ceil(fractionalRank - rank);
  let value: number | undefined;
  if (rank === 0) value = sorted[0];
  else if (rank - 1 === sorted.length) value = sorted[sorted.length - 1];
  else {
    const i = rank - 1;
    value = sorted[i < 0 ? sorted.length + i : i];
  }
  return value;
}
