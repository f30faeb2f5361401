// sumSeriesLists: graphite-web functions.py sumSeriesLists — aggregateSeriesLists() with sum.
import { pairsAggregator } from './common/combine-defs.js';
import type { FunctionDef } from './types.js';

/** `sumSeries(<a>,<b>)` per pair. */
export const sumSeriesLists: FunctionDef = pairsAggregator(
  'sumSeriesLists',
  'sum',
  'Adds the n-th series of the first list to the n-th series of the second.',
);
