// percentileOfSeries: graphite-web functions.py percentileOfSeries + _getPercentile (NIST method).
import { badArgument } from '../errors.js';
import { pyFormatG } from '../python-format.js';
import { Series, type Value } from '../series.js';
import { normalize, zipRows } from './common/normalize.js';
import type { FunctionDef } from './types.js';

/**
 * The n-th percentile of the non-null values as graphite-web's _getPercentile: rank (n/100)(len+1),
 * rounded up unless `interpolate`, which blends with the next value by the rank's fraction.
 */
export function percentileOf(points: readonly Value[], n: number, interpolate: boolean): Value {
  const sorted = points.filter((p): p is number => p !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const fractionalRank = (n / 100) * (sorted.length + 1);
  let rank = Math.trunc(fractionalRank);
  const rankFraction = fractionalRank - rank;
  if (!interpolate) rank += Math.ceil(rankFraction);
  let percentile: number;
  if (rank === 0) percentile = sorted[0] as number;
  // graphite-web fails (IndexError) past the end; the largest value is the sensible answer there
  else if (rank - 1 >= sorted.length) percentile = sorted[sorted.length - 1] as number;
  else percentile = sorted[rank - 1] as number;
  if (interpolate && rank < sorted.length) {
    const next = sorted[rank] as number;
    percentile = percentile + rankFraction * (next - percentile);
  }
  return percentile;
}

/** `percentileOfSeries(<first path>,<n %g>)`. */
export const percentileOfSeries: FunctionDef = {
  name: 'percentileOfSeries',
  group: 'Combine',
  description:
    'The n-th percentile of the series values at each point; a value one of the series has unless ' +
    'interpolate is true.',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'n', type: 'float', required: true },
    { name: 'interpolate', type: 'boolean', default: false },
  ],
  fn: (call, [seriesList, n, interpolate]) => {
    const list = seriesList as Series[];
    const percent = n as number;
    if (percent <= 0)
      throw badArgument(call.name, 'n', 'The requested percent is required to be greater than 0', percent);
    if (list.length === 0) return [];
    const name = `percentileOfSeries(${(list[0] as Series).pathExpression},${pyFormatG(percent)})`;
    const { start, end, step } = normalize([list]) as { start: number; end: number; step: number };
    const values = zipRows(list).map((row) => percentileOf(row, percent, interpolate as boolean));
    return [new Series({ name, start, end, step, values, xFilesFactor: call.ctx.xFilesFactor })];
  },
};
