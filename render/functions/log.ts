// log(seriesList, base): the logarithm of every value (graphite-web functions.py logarithm).
import { badArgument } from '../errors.js';
import type { Series } from '../series.js';
import { SERIES_LIST } from './common/transform-series.js';
import type { FunctionDef } from './types.js';

/** `log(x, 10)` (note the space); null for values ≤ 0; tag log=base. */
export const log: FunctionDef = {
  name: 'log',
  group: 'Transform',
  description: 'The logarithm of every value in base (10 by default); null for values that are not positive.',
  params: [SERIES_LIST, { name: 'base', type: 'integer', default: 10 }],
  fn: (call, [seriesList, base]) => {
    const b = base as number;
    // graphite-web fails with a 500 (math domain error, division by zero) on these
    if (b <= 0 || b === 1)
      throw badArgument(call.name, 'base', `the base must be positive and not 1: ${b}`, b);
    const denominator = Math.log(b);
    return (seriesList as Series[]).map((s) => {
      const values = s.points().map((v) => (v === null || v <= 0 ? null : Math.log(v) / denominator));
      const name = `log(${s.name}, ${b})`;
      return s.copy({ name, values, pathExpression: name, tags: { ...s.tags, log: String(b) } });
    });
  },
};
