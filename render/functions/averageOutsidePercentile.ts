// averageOutsidePercentile: keeps the series whose average lies outside the [100-n, n] percentile band of
// all the averages (graphite-web functions.py averageOutsidePercentile).
import type { Series } from '../series.js';
import { safeAvg } from './aggfuncs.js';
import { getPercentile } from './common/calc-percentile.js';
import type { FunctionDef } from './types.js';

export const averageOutsidePercentile: FunctionDef = {
  name: 'averageOutsidePercentile',
  group: 'Filter Series',
  description:
    "Keeps the series whose average is outside the band between the (100-n)th and nth percentiles of all the series' averages.",
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'n', type: 'float', required: true },
  ],
  fn: (call, [seriesListArg, nArg]) => {
    const seriesList = seriesListArg as Series[];
    const averages = seriesList.map((s) => safeAvg(s.points()));
    const n = (nArg as number) < 50 ? 100 - (nArg as number) : (nArg as number);
    const low = getPercentile(averages, 100 - n, false, call.name);
    const high = getPercentile(averages, n, false, call.name);
    // graphite-web raises a TypeError (500) when an average or a bound is None; such a series is kept here
    return seriesList.filter((_s, i) => {
      const avg = averages[i] ?? null;
      return !(low !== null && avg !== null && high !== null && low < avg && avg < high);
    });
  },
};
