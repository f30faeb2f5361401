// sumSeriesWithWildcards: graphite-web functions.py sumSeriesWithWildcards — aggregateWithWildcards() with sum.
import { wildcardsAggregator } from './common/combine-defs.js';
import type { FunctionDef } from './types.js';

/** One sum per name with the given nodes removed. */
export const sumSeriesWithWildcards: FunctionDef = wildcardsAggregator(
  'sumSeriesWithWildcards',
  'sum',
  'Sums the series that are equal once the given nodes are ignored.',
);
