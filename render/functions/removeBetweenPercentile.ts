// removeBetweenPercentile: drops the series every one of whose points lies strictly inside the [100-n, n]
// percentile band of its timestamp across all series (graphite-web functions.py removeBetweenPercentile).
import type { Series, Value } from '../series.js';
import { getPercentile } from './common/calc-percentile.js';
import type { FunctionDef } from './types.js';

export const removeBetweenPercentile: FunctionDef = {
  name: 'removeBetweenPercentile',
  group: 'Filter Series',
  description:
    'Keeps the series with at least one point outside the band between the (100-n)th and nth percentiles of all the series at that time.',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'n', type: 'float', required: true },
  ],
  fn: (call, [seriesListArg, nArg]) => {
    const seriesList = seriesListArg as Series[];
    if (seriesList.length === 0) return [];
    const n = (nArg as number) < 50 ? 100 - (nArg as number) : (nArg as number);
    const rows = seriesList.map((s) => s.points());
    // zip(*seriesList): columns up to the shortest series
    const width = Math.min(...rows.map((r) => r.length));
    const low: Value[] = [];
    const high: Value[] = [];
    for (let i = 0; i < width; i++) {
      const column = rows.map((r) => r[i] ?? null);
      low.push(getPercentile(column, 100 - n, false, call.name));
      high.push(getPercentile(column, n, false, call.name));
    }
    // graphite-web raises (500) on a null point or a ragged list; a null point counts as outside here
    return seriesList.filter((_s, k) => {
      const row = rows[k] as Value[];
      for (let i = 0; i < width; i++) {
        const v = row[i] ?? null;
        const lo = low[i] ?? null;
        const hi = high[i] ?? null;
        if (!(v !== null && lo !== null && hi !== null && lo < v && v < hi)) return true;
      }
      return false;
    });
  },
};
