// map: graphite-web's short alias of mapSeries (same function object there, so the same metadata).
import { mapSeries } from './mapSeries.js';
import type { FunctionDef } from './types.js';

/** Alias of mapSeries. */
export const map: FunctionDef = { ...mapSeries, name: 'map' };
