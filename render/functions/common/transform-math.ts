// Python math semantics the arithmetic transforms rely on (graphite-web functions/safe.py safePow/safeExp
// over math.pow/math.exp): domain errors and overflows become null instead of NaN or Infinity.
import type { Value } from '../../series.js';

/** math.pow(a, b), null when either is null or Python raises (domain error, finite overflow). */
export function safePow(a: Value, b: Value): Value {
  if (a === null || b === null) return null;
  // C99 pow special cases JS differs on
  if (a === 1 || b === 0) return 1;
  if (a === -1 && !Number.isFinite(b) && !Number.isNaN(b)) return 1;
  const r = Math.pow(a, b);
  if (Number.isNaN(r) && !Number.isNaN(a) && !Number.isNaN(b)) return null;
  if (!Number.isFinite(r) && !Number.isNaN(r) && Number.isFinite(a) && Number.isFinite(b)) return null;
  return r;
}

/** math.exp(a), null for null. (Python raises OverflowError above ~709.78, a 500 there; here Infinity.) */
export function safeExp(a: Value): Value {
  return a === null ? null : Math.exp(a);
}
