// sumSeries: graphite-web functions.py sumSeries — aggregate() with sum.
import { seriesAggregator } from './common/combine-defs.js';
import type { FunctionDef } from './types.js';

/** `sumSeries(<paths>)`. */
export const sumSeries: FunctionDef = seriesAggregator(
  'sumSeries',
  'sum',
  'Adds the series together point by point (nulls skipped).',
);
