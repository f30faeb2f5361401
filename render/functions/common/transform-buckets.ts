// Bucketing and counter arithmetic shared by summarize/smartSummarize (graphite-web _summarizeValues),
// perSecond/nonNegativeDerivative (_nonNegativeDelta) and the interval arguments they take.
import { RenderError, badArgument } from '../../errors.js';
import type { Series, Value } from '../../series.js';
import { parseTimeOffset } from '../../time/attime.js';
import type { AggFunc } from '../aggfuncs.js';

/** Signed seconds of an interval argument ("1h", "-1d"); an unparsable one is the function's bad argument. */
export function intervalSeconds(func: string, param: string, value: string): number {
  try {
    return parseTimeOffset(value);
  } catch (err) {
    if (err instanceof RenderError) throw err;
    throw badArgument(func, param, `invalid interval ${JSON.stringify(value)}`, value);
  }
}

/** A bucket width must be positive (graphite-web divides by it and fails with a 500 otherwise). */
export function bucketSeconds(func: string, param: string, value: string): number {
  const seconds = intervalSeconds(func, param, value);
  if (seconds <= 0) throw badArgument(func, param, `the interval must be positive: ${value}`, value);
  return seconds;
}

/**
 * graphite-web's _summarizeValues: buckets of `interval` seconds from `newStart` while < `newEnd`; a bucket
 * aggregates its points (those from the last one at or before its start) when its non-null points meet
 * the series' xFilesFactor against interval/step. Returns the values and where the last bucket ends.
 */
export function summarizeValues(
  series: Series,
  agg: AggFunc,
  interval: number,
  newStart: number = series.start,
  newEnd: number = series.end,
): { values: Value[]; alignedEnd: number } {
  const data = series.points();
  const pointCount = Math.min(Math.max(0, Math.ceil((series.end - series.start) / series.step)), data.length);
  const intervalPoints = interval / series.step;
  const values: Value[] = [];
  let i = 0;
  let t = newStart;
  for (; t < newEnd; t += interval) {
    let s = i;
    let nonNull = 0;
    for (; i < pointCount; i++) {
      const ts = series.start + i * series.step;
      if (ts >= t + interval) break;
      if (ts <= t) s = i;
      if (ts >= t && data[i] !== null) nonNull++;
    }
    const keep = nonNull > 0 && intervalPoints !== 0 && nonNull / intervalPoints >= series.xFilesFactor;
    values.push(keep ? agg(data.slice(s, i)) : null);
  }
  return { values, alignedEnd: t };
}

/**
 * graphite-web's _nonNegativeDelta: the increase from `prev` to `val`; a counter that went down wrapped at
 * maxValue (then back to minValue or 0) or reset to minValue, else the delta is null. Values above
 * maxValue or below minValue are dropped and forget the previous value.
 */
export function nonNegativeDelta(
  val: Value,
  prev: Value,
  maxValue: number | null,
  minValue: number | null,
): [Value, Value] {
  // graphite-web compares None against the bounds and fails with a 500; a null is simply no reading here
  if (val !== null && maxValue !== null && val > maxValue) return [null, null];
  if (val !== null && minValue !== null && val < minValue) return [null, null];
  if (prev === null || val === null) return [null, val];
  if (val >= prev) return [val - prev, val];
  if (maxValue !== null) return [maxValue + 1 + val - prev - (minValue ?? 0), val];
  if (minValue !== null) return [val - minValue, val];
  return [null, val];
}

/**
 * nonNegativeDerivative and perSecond: each series' non-negative deltas through `scale` (identity or per
 * second), renamed `<name>(<series>)` and tagged `<name>=1`, as graphite-web names both.
 */
export function counterDeltas(
  name: string,
  seriesList: readonly Series[],
  maxValue: number | null,
  minValue: number | null,
  scale: (delta: number, step: number) => number,
): Series[] {
  return seriesList.map((s) => {
    const values: Value[] = [];
    let prev: Value = null;
    for (const v of s.points()) {
      const [delta, next] = nonNegativeDelta(v, prev, maxValue, minValue);
      values.push(delta === null ? null : scale(delta, s.step));
      prev = next;
    }
    const renamed = `${name}(${s.name})`;
    return s.copy({ name: renamed, values, pathExpression: renamed, tags: { ...s.tags, [name]: '1' } });
  });
}
