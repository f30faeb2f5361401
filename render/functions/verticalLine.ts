// verticalLine(ts, label?, color?): a one-point series at ts drawn as a vertical line; ts must lie in the
// request window (graphite-web functions.py verticalLine).
import { badArgument } from '../errors.js';
import { Series } from '../series.js';
import { parseDateArg } from '../time/attime.js';
import type { FunctionDef } from './types.js';

export const verticalLine: FunctionDef = {
  name: 'verticalLine',
  group: 'Graph',
  description:
    'A vertical line at time ts (relative like "-5min" or absolute like "16:00_20110501"), optionally ' +
    'named label and drawn in color; ts must fall inside the requested range.',
  params: [
    { name: 'ts', type: 'date', required: true },
    { name: 'label', type: 'string' },
    { name: 'color', type: 'string' },
  ],
  fn(call, [tsArg, label, color]) {
    const { ctx } = call;
    // graphite-web reads relative times against the wall clock; the request's `now` is that clock here
    const ts = Math.trunc(parseDateArg(tsArg as string | number, ctx.tz, ctx.now));
    if (ts < Math.trunc(ctx.startTime))
      throw badArgument(call.name, 'ts', `verticalLine(): timestamp ${ts} exists before start of range`);
    if (ts > Math.trunc(ctx.endTime))
      throw badArgument(call.name, 'ts', `verticalLine(): timestamp ${ts} exists after end of range`);
    // graphite-web names it label, or None when there is none (its tags then read name=None)
    const name = typeof label === 'string' ? label : 'None';
    const series = new Series({
      name,
      start: ts,
      end: ts,
      step: 1,
      values: [1, 1],
      tags: { name },
      xFilesFactor: ctx.xFilesFactor,
    });
    series.options.drawAsInfinite = true;
    if (typeof color === 'string' && color !== '') series.options.color = color;
    return [series];
  },
};
