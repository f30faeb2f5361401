// derivative(seriesList): the change from each point to the next (graphite-web functions.py derivative).
import type { Series, Value } from '../series.js';
import { SERIES_LIST } from './common/transform-series.js';
import type { FunctionDef } from './types.js';

/** `derivative(x)`: v[i] - v[i-1], null when either is null; the first point is null; tag derivative=1. */
export const derivative: FunctionDef = {
  name: 'derivative',
  group: 'Transform',
  description: 'The difference between each value and the one before it (not divided by time).',
  params: [SERIES_LIST],
  fn: (_call, [seriesList]) =>
    (seriesList as Series[]).map((s) => {
      const values: Value[] = [];
      let prev: Value = null;
      for (const v of s.points()) {
        values.push(prev === null || v === null ? null : v - prev);
        prev = v;
      }
      const name = `derivative(${s.name})`;
      return s.copy({ name, values, pathExpression: name, tags: { ...s.tags, derivative: '1' } });
    }),
};
