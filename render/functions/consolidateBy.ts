// consolidateBy(seriesList, consolidationFunc): sets how each series is consolidated for maxDataPoints
// (§2.3), renames it consolidateBy(x,"func") and tags it (graphite-web functions.py consolidateBy).
import { derive } from './common/alias-rename.js';
import { CONSOLIDATION_FUNCS, type ConsolidationFunc, type Series } from '../series.js';
import type { FunctionDef } from './types.js';

/** consolidateBy's effect on one series (cumulative shares it). */
export function consolidatedBy(series: Series, func: ConsolidationFunc): Series {
  const name = `consolidateBy(${series.name},"${func}")`;
  return derive(series, { name, pathExpression: name, consolidationFunc: func }, { consolidateBy: func });
}

export const consolidateBy: FunctionDef = {
  name: 'consolidateBy',
  group: 'Special',
  description:
    'Sets the function (sum, average, min, max, first, last, avg_zero) that combines points when a ' +
    'series is drawn or returned with fewer points than it has (maxDataPoints).',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'consolidationFunc', type: 'string', required: true, options: [...CONSOLIDATION_FUNCS] },
  ],
  fn(_call, [seriesList, func]) {
    return (seriesList as Series[]).map((s) => consolidatedBy(s, func as ConsolidationFunc));
  },
};
