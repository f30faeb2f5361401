// multiplySeriesLists: graphite-web functions.py multiplySeriesLists — aggregateSeriesLists() with multiply.
import { pairsAggregator } from './common/combine-defs.js';
import type { FunctionDef } from './types.js';

/** `multiplySeries(<a>,<b>)` per pair. */
export const multiplySeriesLists: FunctionDef = pairsAggregator(
  'multiplySeriesLists',
  'multiply',
  'Multiplies the n-th series of the first list by the n-th series of the second.',
);
