// pow(seriesList, factor): every value raised to a power (graphite-web functions.py pow).
import { pyFormatG } from '../python-format.js';
import type { Series } from '../series.js';
import { safePow } from './common/transform-math.js';
import { SERIES_LIST, floatTag, mapValues } from './common/transform-series.js';
import type { FunctionDef } from './types.js';

/** `pow(x,%g)`: v^factor, null where Python's math.pow raises; tag pow=factor. */
export const pow: FunctionDef = {
  name: 'pow',
  group: 'Transform',
  description: 'Raises every value to the power factor (null where the result is undefined or overflows).',
  params: [SERIES_LIST, { name: 'factor', type: 'float', required: true }],
  fn: (_call, [seriesList, factor]) => {
    const f = factor as number;
    return mapValues(
      seriesList as Series[],
      (n) => `pow(${n},${pyFormatG(f)})`,
      { pow: floatTag(f) },
      (v) => safePow(v, f),
    );
  },
};
