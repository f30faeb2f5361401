// Holt-Winters forecasting as graphite-web computes it (functions.py holtWintersAnalysis and
// holtWintersConfidenceBands): fixed alpha = gamma = 0.1, beta = 0.0035, season = seasonality / step.
import { badArgument } from '../../errors.js';
import { Series, type Value } from '../../series.js';
import type { ArgValue, Call, ParamDef } from '../types.js';
import { fetchPreview, intervalSeconds } from './calc-moving.js';
import { pySlice } from './filter-sort.js';

const ALPHA = 0.1;
const GAMMA = 0.1;
const BETA = 0.0035;

/** The params holtWintersConfidenceBands/Area/Aberration share (holtWintersForecast has no delta). */
export const HW_PARAMS: readonly ParamDef[] = [
  { name: 'seriesList', type: 'seriesList', required: true },
  { name: 'delta', type: 'integer', default: 3 },
  { name: 'bootstrapInterval', type: 'interval', default: '7d', suggestions: ['7d', '30d'] },
  { name: 'seasonality', type: 'interval', default: '1d', suggestions: ['1d', '7d'] },
];

/** Per raw point: the prediction made for it (null after a gap) and the smoothed seasonal deviation. */
export interface HoltWintersAnalysis {
  predictions: Value[];
  deviations: Value[];
}

/** One pass of Holt-Winters over the raw values: the prediction and the seasonal deviation of each point. */
export function holtWintersAnalysis(func: string, series: Series, seasonality: string): HoltWintersAnalysis {
  const seasonLength = Math.floor(intervalSeconds(seasonality) / series.step);
  // graphite-web reads the current season's own slot (IndexError, a 500) when the season is under 2 steps
  if (seasonLength < 2)
    throw badArgument(func, 'seasonality', 'seasonality must span at least two steps', seasonality);
  const intercepts: Value[] = [];
  const slopes: number[] = [];
  const seasonals: number[] = [];
  const predictions: Value[] = [];
  const deviations: number[] = [];
  const lastSeasonal = (i: number): number =>
    i - seasonLength >= 0 ? (seasonals[i - seasonLength] ?? 0) : 0;
  const lastDeviation = (i: number): number =>
    i - seasonLength >= 0 ? (deviations[i - seasonLength] ?? 0) : 0;
  let nextPred: Value = null;
  series.points().forEach((actual, i) => {
    if (actual === null) {
      // a missing value breaks the recurrence: carry on from the next real value
      intercepts.push(null);
      slopes.push(0);
      seasonals.push(0);
      predictions.push(nextPred);
      deviations.push(0);
      nextPred = null;
      return;
    }
    let lastIntercept: number;
    let lastSlope: number;
    let prediction: Value;
    if (i === 0) {
      lastIntercept = actual;
      lastSlope = 0;
      prediction = actual;
    } else {
      lastIntercept = intercepts[intercepts.length - 1] ?? actual;
      lastSlope = slopes[slopes.length - 1] ?? 0;
      prediction = nextPred;
    }
    const seasonal0 = lastSeasonal(i);
    const nextLastSeasonal = lastSeasonal(i + 1);
    const lastSeasonalDev = lastDeviation(i);
    const intercept = ALPHA * (actual - seasonal0) + (1 - ALPHA) * (lastIntercept + lastSlope);
    const slope = BETA * (intercept - lastIntercept) + (1 - BETA) * lastSlope;
    const seasonal = GAMMA * (actual - intercept) + (1 - GAMMA) * seasonal0;
    nextPred = intercept + slope + nextLastSeasonal;
    const deviation = GAMMA * Math.abs(actual - (prediction ?? 0)) + (1 - GAMMA) * lastSeasonalDev;
    intercepts.push(intercept);
    slopes.push(slope);
    seasonals.push(seasonal);
    predictions.push(prediction);
    deviations.push(deviation);
  });
  return { predictions, deviations };
}

/** bootstrapInterval in seconds, signed as graphite-web leaves it. */
export function bootstrapSeconds(interval: ArgValue): number {
  return intervalSeconds(interval as string);
}

/** Argument 0 re-fetched with bootstrapInterval more history, and each series' analysis. */
export async function analysePreview(
  call: Call,
  bootstrapInterval: ArgValue,
  seasonality: ArgValue,
): Promise<{ previewSeconds: number; analysed: { series: Series; analysis: HoltWintersAnalysis }[] }> {
  const previewSeconds = bootstrapSeconds(bootstrapInterval);
  const previewList = await fetchPreview(call, previewSeconds);
  return {
    previewSeconds,
    analysed: previewList.map((series) => ({
      series,
      analysis: holtWintersAnalysis(call.name, series, seasonality as string),
    })),
  };
}

/** Drops the bootstrap part of an analysed series' values (graphite-web's `values[windowPoints:]`). */
export function trimBootstrap(values: readonly Value[], previewSeconds: number, step: number): Value[] {
  return pySlice(values, Math.floor(previewSeconds / step), undefined);
}

/** graphite-web's holtWintersConfidenceBands: per input series, its lower then its upper band. */
export async function confidenceBands(
  call: Call,
  delta: number,
  bootstrapInterval: ArgValue,
  seasonality: ArgValue,
): Promise<Series[]> {
  const { previewSeconds, analysed } = await analysePreview(call, bootstrapInterval, seasonality);
  const results: Series[] = [];
  for (const { series, analysis } of analysed) {
    const forecast = trimBootstrap(analysis.predictions, previewSeconds, series.step);
    const deviation = trimBootstrap(analysis.deviations, previewSeconds, series.step);
    const upper: Value[] = [];
    const lower: Value[] = [];
    forecast.forEach((f, i) => {
      const d = deviation[i] ?? null;
      upper.push(f === null || d === null ? null : f + delta * d);
      lower.push(f === null || d === null ? null : f - delta * d);
    });
    // graphite-web's bands share one tags dict, so each carries every tag the analysis and bands added
    const tags = {
      ...series.tags,
      holtWintersForecast: '1',
      holtWintersDeviation: '1',
      holtWintersConfidenceUpper: '1',
      holtWintersConfidenceLower: '1',
    };
    const band = (kind: 'Lower' | 'Upper', values: Value[]): Series =>
      new Series({
        name: `holtWintersConfidence${kind}(${series.name})`,
        start: series.start + previewSeconds,
        end: series.end,
        step: series.step,
        values,
        pathExpression: series.pathExpression,
        tags: { ...tags },
        xFilesFactor: series.xFilesFactor,
      });
    results.push(band('Lower', lower), band('Upper', upper));
  }
  return results;
}
