// maxSeries: graphite-web functions.py maxSeries — aggregate() with max.
import { seriesAggregator } from './common/combine-defs.js';
import type { FunctionDef } from './types.js';

/** `maxSeries(<paths>)`. */
export const maxSeries: FunctionDef = seriesAggregator(
  'maxSeries',
  'max',
  'The largest value of the series at each point.',
);
