// nPercentile: each series becomes a flat line at its nth percentile (graphite-web functions.py
// nPercentile over _getPercentile, nearest rank); all-null series are dropped.
import { badArgument } from '../errors.js';
import { pyFormatG, pyRepr } from '../python-format.js';
import type { Series } from '../series.js';
import { getPercentile } from './common/calc-percentile.js';
import type { FunctionDef } from './types.js';

export const nPercentile: FunctionDef = {
  name: 'nPercentile',
  group: 'Calculate',
  description:
    'Replaces each series with a constant line at its nth percentile (nearest rank over the non-null points).',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'n', type: 'float', required: true },
  ],
  fn: (call, [seriesList, nArg]) => {
    const n = nArg as number;
    // graphite-web asserts n is non-zero (an AssertionError there, a bad argument here)
    if (n === 0 || Number.isNaN(n))
      throw badArgument(call.name, 'n', 'the requested percent is required to be greater than 0', n);
    const results: Series[] = [];
    for (const s of seriesList as Series[]) {
      const points = s.points().filter((v) => v !== null);
      if (points.length === 0) continue;
      const value = getPercentile(points, n, false, call.name);
      if (value === null) continue;
      const count = Math.trunc((s.end - s.start) / s.step);
      results.push(
        s.copy({
          name: `nPercentile(${s.name}, ${pyFormatG(n)})`,
          values: new Array<number>(Math.max(0, count)).fill(value),
          tags: { ...s.tags, nPercentile: pyRepr(n) },
        }),
      );
    }
    return results;
  },
};
