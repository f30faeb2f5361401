// aliasByMetric(seriesList): names each series by the last node of its (innermost) metric path, i.e.
// substr(seriesList, -1, 0) (graphite-web functions.py aliasByMetric).
import { renamed } from './common/alias-rename.js';
import { substrName } from './substr.js';
import type { FunctionDef } from './types.js';
import type { Series } from '../series.js';

export const aliasByMetric: FunctionDef = {
  name: 'aliasByMetric',
  group: 'Alias',
  description: 'Names each series by the last node of its metric path (substr(seriesList, -1)).',
  params: [{ name: 'seriesList', type: 'seriesList', required: true }],
  fn(_call, [seriesList]) {
    return (seriesList as Series[]).map((s) => renamed(s, substrName(s.name, -1, 0)));
  },
};
