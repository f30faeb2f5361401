// filterSeries: keeps the series whose aggregate compares to a threshold (graphite-web functions.py
// filterSeries with its operatorFuncs).
import type { Series } from '../series.js';
import { filterByAggregate, OPERATORS } from './common/filter-threshold.js';
import type { FunctionDef } from './types.js';

export const filterSeries: FunctionDef = {
  name: 'filterSeries',
  group: 'Filter Series',
  description:
    "Keeps the series whose func aggregate compares to threshold with operator (=, !=, >, >=, <, <=); a series with no aggregate passes only '!=', '<' and '<='.",
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'func', type: 'aggFunc', required: true },
    { name: 'operator', type: 'string', required: true, options: OPERATORS },
    { name: 'threshold', type: 'float', required: true },
  ],
  fn: (call, [seriesList, func, operator, threshold]) =>
    filterByAggregate(
      call.name,
      seriesList as Series[],
      func as string,
      operator as string,
      threshold as number,
    ),
};
