// fallbackSeries(seriesList, fallback): the list, or the fallback when the list is empty (graphite-web
// functions.py fallbackSeries).
import type { FunctionDef } from './types.js';
import type { Series } from '../series.js';

export const fallbackSeries: FunctionDef = {
  name: 'fallbackSeries',
  group: 'Special',
  description: 'Returns seriesList, or fallback when seriesList matched nothing.',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'fallback', type: 'seriesList', required: true },
  ],
  fn(_call, [seriesList, fallback]) {
    const list = seriesList as Series[];
    return list.length > 0 ? list : (fallback as Series[]);
  },
};
