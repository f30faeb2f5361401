// sortByMinima(seriesList): the series whose maximum is above 0, by their minimum, smallest first
// (graphite-web functions.py sortByMinima drops the others).
import { safeMax, safeMin } from './aggfuncs.js';
import { aggKeyFunc, sortSeries } from './common/special-sort.js';
import type { FunctionDef } from './types.js';
import type { Series } from '../series.js';

export const sortByMinima: FunctionDef = {
  name: 'sortByMinima',
  group: 'Sorting',
  description:
    'Orders the series by their minimum value, smallest first, keeping only series whose maximum is above 0.',
  params: [{ name: 'seriesList', type: 'seriesList', required: true }],
  fn(_call, [seriesList]) {
    const positive = (seriesList as Series[]).filter((s) => (safeMax(s.points()) ?? 0) > 0);
    return sortSeries(positive, aggKeyFunc(safeMin));
  },
};
