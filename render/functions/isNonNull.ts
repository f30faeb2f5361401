// isNonNull(seriesList): 1 where there is a value, 0 where there is none (graphite-web functions.py isNonNull).
import type { Series } from '../series.js';
import { SERIES_LIST, mapValues } from './common/transform-series.js';
import type { FunctionDef } from './types.js';

/** `isNonNull(x)`; tag isNonNull=1. */
export const isNonNull: FunctionDef = {
  name: 'isNonNull',
  group: 'Transform',
  description: 'Replaces every value with 1, and every null with 0.',
  params: [SERIES_LIST],
  fn: (_call, [seriesList]) =>
    mapValues(
      seriesList as Series[],
      (n) => `isNonNull(${n})`,
      { isNonNull: '1' },
      (v) => (v === null ? 0 : 1),
    ),
};
