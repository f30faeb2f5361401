// percentileOfSeries: graphite-web functions.py percentileOfSeries + _getPercentile (NIST method).
import { badArgument } from '../errors.js';
import { pyFormatG } from '../python-format.js';
import { Series } from '../series.js';
import { getPercentile } from './common/calc-percentile.js';
import { normalize, zipRows } from './common/normalize.js';
import type { FunctionDef } from './types.js';

/** `percentileOfSeries(<first path>,<n %g>)`. */
export const percentileOfSeries: FunctionDef = {
  name: 'percentileOfSeries',
  group: 'Combine',
  description:
    'The n-th percentile of the series values at each point; a value one of the series has unless ' +
    'interpolate is true.',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'n', type: 'float', required: true },
    { name: 'interpolate', type: 'boolean', default: false },
  ],
  fn: (call, [seriesList, n, interpolate]) => {
    const list = seriesList as Series[];
    const percent = n as number;
    if (percent <= 0)
      throw badArgument(call.name, 'n', 'The requested percent is required to be greater than 0', percent);
    if (list.length === 0) return [];
    const name = `percentileOfSeries(${(list[0] as Series).pathExpression},${pyFormatG(percent)})`;
    const { start, end, step } = normalize([list]) as { start: number; end: number; step: number };
    const values = zipRows(list).map((row) =>
      getPercentile(row, percent, interpolate as boolean, 'percentileOfSeries'),
    );
    return [new Series({ name, start, end, step, values, xFilesFactor: call.ctx.xFilesFactor })];
  },
};
