// holtWintersConfidenceArea: the Holt-Winters confidence bands drawn as a stacked area (graphite-web
// functions.py holtWintersConfidenceArea over areaBetween, so exactly one input series).
import { badArgument } from '../errors.js';
import type { Series } from '../series.js';
import { confidenceBands, HW_PARAMS } from './common/calc-holt-winters.js';
import type { FunctionDef } from './types.js';

export const holtWintersConfidenceArea: FunctionDef = {
  name: 'holtWintersConfidenceArea',
  group: 'Calculate',
  description:
    "The area between a series' Holt-Winters confidence bands, for graphs with areaMode=stacked (one series only).",
  params: HW_PARAMS,
  fn: async (call, [, delta, bootstrapInterval, seasonality]) => {
    const bands = await confidenceBands(
      call,
      (delta ?? 3) as number,
      bootstrapInterval ?? '7d',
      seasonality ?? '1d',
    );
    // areaBetween asserts exactly two series (an AssertionError, 500, in graphite-web)
    if (bands.length === 0) return [];
    if (bands.length !== 2)
      throw badArgument(call.name, 'seriesList', 'the series list must hold exactly one series');
    const [lower, upper] = bands as [Series, Series];
    const name = `areaBetween(${upper.pathExpression})`.replaceAll(
      'areaBetween',
      'holtWintersConfidenceArea',
    );
    const tags = { ...upper.tags, holtWintersConfidenceArea: '1' };
    for (const s of bands) {
      s.name = name;
      s.pathExpression = name;
      s.tags = { ...tags };
      s.options.stacked = true;
    }
    lower.options.invisible = true;
    return bands;
  },
};
