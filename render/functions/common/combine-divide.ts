// Dividing one series by another over their common step, as graphite-web's divideSeries and
// divideSeriesLists (functions.py) do it inline; safeDiv: null for a null operand or a zero divisor.
import { Series } from '../../series.js';
import { safeDiv } from '../aggfuncs.js';
import type { Call } from '../types.js';
import { normalize, zipRows } from './normalize.js';

/** `divideSeries(<dividend>,<divisor>)`: both consolidated to their lcm step, divided point by point. */
export function divideOne(call: Call, dividend: Series, divisor: Series): Series {
  const name = `divideSeries(${dividend.name},${divisor.name})`;
  const { start, end, step } = normalize([[dividend, divisor]]) as {
    start: number;
    end: number;
    step: number;
  };
  const values = zipRows([dividend, divisor]).map(([a, b]) => safeDiv(a ?? null, b ?? null));
  return new Series({ name, start, end, step, values, xFilesFactor: call.ctx.xFilesFactor });
}
