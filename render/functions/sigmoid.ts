// sigmoid(seriesList): 1 / (1 + e^-v) of every value (graphite-web functions.py sigmoid).
import type { Series } from '../series.js';
import { SERIES_LIST, mapValues } from './common/transform-series.js';
import type { FunctionDef } from './types.js';

/** `sigmoid(x)`; tag sigmoid=sigmoid. */
export const sigmoid: FunctionDef = {
  name: 'sigmoid',
  group: 'Transform',
  description: 'Applies the logistic function 1 / (1 + exp(-v)) to every value.',
  params: [SERIES_LIST],
  fn: (_call, [seriesList]) =>
    mapValues(
      seriesList as Series[],
      (n) => `sigmoid(${n})`,
      { sigmoid: 'sigmoid' },
      (v) => (v === null ? null : 1 / (1 + Math.exp(-v))),
    ),
};
