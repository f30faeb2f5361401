// stddevSeries: graphite-web functions.py stddevSeries — aggregate() with stddev.
import { seriesAggregator } from './common/combine-defs.js';
import type { FunctionDef } from './types.js';

/** `stddevSeries(<paths>)`. */
export const stddevSeries: FunctionDef = seriesAggregator(
  'stddevSeries',
  'stddev',
  'The population standard deviation of the series at each point.',
);
