// setXFilesFactor(seriesList, xFilesFactor): sets each series' xFilesFactor and tag, and the request's
// default for later functions (graphite-web functions.py setXFilesFactor writes requestContext too).
import { pyRepr } from '../python-format.js';
import { derive } from './common/alias-rename.js';
import type { FunctionDef } from './types.js';
import type { Series } from '../series.js';

export const setXFilesFactor: FunctionDef = {
  name: 'setXFilesFactor',
  group: 'Special',
  description:
    'Sets the fraction (0..1) of points that must be non-null for a consolidated or aggregated point ' +
    'to have a value, for these series and for the rest of the request.',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'xFilesFactor', type: 'float', required: true },
  ],
  fn(call, [seriesList, xff]) {
    const xFilesFactor = xff as number;
    // graphite-web keeps it in the request context: functions evaluated afterwards default to it
    call.ctx.xFilesFactor = xFilesFactor;
    return (seriesList as Series[]).map((s) =>
      derive(s, { xFilesFactor }, { xFilesFactor: pyRepr(xFilesFactor) }),
    );
  },
};
