// The core of graphite-web's aggregate() (functions.py) that sumSeries, averageSeries, groupByNode and the
// rest of the Combine group share, plus grouping by key and groupByNode-style callbacks.
import { badArgument } from '../../errors.js';
import { Series } from '../../series.js';
import { getAggFunc } from '../aggfuncs.js';
import type { Call } from '../types.js';
import { aggregateColumns, effectiveXFilesFactor, formatPathExpressions, normalize } from './normalize.js';

/** `sumSeries` → `sum`: graphite-web strips a trailing "Series" before naming and looking up. */
export function stripSeriesSuffix(func: string): string {
  return func.endsWith('Series') ? func.slice(0, -'Series'.length) : func;
}

/**
 * graphite-web's aggregate(): the lists normalized to one frame, each row through the aggFunc `func`
 * where it passes xFilesFactor (the argument, else the request's), named `<func>Series(<distinct
 * pathExpressions>)`, tagged with the tags all inputs share plus `aggregatedBy`. [] when there are no series.
 */
export function aggregateSeries(
  call: Call,
  seriesLists: Series[][],
  func: string,
  xFilesFactor: number | null = null,
): Series[] {
  const base = stripSeriesSuffix(func);
  const aggFunc = getAggFunc(base);
  if (aggFunc === undefined)
    throw badArgument(call.name, 'func', `unsupported aggregation function: ${func}`, func);
  const normalized = normalize(seriesLists);
  if (normalized === null) return [];
  const { seriesList, start, end, step } = normalized;
  const xff = effectiveXFilesFactor(xFilesFactor, call.ctx);
  const name = `${base}Series(${formatPathExpressions(seriesList)})`;
  const values = aggregateColumns(seriesList, aggFunc, xff);
  return [
    new Series({
      name,
      start,
      end,
      step,
      values,
      tags: sharedTags(seriesList, name, base),
      xFilesFactor: xff,
    }),
  ];
}

/** The tags every series carries with the same value, then `name` (when not shared) and `aggregatedBy`. */
export function sharedTags(
  seriesList: readonly Series[],
  name: string,
  func: string,
): Record<string, string> {
  const first = seriesList[0];
  const tags: Record<string, string> = {};
  if (first !== undefined) {
    for (const [tag, value] of Object.entries(first.tags)) {
      if (seriesList.every((s) => Object.hasOwn(s.tags, tag) && s.tags[tag] === value)) tags[tag] = value;
    }
  }
  if (!Object.hasOwn(tags, 'name')) tags.name = name;
  tags.aggregatedBy = func;
  return tags;
}

/** Series grouped by key, groups in order of their first member (graphite-web's metaSeries + keys). */
export function groupSeries(
  seriesList: readonly Series[],
  keyOf: (s: Series) => string,
): Map<string, Series[]> {
  const groups = new Map<string, Series[]>();
  for (const series of seriesList) {
    const key = keyOf(series);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [series]);
    else group.push(series);
  }
  return groups;
}

/**
 * The callback names that graphite-web finds in SeriesFunctions although they are also aggFunc names
 * (`sum`, `avg` and the `<agg>Series` forms that are real functions): those run the function itself, so
 * `countSeries` counts series, not values, and `multiplySeries` of one series is that series.
 */
const FUNCTION_CALLBACKS = new Set([
  'sum',
  'avg',
  'sumSeries',
  'averageSeries',
  'minSeries',
  'maxSeries',
  'diffSeries',
  'stddevSeries',
  'countSeries',
  'multiplySeries',
  'rangeOfSeries',
]);

/**
 * groupByNodes/groupByTags' callback over one group: a series function (an aggregator, or one of the
 * names above) is called with the group as its only argument, anything else aggregates with that aggFunc.
 * The first result, or undefined when there is none (graphite-web fails with an IndexError there).
 */
export async function applyCallback(
  call: Call,
  callback: string,
  group: Series[],
): Promise<Series | undefined> {
  const result =
    FUNCTION_CALLBACKS.has(callback) || getAggFunc(callback) === undefined
      ? await call.callFunction(callback, [group])
      : aggregateSeries(call, [group], callback);
  return result[0];
}
