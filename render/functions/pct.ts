// pct: graphite-web's short alias of asPercent (same function object there, so the same metadata).
import { asPercent } from './asPercent.js';
import type { FunctionDef } from './types.js';

/** Alias of asPercent. */
export const pct: FunctionDef = { ...asPercent, name: 'pct' };
