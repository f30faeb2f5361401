// logit(seriesList): log(v / (1 - v)) of every value (graphite-web functions.py logit).
import type { Series, Value } from '../series.js';
import { SERIES_LIST, mapValues } from './common/transform-series.js';
import type { FunctionDef } from './types.js';

/** Python's math.log(v / (1 - v)) with its errors (v = 1, a non-positive ratio) as null. */
function logitValue(v: Value): Value {
  if (v === null || v === 1) return null;
  const ratio = v / (1 - v);
  if (ratio <= 0) return null;
  return Math.log(ratio);
}

/** `logit(x)`; tag logit=logit. */
export const logit: FunctionDef = {
  name: 'logit',
  group: 'Transform',
  description: 'Applies log(v / (1 - v)) to every value (null outside 0 < v < 1).',
  params: [SERIES_LIST],
  fn: (_call, [seriesList]) =>
    mapValues(seriesList as Series[], (n) => `logit(${n})`, { logit: 'logit' }, logitValue),
};
