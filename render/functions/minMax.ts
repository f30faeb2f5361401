// minMax(seriesList): min-max normalization of every value to [0, 1] (graphite-web functions.py minMax).
import type { Series } from '../series.js';
import { safeMax, safeMin } from './aggfuncs.js';
import { SERIES_LIST, rewrite } from './common/transform-series.js';
import type { FunctionDef } from './types.js';

/** `minMax(x)`: (v − min) / (max − min), 0 when the series is flat; no tag (as graphite-web). */
export const minMax: FunctionDef = {
  name: 'minMax',
  group: 'Transform',
  description: 'Rescales every value to (v - min) / (max - min), 0 when all values are equal.',
  params: [SERIES_LIST],
  fn: (_call, [seriesList]) =>
    (seriesList as Series[]).map((s) => {
      const min = safeMin(s.values) ?? 0;
      const range = (safeMax(s.values) ?? 0) - min;
      const values = s.values.map((v) => (v === null ? null : range === 0 ? 0 : (v - min) / range));
      return rewrite(s, `minMax(${s.name})`, values);
    }),
};
