// offsetToZero(seriesList): every value minus the series' minimum (graphite-web functions.py offsetToZero).
import { pyRepr } from '../python-format.js';
import type { Series } from '../series.js';
import { safeMin } from './aggfuncs.js';
import { SERIES_LIST, rewrite } from './common/transform-series.js';
import type { FunctionDef } from './types.js';

/** `offsetToZero(x)`; tag offsetToZero=the minimum ("None" for an all-null series). */
export const offsetToZero: FunctionDef = {
  name: 'offsetToZero',
  group: 'Transform',
  description: 'Subtracts the smallest value of each series from all its values, so its minimum becomes 0.',
  params: [SERIES_LIST],
  fn: (_call, [seriesList]) =>
    (seriesList as Series[]).map((s) => {
      const min = safeMin(s.values);
      const values = s.values.map((v) => (v === null || min === null ? null : v - min));
      return rewrite(s, `offsetToZero(${s.name})`, values, {
        offsetToZero: min === null ? 'None' : pyRepr(min),
      });
    }),
};
