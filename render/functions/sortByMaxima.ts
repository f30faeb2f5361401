// sortByMaxima(seriesList): the series by their maximum, largest first (graphite-web functions.py
// sortByMaxima).
import { safeMax } from './aggfuncs.js';
import { aggKeyFunc, sortSeries } from './common/special-sort.js';
import type { FunctionDef } from './types.js';
import type { Series } from '../series.js';

export const sortByMaxima: FunctionDef = {
  name: 'sortByMaxima',
  group: 'Sorting',
  description: 'Orders the series by their maximum value over the time range, largest first.',
  params: [{ name: 'seriesList', type: 'seriesList', required: true }],
  fn(_call, [seriesList]) {
    return sortSeries(seriesList as Series[], aggKeyFunc(safeMax), true);
  },
};
