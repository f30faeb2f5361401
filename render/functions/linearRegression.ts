// linearRegression: the least-squares line through each series' points in a source window (the request's
// by default), drawn over the request window (graphite-web functions.py linearRegression).
import { badArgument } from '../errors.js';
import { Series } from '../series.js';
import { parseDateArg } from '../time/attime.js';
import type { ArgValue, Call, FunctionDef } from './types.js';

/** graphite-web's _linearRegressionAnalysis: [factor per second, offset at epoch 0], or null if flat in time. */
function regression(source: Series): [number, number] | null {
  let n = 0;
  let sumI = 0;
  let sumV = 0;
  let sumII = 0;
  let sumIV = 0;
  source.points().forEach((v, i) => {
    if (v === null) return;
    n += 1;
    sumI += i;
    sumV += v;
    sumII += i * i;
    sumIV += i * v;
  });
  const denominator = n * sumII - sumI * sumI;
  if (denominator === 0) return null;
  const factor = (n * sumIV - sumI * sumV) / denominator / source.step;
  const offset = (sumII * sumV - sumIV * sumI) / denominator - factor * source.start;
  return [factor, offset];
}

function sourceTime(call: Call, param: string, value: ArgValue, fallback: number): number {
  if (value === null) return fallback;
  if (typeof value !== 'string' && typeof value !== 'number')
    throw badArgument(call.name, param, 'a time such as "-1d" or "00:00 20140101" is expected');
  // graphite-web resolves relative times against the wall clock; the request's `now` is used here
  return parseDateArg(value, call.ctx.tz, call.ctx.now);
}

export const linearRegression: FunctionDef = {
  name: 'linearRegression',
  group: 'Calculate',
  description:
    'The least-squares regression line of each series, fitted on the points between startSourceAt and endSourceAt (the requested range by default).',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'startSourceAt', type: 'date' },
    { name: 'endSourceAt', type: 'date' },
  ],
  fn: async (call, [seriesList, startSourceAt, endSourceAt]) => {
    const startTime = Math.trunc(
      sourceTime(call, 'startSourceAt', startSourceAt ?? null, call.ctx.startTime),
    );
    const endTime = Math.trunc(sourceTime(call, 'endSourceAt', endSourceAt ?? null, call.ctx.endTime));
    const sourceList = await call.evaluateArg(0, { startTime, endTime });
    const results: Series[] = [];
    const list = seriesList as Series[];
    for (let k = 0; k < Math.min(sourceList.length, list.length); k++) {
      const series = list[k] as Series;
      const forecast = regression(sourceList[k] as Series);
      if (forecast === null) continue;
      const [factor, offset] = forecast;
      const name = `linearRegression(${series.name}, ${startTime}, ${endTime})`;
      results.push(
        new Series({
          name,
          start: series.start,
          end: series.end,
          step: series.step,
          values: series.values.map((_v, i) => offset + (series.start + i * series.step) * factor),
          pathExpression: name,
          tags: { ...series.tags, linearRegressions: `${startTime}, ${endTime}` },
          xFilesFactor: series.xFilesFactor,
        }),
      );
    }
    return results;
  },
};
