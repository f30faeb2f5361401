// perSecond(seriesList, maxValue, minValue): a counter's increase per second, wraps and resets handled
// (graphite-web functions.py perSecond over _nonNegativeDelta, rounded to 6 decimals as there).
import type { Series } from '../series.js';
import { counterDeltas } from './common/transform-buckets.js';
import { SERIES_LIST, pyRound } from './common/transform-series.js';
import type { FunctionDef } from './types.js';

/** `perSecond(x)`: nonNegativeDerivative divided by the step, round(…, 6); tag perSecond=1. */
export const perSecond: FunctionDef = {
  name: 'perSecond',
  group: 'Transform',
  description:
    'The per-second rate of a counter: its non-negative increase between points divided by the step.',
  params: [SERIES_LIST, { name: 'maxValue', type: 'float' }, { name: 'minValue', type: 'float' }],
  fn: (_call, [seriesList, maxValue, minValue]) =>
    counterDeltas(
      'perSecond',
      seriesList as Series[],
      maxValue as number | null,
      minValue as number | null,
      (delta, step) => pyRound(delta / step, 6),
    ),
};
