// diffSeries: graphite-web functions.py diffSeries — aggregate() with diff.
import { seriesAggregator } from './common/combine-defs.js';
import type { FunctionDef } from './types.js';

/** `diffSeries(<paths>)`. */
export const diffSeries: FunctionDef = seriesAggregator(
  'diffSeries',
  'diff',
  'Subtracts every other series from the first one, point by point.',
);
