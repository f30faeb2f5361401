// averageSeriesWithWildcards: graphite-web functions.py averageSeriesWithWildcards — aggregateWithWildcards() with average.
import { wildcardsAggregator } from './common/combine-defs.js';
import type { FunctionDef } from './types.js';

/** One average per name with the given nodes removed. */
export const averageSeriesWithWildcards: FunctionDef = wildcardsAggregator(
  'averageSeriesWithWildcards',
  'average',
  'Averages the series that are equal once the given nodes are ignored.',
);
