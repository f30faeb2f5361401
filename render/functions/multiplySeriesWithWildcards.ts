// multiplySeriesWithWildcards: graphite-web functions.py multiplySeriesWithWildcards — aggregateWithWildcards() with multiply.
import { wildcardsAggregator } from './common/combine-defs.js';
import type { FunctionDef } from './types.js';

/** One product per name with the given nodes removed. */
export const multiplySeriesWithWildcards: FunctionDef = wildcardsAggregator(
  'multiplySeriesWithWildcards',
  'multiply',
  'Multiplies the series that are equal once the given nodes are ignored.',
);
