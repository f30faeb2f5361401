// timeSlice(seriesList, startSliceAt, endSliceAt): values outside [start, end] set to null (graphite-web
// functions.py timeSlice), the clock counted from the request's `from` as graphite-web counts it.
import type { Series, Value } from '../series.js';
import { parseDateArg } from '../time/attime.js';
import { SERIES_LIST, rewrite } from './common/transform-series.js';
import type { ArgValue, Call, FunctionDef } from './types.js';

/** A date argument as epoch seconds, read like from/until in the request's zone and `now`. */
function sliceTime(call: Call, value: ArgValue | undefined): number {
  return parseDateArg(typeof value === 'number' ? value : String(value), call.ctx.tz, call.ctx.now);
}

/**
 * `timeSlice(x, 1700000000, 1700003600)`: point i is dated from + i × step (graphite-web's clock, which
 * starts at the request's from rather than the series' start); pathExpression is kept; tags timeSliceStart/End.
 */
export const timeSlice: FunctionDef = {
  name: 'timeSlice',
  group: 'Transform',
  description: 'Keeps only the values between two times (inclusive); the rest become null.',
  params: [
    SERIES_LIST,
    { name: 'startSliceAt', type: 'date', required: true },
    { name: 'endSliceAt', type: 'date', default: 'now' },
  ],
  fn: (call, [seriesList, startSliceAt, endSliceAt]) => {
    const start = sliceTime(call, startSliceAt);
    const end = sliceTime(call, endSliceAt);
    return (seriesList as Series[]).map((s) => {
      let t = call.ctx.startTime;
      const values: Value[] = s.values.map((v) => {
        const kept = v === null || t < start || t > end ? null : v;
        t += s.step;
        return kept;
      });
      const tags = { timeSliceStart: String(start), timeSliceEnd: String(end) };
      return rewrite(s, `timeSlice(${s.name}, ${start}, ${end})`, values, tags, s.pathExpression);
    });
  },
};
