// graphite-web's aggfuncs.getAggFunc as legendValue and sortBy call it: the aggFuncs and their aliases only.
// The deprecated `<name>Series` forms pass parameter validation but this lookup refuses them.
import { AGG_FUNCS, type AggFunc } from '../aggfuncs.js';

/** The aggregation function named exactly `name` (no `<name>Series` form), or undefined. */
export function strictAggFunc(name: string): AggFunc | undefined {
  return Object.hasOwn(AGG_FUNCS, name) ? AGG_FUNCS[name] : undefined;
}
