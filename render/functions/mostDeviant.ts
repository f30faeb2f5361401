// mostDeviant: the n series with the largest variance of their non-null points (graphite-web functions.py
// mostDeviant; all-null series are skipped, ties keep their input order).
import type { Series } from '../series.js';
import { safeAvg, safeLen } from './aggfuncs.js';
import { pySlice, pySorted } from './common/filter-sort.js';
import type { FunctionDef } from './types.js';

export const mostDeviant: FunctionDef = {
  name: 'mostDeviant',
  group: 'Filter Series',
  description:
    'Keeps the n series whose non-null points deviate most from their own mean (largest variance first).',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'n', type: 'integer', required: true },
  ],
  fn: (_call, [seriesList, n]) => {
    const deviants: { sigma: number; series: Series }[] = [];
    for (const series of seriesList as Series[]) {
      const points = series.points();
      const mean = safeAvg(points);
      if (mean === null) continue;
      let squareSum = 0;
      for (const v of points) if (v !== null) squareSum += (v - mean) ** 2;
      // safeDiv: a zero count cannot happen once the mean exists
      deviants.push({ sigma: squareSum / safeLen(points), series });
    }
    const sorted = pySorted(deviants, (d) => d.sigma, true);
    return pySlice(sorted, 0, n as number).map((d) => d.series);
  },
};
