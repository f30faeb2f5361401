// sum: graphite-web's short alias of sumSeries (same function object there, so the same metadata).
import { sumSeries } from './sumSeries.js';
import type { FunctionDef } from './types.js';

/** Alias of sumSeries. */
export const sum: FunctionDef = { ...sumSeries, name: 'sum' };
