// integral(seriesList): the running total of the values (graphite-web functions.py integral).
import type { Series, Value } from '../series.js';
import { SERIES_LIST } from './common/transform-series.js';
import type { FunctionDef } from './types.js';

/** `integral(x)`: the sum so far at every non-null point (nulls stay null); tag integral=1. */
export const integral: FunctionDef = {
  name: 'integral',
  group: 'Transform',
  description: 'The running sum of the values; null points stay null and add nothing.',
  params: [SERIES_LIST],
  fn: (_call, [seriesList]) =>
    (seriesList as Series[]).map((s) => {
      let current = 0;
      const values: Value[] = s.points().map((v) => (v === null ? null : (current += v)));
      const name = `integral(${s.name})`;
      return s.copy({ name, values, pathExpression: name, tags: { ...s.tags, integral: '1' } });
    }),
};
