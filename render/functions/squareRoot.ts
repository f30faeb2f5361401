// squareRoot(seriesList): the square root of every value (graphite-web functions.py squareRoot).
import type { Series } from '../series.js';
import { safePow } from './common/transform-math.js';
import { SERIES_LIST, mapValues } from './common/transform-series.js';
import type { FunctionDef } from './types.js';

/** `squareRoot(x)`: null for negative values; tag squareRoot=1. */
export const squareRoot: FunctionDef = {
  name: 'squareRoot',
  group: 'Transform',
  description: 'The square root of every value (null for negative values).',
  params: [SERIES_LIST],
  fn: (_call, [seriesList]) =>
    mapValues(
      seriesList as Series[],
      (n) => `squareRoot(${n})`,
      { squareRoot: '1' },
      (v) => safePow(v, 0.5),
    ),
};
