// powSeries: graphite-web functions.py powSeries — the first series raised to the second, then the third….
import { Series, type Value } from '../series.js';
import { normalize, zipRows } from './common/normalize.js';
import type { FunctionDef } from './types.js';

/**
 * graphite-web's safePow (math.pow): null for a null operand and where Python raises — a negative base
 * with a fractional exponent, zero to a negative power, or an overflow of finite operands.
 */
export function safePow(a: Value, b: Value): Value {
  if (a === null || b === null) return null;
  if (a === 1 || b === 0) return 1;
  const r = a ** b;
  if (Number.isNaN(r) && !Number.isNaN(a) && !Number.isNaN(b)) return null;
  if (!Number.isFinite(r) && Number.isFinite(a) && Number.isFinite(b)) return null;
  return r;
}

/** `powSeries(<names>)`: left-to-right powers. */
export const powSeries: FunctionDef = {
  name: 'powSeries',
  group: 'Combine',
  description:
    'Raises the first series to the power of the second, the result to the third, and so on, point by point.',
  params: [{ name: 'seriesList', type: 'seriesList', required: true, multiple: true }],
  // graphite-web's signature says *seriesLists, its Param says seriesList
  signature: 'powSeries(*seriesLists)',
  aggregator: true,
  fn: (call, [seriesLists]) => {
    const normalized = normalize(seriesLists as Series[][]);
    if (normalized === null) return [];
    const { seriesList, start, end, step } = normalized;
    const name = `powSeries(${seriesList.map((s) => s.name).join(',')})`;
    const values = zipRows(seriesList).map((row) =>
      row.slice(1).reduce<Value>((acc, v) => safePow(acc, v), row[0] ?? null),
    );
    return [new Series({ name, start, end, step, values, xFilesFactor: call.ctx.xFilesFactor })];
  },
};
