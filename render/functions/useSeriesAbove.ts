// useSeriesAbove: for each series whose maximum exceeds a value, fetches the series named by a regex
// substitution on its name (graphite-web functions.py useSeriesAbove: evaluates `group(name1,name2,…)`).
import type { Series } from '../series.js';
import { safeMax } from './aggfuncs.js';
import { compileRegex } from './common/regex.js';
import type { FunctionDef } from './types.js';

export const useSeriesAbove: FunctionDef = {
  name: 'useSeriesAbove',
  group: 'Filter Series',
  description:
    "For each series whose maximum is above value, draws instead the series named by replacing search (a regex) with replace in its name, e.g. useSeriesAbove(x.reqs,10,'reqs','time').",
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'value', type: 'float', required: true },
    { name: 'search', type: 'string', required: true },
    { name: 'replace', type: 'string', required: true },
  ],
  fn: async (call, [seriesList, value, search, replace]) => {
    const regex = compileRegex(call, 'search', search as string);
    const names: string[] = [];
    for (const series of seriesList as Series[]) {
      const newName = regex.sub(replace as string, series.name);
      // graphite-web's max() raises (500) on a null point; nulls are skipped here
      const max = safeMax(series.points());
      if (max !== null && max > (value as number)) names.push(newName);
    }
    if (names.length === 0) return [];
    const found = await call.evaluateTarget(`group(${names.join(',')})`);
    return found.filter((s) => s.values.length > 0);
  },
};
