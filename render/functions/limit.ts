// limit: the first n series (graphite-web functions.py limit: a Python slice, so a negative n drops the
// last -n).
import type { Series } from '../series.js';
import { pySlice } from './common/filter-sort.js';
import type { FunctionDef } from './types.js';

export const limit: FunctionDef = {
  name: 'limit',
  group: 'Filter Series',
  description: 'Keeps only the first n series (a negative n drops the last -n).',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'n', type: 'integer', required: true },
  ],
  fn: (_call, [seriesList, n]) => pySlice(seriesList as Series[], 0, n as number),
};
