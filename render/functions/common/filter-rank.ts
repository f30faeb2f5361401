// graphite-web's highest/lowest (functions.py): sort by an aggregate (missing = -inf) with Python's stable
// sort — highest reverses, which keeps ties in input order — and keep the first n (a Python slice).
import type { Series } from '../../series.js';
import type { FunctionDef } from '../types.js';
import { requireAggFunc } from './calc-aggfunc.js';
import { pySlice, pySorted, sortKey } from './filter-sort.js';

/** The n series with the highest (or lowest) `func` aggregate. */
export function rankSeries(
  funcName: string,
  seriesList: readonly Series[],
  n: number,
  func: string,
  highest: boolean,
): Series[] {
  const aggFunc = requireAggFunc(funcName, 'func', func);
  const sorted = pySorted(seriesList, (s) => sortKey(aggFunc(s.points())), highest);
  return pySlice(sorted, 0, Math.trunc(n));
}

/** A `name(seriesList, n)` function keeping the n series ranked highest/lowest by `func`. */
export function rankFilter(name: string, func: string, highest: boolean, description: string): FunctionDef {
  return {
    name,
    group: 'Filter Series',
    description,
    params: [
      { name: 'seriesList', type: 'seriesList', required: true },
      { name: 'n', type: 'integer', required: true },
    ],
    fn: (_call, [seriesList, n]) => rankSeries(name, seriesList as Series[], n as number, func, highest),
  };
}
