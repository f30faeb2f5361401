// rangeOfSeries: graphite-web functions.py rangeOfSeries — aggregate() with rangeOf.
import { seriesAggregator } from './common/combine-defs.js';
import type { FunctionDef } from './types.js';

/** `rangeOfSeries(<paths>)`. */
export const rangeOfSeries: FunctionDef = seriesAggregator(
  'rangeOfSeries',
  'rangeOf',
  'The spread (maximum minus minimum) of the series at each point.',
);
