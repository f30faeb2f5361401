// nonNegativeDerivative(seriesList, maxValue, minValue): a counter's increase per point, wraps and resets
// handled (graphite-web functions.py nonNegativeDerivative/_nonNegativeDelta).
import type { Series } from '../series.js';
import { counterDeltas } from './common/transform-buckets.js';
import { SERIES_LIST } from './common/transform-series.js';
import type { FunctionDef } from './types.js';

/** `nonNegativeDerivative(x)`: increases between points; a decrease is null unless maxValue/minValue explain it. */
export const nonNegativeDerivative: FunctionDef = {
  name: 'nonNegativeDerivative',
  group: 'Transform',
  description:
    'The increase of a counter between points; a decrease is a wrap at maxValue (to minValue) or a reset, else null.',
  params: [SERIES_LIST, { name: 'maxValue', type: 'float' }, { name: 'minValue', type: 'float' }],
  fn: (_call, [seriesList, maxValue, minValue]) =>
    counterDeltas(
      'nonNegativeDerivative',
      seriesList as Series[],
      maxValue as number | null,
      minValue as number | null,
      (delta) => delta,
    ),
};
