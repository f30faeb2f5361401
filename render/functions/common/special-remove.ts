// The shared body of removeAboveValue/removeBelowValue/removeAbovePercentile/removeBelowPercentile
// (graphite-web functions.py): rename to func(x, %g), then null out the values past a threshold.
import { pyFormatG, pyRepr } from '../../python-format.js';
import { badArgument } from '../../errors.js';
import { derive } from './alias-rename.js';
import { seriesPercentile } from './special-percentile.js';
import type { Series, Value } from '../../series.js';

/** Whether a value is dropped given the threshold: above keeps nulls, below drops them too. */
export type Keep = 'below' | 'above';

function filtered(series: Series, func: string, n: number, threshold: number, keep: Keep): Series {
  const name = `${func}(${series.name}, ${pyFormatG(n)})`;
  const values = series.values.map((v): Value => {
    if (keep === 'below') return v !== null && v > threshold ? null : v;
    return v === null || v < threshold ? null : v;
  });
  return derive(series, { name, pathExpression: name, values });
}

/** removeAboveValue (keep 'below') and removeBelowValue (keep 'above'). */
export function removeByValue(list: Series[], func: string, n: number, keep: Keep): Series[] {
  return list.map((s) => filtered(s, func, n, n, keep));
}

/** removeAbovePercentile (keep 'below') and removeBelowPercentile (keep 'above'). */
export function removeByPercentile(list: Series[], func: string, n: number, keep: Keep): Series[] {
  // graphite-web's nPercentile asserts n (AssertionError, a 500 there)
  if (n === 0 || Number.isNaN(n))
    throw badArgument(func, 'n', 'The requested percent is required to be greater than 0');
  return list.map((s) => {
    const percentile = seriesPercentile(s, n);
    const name = `${func}(${s.name}, ${pyFormatG(n)})`;
    if (percentile === undefined || percentile === null) return derive(s, { name, pathExpression: name });
    // nPercentile tags the series it copied, and the copy shares the original's tags
    const tagged = derive(s, {}, { nPercentile: pyRepr(n) });
    const zeroWindow = Math.trunc((s.end - s.start) / s.step) <= 0;
    return zeroWindow
      ? derive(tagged, { name, pathExpression: name })
      : filtered(tagged, func, n, percentile, keep);
  });
}
