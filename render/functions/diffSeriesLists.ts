// diffSeriesLists: graphite-web functions.py diffSeriesLists — aggregateSeriesLists() with diff.
import { pairsAggregator } from './common/combine-defs.js';
import type { FunctionDef } from './types.js';

/** `diffSeries(<a>,<b>)` per pair. */
export const diffSeriesLists: FunctionDef = pairsAggregator(
  'diffSeriesLists',
  'diff',
  'Subtracts the n-th series of the second list from the n-th series of the first.',
);
