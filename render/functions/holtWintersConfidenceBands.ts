// holtWintersConfidenceBands: the forecast ± delta × the seasonal deviation, as a lower and an upper
// series per input (graphite-web functions.py holtWintersConfidenceBands).
import { confidenceBands, HW_PARAMS } from './common/calc-holt-winters.js';
import type { FunctionDef } from './types.js';

export const holtWintersConfidenceBands: FunctionDef = {
  name: 'holtWintersConfidenceBands',
  group: 'Calculate',
  description:
    'The upper and lower Holt-Winters confidence bands of each series: the forecast plus and minus delta times the predicted deviation.',
  params: HW_PARAMS,
  fn: (call, [, delta, bootstrapInterval, seasonality]) =>
    confidenceBands(call, (delta ?? 3) as number, bootstrapInterval ?? '7d', seasonality ?? '1d'),
};
