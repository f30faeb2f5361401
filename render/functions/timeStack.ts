// timeStack(seriesList, timeShiftUnit, timeShiftStart, timeShiftEnd): the argument re-fetched once per shift
// and stacked over the original window (graphite-web functions.py timeStack).
import type { Series } from '../series.js';
import { intervalSeconds } from './common/transform-buckets.js';
import { SERIES_LIST, rewrite } from './common/transform-series.js';
import { signedShift } from './timeShift.js';
import type { FunctionDef } from './types.js';

/**
 * `timeShift(x, -1d, 3)` per shift n in [start, end): fetched n units earlier, drawn over the first original
 * series' start and end; tags timeShiftUnit and timeShift=n.
 */
export const timeStack: FunctionDef = {
  name: 'timeStack',
  group: 'Transform',
  description:
    'The series shifted back by 0, 1, 2… units (from timeShiftStart up to timeShiftEnd), drawn over the same range.',
  params: [
    SERIES_LIST,
    {
      name: 'timeShiftUnit',
      type: 'interval',
      default: '1d',
      suggestions: ['1h', '6h', '12h', '1d', '2d', '7d', '14d', '30d'],
    },
    { name: 'timeShiftStart', type: 'integer', default: 0 },
    { name: 'timeShiftEnd', type: 'integer', default: 7 },
  ],
  fn: async (call, [seriesList, unitText, shiftStart, shiftEnd]) => {
    const unit = signedShift(call.name, 'timeShiftUnit', unitText as string);
    const delta = intervalSeconds(call.name, 'timeShiftUnit', unit);
    const first = (seriesList as Series[])[0];
    if (first === undefined) return [];
    const results: Series[] = [];
    for (let n = shiftStart as number; n < (shiftEnd as number); n++) {
      const shifted = await call.evaluateArg(0, {
        startTime: call.ctx.startTime + delta * n,
        endTime: call.ctx.endTime + delta * n,
      });
      for (const s of shifted) {
        const out = rewrite(s, `timeShift(${s.name}, ${unit}, ${n})`, s.values, {
          timeShiftUnit: unit,
          timeShift: String(n),
        });
        out.start = first.start;
        out.end = first.end;
        results.push(out);
      }
    }
    return results;
  },
};
