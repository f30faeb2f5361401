// averageSeries: graphite-web functions.py averageSeries — aggregate() with average.
import { seriesAggregator } from './common/combine-defs.js';
import type { FunctionDef } from './types.js';

/** `averageSeries(<paths>)`. */
export const averageSeries: FunctionDef = seriesAggregator(
  'averageSeries',
  'average',
  'Averages the series point by point, ignoring nulls.',
);
