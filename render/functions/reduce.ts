// reduce: graphite-web's short alias of reduceSeries (same function object there, so the same metadata).
import { reduceSeries } from './reduceSeries.js';
import type { FunctionDef } from './types.js';

/** Alias of reduceSeries. */
export const reduce: FunctionDef = { ...reduceSeries, name: 'reduce' };
