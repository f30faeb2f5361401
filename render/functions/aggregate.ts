// aggregate: graphite-web functions.py aggregate — combines a series list with any aggFunc.
import type { Series } from '../series.js';
import { aggregateSeries } from './common/combine-aggregate.js';
import type { FunctionDef } from './types.js';

/** `<func>Series(<paths>)`: one series, each row through the aggFunc (xFilesFactor applied). */
export const aggregate: FunctionDef = {
  name: 'aggregate',
  group: 'Combine',
  description:
    'Combines the series point by point with an aggregation function (sum, average, max, median, …); ' +
    'points where too few series have values (xFilesFactor) are null.',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'func', type: 'aggFunc', required: true },
    { name: 'xFilesFactor', type: 'float' },
  ],
  fn: (call, [seriesList, func, xFilesFactor]) =>
    aggregateSeries(call, [seriesList as Series[]], func as string, xFilesFactor as number | null),
};
