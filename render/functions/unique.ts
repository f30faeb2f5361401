// unique: the series of every list, each name once, first occurrence kept (graphite-web functions.py
// unique).
import type { Series } from '../series.js';
import type { FunctionDef } from './types.js';

export const unique: FunctionDef = {
  name: 'unique',
  group: 'Filter Series',
  description: 'The series of all the lists, without repeated names (the first series of a name is kept).',
  params: [{ name: 'seriesLists', type: 'seriesList', required: true, multiple: true }],
  fn: (_call, [seriesLists]) => {
    const seen = new Set<string>();
    const out: Series[] = [];
    for (const list of seriesLists as Series[][]) {
      for (const series of list) {
        if (seen.has(series.name)) continue;
        seen.add(series.name);
        out.push(series);
      }
    }
    return out;
  },
};
