// invert(seriesList): 1/v for every value (graphite-web functions.py invert, math.pow(v, -1)).
import type { Series } from '../series.js';
import { safePow } from './common/transform-math.js';
import { SERIES_LIST, mapValues } from './common/transform-series.js';
import type { FunctionDef } from './types.js';

/** `invert(x)`: 1/v, null for 0 (Python's domain error); tag invert=1. */
export const invert: FunctionDef = {
  name: 'invert',
  group: 'Transform',
  description: 'Replaces every value v with 1/v (null where v is 0).',
  params: [SERIES_LIST],
  fn: (_call, [seriesList]) =>
    mapValues(
      seriesList as Series[],
      (n) => `invert(${n})`,
      { invert: '1' },
      (v) => safePow(v, -1),
    ),
};
