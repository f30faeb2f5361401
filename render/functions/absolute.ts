// absolute(seriesList): every value's absolute value (graphite-web functions.py absolute).
import type { Series } from '../series.js';
import { safeAbs } from './aggfuncs.js';
import { SERIES_LIST, mapValues } from './common/transform-series.js';
import type { FunctionDef } from './types.js';

/** `absolute(x)`: |v| for every point, nulls kept; tag absolute=1. */
export const absolute: FunctionDef = {
  name: 'absolute',
  group: 'Transform',
  description: 'Replaces every value with its absolute value.',
  params: [SERIES_LIST],
  fn: (_call, [seriesList]) =>
    mapValues(seriesList as Series[], (n) => `absolute(${n})`, { absolute: '1' }, safeAbs),
};
