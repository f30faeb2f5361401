// holtWintersAberration: how far each point lies above the upper or below the lower Holt-Winters band,
// 0 inside them (graphite-web functions.py holtWintersAberration).
import { badArgument } from '../errors.js';
import { Series, type Value } from '../series.js';
import { confidenceBands, HW_PARAMS } from './common/calc-holt-winters.js';
import type { FunctionDef } from './types.js';

export const holtWintersAberration: FunctionDef = {
  name: 'holtWintersAberration',
  group: 'Calculate',
  description:
    'The distance of each point beyond the Holt-Winters confidence bands (positive above the upper band, negative below the lower one, 0 within).',
  params: HW_PARAMS,
  fn: async (call, [seriesList, delta, bootstrapInterval, seasonality]) => {
    const bands = await confidenceBands(
      call,
      (delta ?? 3) as number,
      bootstrapInterval ?? '7d',
      seasonality ?? '1d',
    );
    const byName = new Map(bands.map((s) => [s.name, s]));
    return (seriesList as Series[]).map((series) => {
      const lower = byName.get(`holtWintersConfidenceLower(${series.name})`);
      const upper = byName.get(`holtWintersConfidenceUpper(${series.name})`);
      // graphite-web raises a KeyError (500) when the re-fetch lost the series
      if (lower === undefined || upper === undefined)
        throw badArgument(call.name, 'seriesList', `no confidence bands for ${series.name}`);
      const aberration: Value[] = series.values.map((actual, i) => {
        if (actual === null) return 0;
        const hi = upper.values[i] ?? null;
        const lo = lower.values[i] ?? null;
        if (hi !== null && actual > hi) return actual - hi;
        if (lo !== null && actual < lo) return actual - lo;
        return 0;
      });
      const name = `holtWintersAberration(${series.name})`;
      return new Series({
        name,
        start: series.start,
        end: series.end,
        step: series.step,
        values: aberration,
        pathExpression: name,
        tags: { ...series.tags, holtWintersAberration: '1' },
        xFilesFactor: series.xFilesFactor,
      });
    });
  },
};
