// The moving-window family (graphite-web functions.py movingWindow and its movingAverage/…/movingMax
// wrappers): re-fetch the argument over a window widened by the window size, then aggregate the points
// preceding each output point.
import { badArgument } from '../../errors.js';
import { pyRepr } from '../../python-format.js';
import { Series, type Value } from '../../series.js';
import { parseTimeOffset } from '../../time/attime.js';
import type { ArgValue, Call, FunctionDef, ParamDef } from '../types.js';
import { safeAvg, safeSum } from '../aggfuncs.js';
import { requireAggFunc } from './calc-aggfunc.js';
import { pySlice } from './filter-sort.js';

/** graphite-web's intOrIntervalSuggestions. */
export const WINDOW_SUGGESTIONS: readonly (string | number)[] = [
  5,
  7,
  10,
  '1min',
  '5min',
  '10min',
  '30min',
  '1hour',
];

/** The windowSize param shared by the moving* functions and exponentialMovingAverage. */
export const WINDOW_SIZE_PARAM: ParamDef = {
  name: 'windowSize',
  type: 'intOrInterval',
  required: true,
  suggestions: WINDOW_SUGGESTIONS,
};

/** Whole seconds of an interval string, as graphite-web's `delta.seconds + delta.days * 86400`. */
export function intervalSeconds(interval: string): number {
  return Math.floor(parseTimeOffset(interval));
}

/** How far back a window reaches: |interval| for strings, points × the largest step for integers. */
export function previewSecondsOf(windowSize: number | string, seriesList: readonly Series[]): number {
  if (typeof windowSize === 'string') return Math.abs(intervalSeconds(windowSize));
  return Math.max(...seriesList.map((s) => s.step)) * Math.trunc(windowSize);
}

/** Re-evaluates argument 0 with the start moved `previewSeconds` earlier (graphite-web's preview list). */
export function fetchPreview(call: Call, previewSeconds: number): Promise<Series[]> {
  return call.evaluateArg(0, { startTime: call.ctx.startTime - previewSeconds });
}

/** The windowSize as bound: an int or an interval string. */
export function windowSizeArg(func: string, value: ArgValue): number | string {
  if (typeof value === 'number' || typeof value === 'string') return value;
  throw badArgument(func, 'windowSize', 'an integer or an interval string is expected');
}

/**
 * Python's str() of a numeric argument as graphite-web received it: a float literal such as `5.0` keeps
 * its point ("5.0"), which the bound JS number has lost; ints and strings print as they are.
 */
export function argText(call: Call, index: number, param: string, value: number | string): string {
  if (typeof value === 'string') return value;
  const node = call.node.args[index] ?? call.node.kwargs.find((k) => k.name === param)?.value;
  return node?.type === 'number' && !node.integer ? pyRepr(value) : String(value);
}

/** Python's str.capitalize(): first character upper-cased, the rest lower-cased. */
function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
}

/**
 * graphite-web's movingWindow: for each point, `func` over the `windowSize` points before it (its own
 * excluded), null unless the non-null share of the window reaches xFilesFactor (the series' own when null).
 */
export async function movingWindow(
  call: Call,
  seriesList: readonly Series[],
  windowSize: number | string,
  func: string,
  xFilesFactor: number | null,
): Promise<Series[]> {
  if (seriesList.length === 0) return [];
  const aggFunc = requireAggFunc(call.name, 'func', func);
  const inline = aggFunc === safeAvg || aggFunc === safeSum;
  const previewSeconds = previewSecondsOf(windowSize, seriesList);
  const previewList = await fetchPreview(call, previewSeconds);
  const tagName = `moving${capitalize(func)}`;
  const text = argText(call, 1, 'windowSize', windowSize);
  return previewList.map((series) => {
    const isInterval = typeof windowSize === 'string';
    const name = isInterval ? `${tagName}(${series.name},"${text}")` : `${tagName}(${series.name},${text})`;
    const windowPoints = isInterval ? Math.floor(previewSeconds / series.step) : Math.trunc(windowSize);
    const xff = xFilesFactor ?? series.xFilesFactor;
    const raw = series.values;
    const values: Value[] = [];
    const buffer: number[] = [];
    for (let i = windowPoints; i < raw.length; i++) {
      let nonNull: number[];
      if (windowPoints > 0 && inline) {
        // average and sum (movingAverage, movingSum): summed in window order as safeAvg/safeSum would
        let total = 0;
        let n = 0;
        for (let j = i - windowPoints; j < i; j++) {
          const v = raw[j];
          if (v !== null && v !== undefined) {
            total += v;
            n++;
          }
        }
        const ok = n > 0 && n / windowPoints >= xff;
        values.push(ok ? (aggFunc === safeSum ? total : total / n) : null);
        continue;
      }
      if (windowPoints > 0) {
        // the usual case, without two arrays per point: the window is raw[i - windowPoints, i)
        buffer.length = 0;
        for (let j = i - windowPoints; j < i; j++) {
          const v = raw[j];
          if (v !== null && v !== undefined) buffer.push(v);
        }
        nonNull = buffer;
      } else nonNull = pySlice(raw, i - windowPoints, i).filter((v): v is number => v !== null);
      // graphite-web's xff(): a non-empty window whose non-null share reaches the factor
      const ok = nonNull.length > 0 && windowPoints !== 0 && nonNull.length / windowPoints >= xff;
      values.push(ok ? aggFunc(nonNull) : null);
    }
    return new Series({
      name,
      start: series.start + previewSeconds,
      end: series.end,
      step: series.step,
      values,
      pathExpression: series.pathExpression,
      tags: { ...series.tags, [tagName]: text },
      consolidationFunc: series.consolidationFunc,
      xFilesFactor: series.xFilesFactor,
    });
  });
}

/**
 * movingAverage, movingMedian, movingSum, movingMin and movingMax: movingWindow with a fixed func and
 * graphite-web's (seriesList, windowSize, xFilesFactor) params.
 */
export function movingFunction(name: string, func: string, description: string): FunctionDef {
  return {
    name,
    group: 'Calculate',
    description,
    params: [
      { name: 'seriesList', type: 'seriesList', required: true },
      WINDOW_SIZE_PARAM,
      { name: 'xFilesFactor', type: 'float' },
    ],
    fn: (call, [seriesList, windowSize, xFilesFactor]) =>
      movingWindow(
        call,
        seriesList as Series[],
        windowSizeArg(call.name, windowSize ?? null),
        func,
        (xFilesFactor ?? null) as number | null,
      ),
  };
}
