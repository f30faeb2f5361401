// cumulative(seriesList): consolidateBy(seriesList, 'sum') (graphite-web functions.py cumulative).
import { consolidatedBy } from './consolidateBy.js';
import type { FunctionDef } from './types.js';
import type { Series } from '../series.js';

export const cumulative: FunctionDef = {
  name: 'cumulative',
  group: 'Special',
  description:
    "Consolidates each series by sum when it has more points than asked for: consolidateBy(x, 'sum').",
  params: [{ name: 'seriesList', type: 'seriesList', required: true }],
  fn(_call, [seriesList]) {
    return (seriesList as Series[]).map((s) => consolidatedBy(s, 'sum'));
  },
};
