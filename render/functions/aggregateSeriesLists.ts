// aggregateSeriesLists: graphite-web functions.py aggregateSeriesLists — pairwise aggregate() of two lists.
import type { Series } from '../series.js';
import { aggregatePairs } from './common/combine-defs.js';
import type { FunctionDef } from './types.js';

/** `<func>Series(<a>,<b>)` per pair of the two lists. */
export const aggregateSeriesLists: FunctionDef = {
  name: 'aggregateSeriesLists',
  group: 'Combine',
  description:
    'Aggregates the n-th series of the first list with the n-th series of the second (lists of equal length).',
  params: [
    { name: 'seriesListFirstPos', type: 'seriesList', required: true },
    { name: 'seriesListSecondPos', type: 'seriesList', required: true },
    { name: 'func', type: 'aggFunc', required: true },
    { name: 'xFilesFactor', type: 'float' },
  ],
  fn: (call, [first, second, func, xFilesFactor]) =>
    aggregatePairs(
      call,
      first as Series[],
      second as Series[],
      func as string,
      xFilesFactor as number | null,
    ),
};
