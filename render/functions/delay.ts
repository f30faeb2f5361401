// delay(seriesList, steps): values moved later (or earlier when negative) by a number of steps, padded with
// nulls (graphite-web functions.py delay).
import type { Series, Value } from '../series.js';
import { SERIES_LIST } from './common/transform-series.js';
import type { FunctionDef } from './types.js';

/** graphite-web's list slicing, quirks included: a delay of 0 leaves no values at all (`series[:-0]`). */
export function delayValues(values: readonly Value[], steps: number): Value[] {
  const n = values.length;
  if (steps < 0) return [...values.slice(-steps), ...new Array<Value>(Math.min(-steps, n)).fill(null)];
  const kept = steps === 0 ? [] : values.slice(0, Math.max(0, n - steps));
  return [...new Array<Value>(Math.min(steps, n)).fill(null), ...kept];
}

/** `delay(x,%d)`; tag delay=steps. */
export const delay: FunctionDef = {
  name: 'delay',
  group: 'Transform',
  description:
    'Shifts every value later by steps points (earlier when negative), filling the gap with nulls.',
  params: [SERIES_LIST, { name: 'steps', type: 'integer', required: true }],
  fn: (_call, [seriesList, steps]) =>
    (seriesList as Series[]).map((s) => {
      const n = steps as number;
      const name = `delay(${s.name},${n})`;
      const values = delayValues(s.values, n);
      return s.copy({ name, values, pathExpression: name, tags: { ...s.tags, delay: String(n) } });
    }),
};
