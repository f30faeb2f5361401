// maxDataPoints consolidation for format=json, as graphite-web's renderViewJson does it (graphite.md §2.3):
// one time range over all series, the start "nudged" onto a band boundary, values dropped from the front,
// then buckets of valuesPerPoint values folded with the series' consolidationFunc (Series.points()).
import { RenderError } from './errors.js';
import { Series } from './series.js';

/** Python's `%` (the result takes the divisor's sign). */
function pyMod(a: number, b: number): number {
  return a - b * Math.floor(a / b);
}

/**
 * The series graphite-web's json view would print for `maxDataPoints`: each series whose step gives more
 * points than asked over the whole answer's time range is consolidated into ceil(points / maxDataPoints)
 * buckets with its start nudged (so bands do not jitter between refreshes) and nudge/step − 1 values
 * dropped from the front (sic, graphite-web drops one fewer than it skips); maxDataPoints=1 folds each
 * series into one point without nudging. Returns new series; the inputs are left as they were.
 */
export function consolidateForJson(series: readonly Series[], maxDataPoints: number): Series[] {
  if (!Number.isInteger(maxDataPoints) || maxDataPoints < 1) {
    throw new RenderError('RENDER_ERR_BAD_PARAMETER', `maxDataPoints must be a positive integer`, {
      context: { param: 'maxDataPoints', value: maxDataPoints },
    });
  }
  if (series.length === 0) return [];
  let startTime = Infinity;
  let endTime = -Infinity;
  for (const s of series) {
    startTime = Math.min(startTime, s.start);
    endTime = Math.max(endTime, s.end);
  }
  const timeRange = endTime - startTime;
  return series.map((s) => {
    if (maxDataPoints === 1) return rebuilt(s, s.start, s.values, s.values.length);
    const points = timeRange / s.step;
    if (!(maxDataPoints < points)) return rebuilt(s, s.start, s.values, s.valuesPerPoint);
    const valuesPerPoint = Math.ceil(points / maxDataPoints);
    const secondsPerPoint = Math.trunc(valuesPerPoint * s.step);
    const nudge = secondsPerPoint + pyMod(s.start, s.step) - pyMod(s.start, secondsPerPoint);
    const lose = Math.max(0, Math.trunc(nudge / s.step) - 1);
    return rebuilt(s, s.start + nudge, s.values.slice(lose), valuesPerPoint);
  });
}

function rebuilt(s: Series, start: number, values: Series['values'], valuesPerPoint: number): Series {
  const out = new Series({
    name: s.name,
    start,
    end: s.end,
    step: s.step,
    values,
    pathExpression: s.pathExpression,
    tags: s.tags,
    consolidationFunc: s.consolidationFunc,
    xFilesFactor: s.xFilesFactor,
  });
  out.consolidate(valuesPerPoint);
  out.options = s.options;
  return out;
}
