// avg: graphite-web's short alias of averageSeries (same function object there, so the same metadata).
import { averageSeries } from './averageSeries.js';
import type { FunctionDef } from './types.js';

/** Alias of averageSeries. */
export const avg: FunctionDef = { ...averageSeries, name: 'avg' };
