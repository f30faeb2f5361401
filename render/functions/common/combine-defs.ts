// Shared cores of graphite-web's aggregate() wrappers (functions.py): sumSeries & co., the *WithWildcards
// family (aggregateWithWildcards) and the *SeriesLists family (aggregateSeriesLists).
import { badArgument } from '../../errors.js';
import type { Series } from '../../series.js';
import type { Call, FunctionDef, ParamDef } from '../types.js';
import { aggregateSeries, groupSeries } from './combine-aggregate.js';

const SERIES_LISTS: readonly ParamDef[] = [
  { name: 'seriesLists', type: 'seriesList', required: true, multiple: true },
];

/** A `<agg>Series(*seriesLists)` function: aggregate() of every list with the aggFunc `func`. */
export function seriesAggregator(name: string, func: string, description: string): FunctionDef {
  return {
    name,
    group: 'Combine',
    description,
    params: SERIES_LISTS,
    aggregator: true,
    fn: (call, [seriesLists]) => aggregateSeries(call, seriesLists as Series[][], func),
  };
}

/**
 * graphite-web's aggregateWithWildcards: series grouped by their name without the nodes at `positions`
 * (non-negative indices only, as graphite-web compares them with enumerate()), each group aggregated and
 * named by its key.
 */
export function aggregateWithWildcardsCore(
  call: Call,
  seriesList: Series[],
  func: string,
  positions: readonly number[],
): Series[] {
  const groups = groupSeries(seriesList, (s) =>
    s.name
      .split('.')
      .filter((_, i) => !positions.includes(i))
      .join('.'),
  );
  const out: Series[] = [];
  for (const [key, group] of groups) {
    const result = aggregateSeries(call, [group], func)[0];
    if (result === undefined) continue;
    result.name = key;
    out.push(result);
  }
  return out;
}

/** A `<agg>SeriesWithWildcards(seriesList, *position)` function. */
export function wildcardsAggregator(name: string, func: string, description: string): FunctionDef {
  return {
    name,
    group: 'Combine',
    description,
    params: [
      { name: 'seriesList', type: 'seriesList', required: true },
      { name: 'position', type: 'node', multiple: true },
    ],
    aggregator: true,
    fn: (call, [seriesList, positions]) =>
      aggregateWithWildcardsCore(call, seriesList as Series[], func, positions as number[]),
  };
}

/**
 * graphite-web's aggregateSeriesLists: the i-th series of each list aggregated together, renamed
 * `<func>Series(<first name>,<second name>)`; lists of different lengths are a bad argument.
 */
export function aggregatePairs(
  call: Call,
  first: Series[],
  second: Series[],
  func: string,
  xFilesFactor: number | null,
): Series[] {
  if (first.length !== second.length)
    throw badArgument(
      call.name,
      'seriesListSecondPos',
      'seriesListFirstPos and seriesListSecondPos argument must have equal length',
    );
  const out: Series[] = [];
  for (let i = 0; i < first.length; i++) {
    const a = first[i] as Series;
    const b = second[i] as Series;
    const result = aggregateSeries(call, [[a, b]], func, xFilesFactor)[0];
    if (result === undefined) continue;
    const cut = result.name.indexOf('Series(');
    result.name = `${result.name.slice(0, cut)}Series(${a.name},${b.name})`;
    out.push(result);
  }
  return out;
}

/** A `<agg>SeriesLists(seriesListFirstPos, seriesListSecondPos)` function. */
export function pairsAggregator(name: string, func: string, description: string): FunctionDef {
  return {
    name,
    group: 'Combine',
    description,
    params: [
      { name: 'seriesListFirstPos', type: 'seriesList', required: true },
      { name: 'seriesListSecondPos', type: 'seriesList', required: true },
    ],
    aggregator: true,
    fn: (call, [first, second]) => aggregatePairs(call, first as Series[], second as Series[], func, null),
  };
}
