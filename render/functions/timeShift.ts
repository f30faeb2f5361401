// timeShift(seriesList, timeShift, resetEnd, alignDst): the argument re-fetched over a shifted window and
// drawn over the original one (graphite-web functions.py timeShift). An unsigned shift means backwards.
import type { Series } from '../series.js';
import { badArgument } from '../errors.js';
import { intervalSeconds } from './common/transform-buckets.js';
import { isDst } from './common/transform-calendar.js';
import { SERIES_LIST, rewrite } from './common/transform-series.js';
import type { Call, FunctionDef } from './types.js';

/** The shift as graphite-web writes it in names and tags: a leading digit gets a minus sign ("1d" → "-1d"). */
export function signedShift(func: string, param: string, text: string): string {
  if (text === '') throw badArgument(func, param, 'the shift is empty', text);
  return /^[0-9]/.test(text) ? `-${text}` : text;
}

/**
 * The hour graphite-web's alignDST adds: +1 h when the request lies wholly in DST and the shifted window
 * wholly outside it, −1 h the other way round, else none.
 */
function dstCorrection(call: Call, start: number, end: number): number {
  const tz = call.ctx.tz;
  const req = [isDst(call.ctx.startTime, tz), isDst(call.ctx.endTime, tz)];
  const mine = [isDst(start, tz), isDst(end, tz)];
  if (req[0] && req[1] && !mine[0] && !mine[1]) return 3600;
  if (!req[0] && !req[1] && mine[0] && mine[1]) return -3600;
  return 0;
}

/**
 * `timeShift(x, "-1d")`: each re-fetched series starts where the first original series starts and ends
 * where it ends (resetEnd) or after its own length; pathExpression is kept; tag timeShift=the signed shift.
 */
export const timeShift: FunctionDef = {
  name: 'timeShift',
  group: 'Transform',
  description:
    'Draws the series as they were a given interval earlier (or later with "+"), over the requested time range.',
  signature: 'timeShift(seriesList, timeShift, resetEnd=True, alignDST=False)',
  params: [
    SERIES_LIST,
    {
      name: 'timeShift',
      type: 'interval',
      required: true,
      suggestions: ['1h', '6h', '12h', '1d', '2d', '7d', '14d', '30d'],
    },
    { name: 'resetEnd', type: 'boolean', default: true },
    { name: 'alignDst', type: 'boolean', default: false },
  ],
  fn: async (call, [seriesList, shiftText, resetEnd, alignDst]) => {
    const shift = signedShift(call.name, 'timeShift', shiftText as string);
    const delta = intervalSeconds(call.name, 'timeShift', shift);
    let startTime = call.ctx.startTime + delta;
    let endTime = call.ctx.endTime + delta;
    if (alignDst === true) {
      const correction = dstCorrection(call, startTime, endTime);
      startTime += correction;
      endTime += correction;
    }
    const first = (seriesList as Series[])[0];
    if (first === undefined) return [];
    const shifted = await call.evaluateArg(0, { startTime, endTime });
    return shifted.map((s) => {
      const name = `timeShift(${s.name}, "${shift}")`;
      const out = rewrite(s, name, s.values, { timeShift: shift }, s.pathExpression);
      out.end = resetEnd === false ? s.end - s.start + first.start : first.end;
      out.start = first.start;
      return out;
    });
  },
};
