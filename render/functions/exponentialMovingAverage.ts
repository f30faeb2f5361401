// exponentialMovingAverage: ema = c × value + (1 − c) × previous ema with c = 2 / (window + 1), seeded with
// the plain average of the first window (graphite-web functions.py exponentialMovingAverage).
import { Series, type Value } from '../series.js';
import { safeAvg } from './aggfuncs.js';
import { pyRound } from './common/calc-round.js';
import {
  argText,
  fetchPreview,
  previewSecondsOf,
  windowSizeArg,
  WINDOW_SIZE_PARAM,
} from './common/calc-moving.js';
import { pySlice } from './common/filter-sort.js';
import type { FunctionDef } from './types.js';

export const exponentialMovingAverage: FunctionDef = {
  name: 'exponentialMovingAverage',
  group: 'Calculate',
  description:
    "The exponential moving average over a window of points or an interval such as '5min': each point weighs the current value by 2 / (window + 1), starting from the average of the first window.",
  params: [{ name: 'seriesList', type: 'seriesList', required: true }, WINDOW_SIZE_PARAM],
  fn: async (call, [seriesListArg, windowSizeValue]) => {
    const seriesList = seriesListArg as Series[];
    if (seriesList.length === 0) return [];
    const windowSize = windowSizeArg(call.name, windowSizeValue ?? null);
    const previewSeconds = previewSecondsOf(windowSize, seriesList);
    // graphite-web counts an interval window in seconds, not points, for the constant (sic)
    const constant = 2 / ((typeof windowSize === 'string' ? previewSeconds : Math.trunc(windowSize)) + 1);
    const previewList = await fetchPreview(call, previewSeconds);
    const text = argText(call, 1, 'windowSize', windowSize);
    return previewList.map((series) => {
      const isInterval = typeof windowSize === 'string';
      const windowPoints = isInterval ? Math.floor(previewSeconds / series.step) : Math.trunc(windowSize);
      const raw = series.values;
      let ema = safeAvg(pySlice(raw, 0, windowPoints)) || 0;
      const values: Value[] = [pyRound(ema, 6)];
      for (let i = windowPoints; i < raw.length; i++) {
        const v = raw[i < 0 ? raw.length + i : i] ?? null;
        if (v === null) {
          values.push(null);
          continue;
        }
        ema = constant * v + (1 - constant) * ema;
        values.push(pyRound(ema, 6));
      }
      return new Series({
        name: isInterval
          ? `exponentialMovingAverage(${series.name},"${text}")`
          : `exponentialMovingAverage(${series.name},${text})`,
        start: series.start + previewSeconds,
        end: series.end,
        step: series.step,
        values,
        pathExpression: series.pathExpression,
        tags: { ...series.tags, exponentialMovingAverage: text },
        consolidationFunc: series.consolidationFunc,
        xFilesFactor: series.xFilesFactor,
      });
    });
  },
};
