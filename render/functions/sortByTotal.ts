// sortByTotal(seriesList): the series by the sum of their values, largest first (graphite-web
// functions.py sortByTotal = sortBy(seriesList, 'sum', reverse=True)).
import { safeSum } from './aggfuncs.js';
import { aggKeyFunc, sortSeries } from './common/special-sort.js';
import type { FunctionDef } from './types.js';
import type { Series } from '../series.js';

export const sortByTotal: FunctionDef = {
  name: 'sortByTotal',
  group: 'Sorting',
  description: 'Orders the series by the sum of their values over the time range, largest first.',
  params: [{ name: 'seriesList', type: 'seriesList', required: true }],
  fn(_call, [seriesList]) {
    return sortSeries(seriesList as Series[], aggKeyFunc(safeSum), true);
  },
};
