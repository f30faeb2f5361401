// minSeries: graphite-web functions.py minSeries — aggregate() with min.
import { seriesAggregator } from './common/combine-defs.js';
import type { FunctionDef } from './types.js';

/** `minSeries(<paths>)`. */
export const minSeries: FunctionDef = seriesAggregator(
  'minSeries',
  'min',
  'The smallest value of the series at each point.',
);
