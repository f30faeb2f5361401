// identity: a series whose value at each minute is its own timestamp (graphite-web functions.py
// identity: step 60 from the request start).
import { Series } from '../series.js';
import type { FunctionDef } from './types.js';

export const identity: FunctionDef = {
  name: 'identity',
  group: 'Calculate',
  description: 'A series named name whose value at each minute of the time range is that timestamp.',
  params: [{ name: 'name', type: 'string', required: true }],
  fn: (call, [nameArg]) => {
    const name = nameArg as string;
    const step = 60;
    const start = Math.trunc(call.ctx.startTime);
    const end = Math.trunc(call.ctx.endTime);
    const values: number[] = [];
    for (let t = start; t < end; t += step) values.push(t);
    return [
      new Series({
        name,
        start,
        end,
        step,
        values,
        pathExpression: `identity("${name}")`,
        xFilesFactor: call.ctx.xFilesFactor,
      }),
    ];
  },
};
