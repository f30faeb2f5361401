// exp(seriesList): e raised to every value (graphite-web functions.py exp).
import type { Series } from '../series.js';
import { safeExp } from './common/transform-math.js';
import { SERIES_LIST, mapValues } from './common/transform-series.js';
import type { FunctionDef } from './types.js';

/** `exp(x)`; tag exp=e. */
export const exp: FunctionDef = {
  name: 'exp',
  group: 'Transform',
  description: 'Raises e to the power of every value.',
  params: [SERIES_LIST],
  fn: (_call, [seriesList]) => mapValues(seriesList as Series[], (n) => `exp(${n})`, { exp: 'e' }, safeExp),
};
