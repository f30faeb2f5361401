// nonNegativeDerivative(seriesList, maxValue, minValue): a counter's increase per point, wraps and resets
// handled (graphite-web functions.py nonNegativeDerivative/_nonNegativeDelta).
import type { Series, Value } from '../series.js';
import { nonNegativeDelta } from './common/transform-buckets.js';
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
    (seriesList as Series[]).map((s) => {
      const values: Value[] = [];
      let prev: Value = null;
      for (const v of s.points()) {
        const [delta, next] = nonNegativeDelta(v, prev, maxValue as number | null, minValue as number | null);
        values.push(delta);
        prev = next;
      }
      const name = `nonNegativeDerivative(${s.name})`;
      return s.copy({ name, values, pathExpression: name, tags: { ...s.tags, nonNegativeDerivative: '1' } });
    }),
};
