// integralByInterval(seriesList, intervalUnit): a running total that restarts every interval counted from
// `from` (graphite-web functions.py integralByInterval).
import { badArgument } from '../errors.js';
import type { Series, Value } from '../series.js';
import { intervalSeconds } from './common/transform-buckets.js';
import { SERIES_LIST } from './common/transform-series.js';
import type { FunctionDef } from './types.js';

/**
 * `integralByInterval(x,'1d')`: the sum restarts when a point crosses a multiple of the interval after
 * `from`; a null point repeats the running total. Tag integralByInterval=the interval text.
 */
export const integralByInterval: FunctionDef = {
  name: 'integralByInterval',
  group: 'Transform',
  description:
    'The running sum of the values, reset to 0 at every interval boundary counted from the start time.',
  params: [SERIES_LIST, { name: 'intervalUnit', type: 'string', required: true }],
  fn: (call, [seriesList, intervalUnit]) => {
    const text = intervalUnit as string;
    const duration = Math.trunc(Math.abs(intervalSeconds(call.name, 'intervalUnit', text)));
    if (duration === 0)
      throw badArgument(call.name, 'intervalUnit', `the interval must not be 0: ${text}`, text);
    const startTime = Math.trunc(call.ctx.startTime);
    return (seriesList as Series[]).map((s) => {
      const values: Value[] = [];
      let t = s.start;
      let current = 0;
      for (const v of s.points()) {
        if (Math.floor((t - startTime) / duration) !== Math.floor((t - startTime - s.step) / duration))
          current = 0;
        if (v !== null) current += v;
        values.push(current);
        t += s.step;
      }
      const name = `integralByInterval(${s.name},'${text}')`;
      return s.copy({ name, values, pathExpression: name, tags: { ...s.tags, integralByInterval: text } });
    });
  },
};
