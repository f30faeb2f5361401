// constantLine(value): three points of `value` at the start, middle and end of the request window,
// named str(value) (graphite-web functions.py constantLine; Grafana's "Save & test" sends constantLine(100)).
import { pyRepr } from '../python-format.js';
import { Series } from '../series.js';
import type { RequestContext } from '../context.js';
import type { FunctionDef } from './types.js';

/** The series constantLine(value) answers for a request (threshold and aggregateLine reuse it). */
export function constantLineSeries(ctx: RequestContext, value: number): Series {
  const start = Math.trunc(ctx.startTime);
  const end = Math.trunc(ctx.endTime);
  const step = Math.trunc((end - start) / 2);
  const name = pyRepr(value);
  return new Series({
    name,
    start,
    end,
    step,
    values: [value, value, value],
    pathExpression: `constantLine(${name})`,
    xFilesFactor: ctx.xFilesFactor,
  });
}

export const constantLine: FunctionDef = {
  name: 'constantLine',
  group: 'Special',
  description:
    'A horizontal line at value across the requested time range (three points: start, middle, end).',
  params: [{ name: 'value', type: 'float', required: true }],
  fn(call, [value]) {
    return [constantLineSeries(call.ctx, value as number)];
  },
};
