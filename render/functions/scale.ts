// scale(seriesList, factor): multiplies every value by a constant (graphite-web functions.py scale).
import { pyFormatG } from '../python-format.js';
import type { Series } from '../series.js';
import { SERIES_LIST, floatTag, mapValues } from './common/transform-series.js';
import type { FunctionDef } from './types.js';

/** `scale(x,%g)`: v × factor, nulls kept; tag scale=factor. */
export const scale: FunctionDef = {
  name: 'scale',
  group: 'Transform',
  description: 'Multiplies every value by factor.',
  params: [SERIES_LIST, { name: 'factor', type: 'float', required: true }],
  fn: (_call, [seriesList, factor]) => {
    const f = factor as number;
    return mapValues(
      seriesList as Series[],
      (n) => `scale(${n},${pyFormatG(f)})`,
      { scale: floatTag(f) },
      (v) => (v === null ? null : v * f),
    );
  },
};
