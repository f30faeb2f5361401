// graphite-web's aggregation functions (functions/aggfuncs.py over functions/safe.py): every one skips
// nulls and answers null when nothing is left (count answers 0). Used by aggregate, groupBy*, filters, sorts.
import type { Value } from '../series.js';

export type AggFunc = (values: readonly Value[]) => Value;

function usable(values: readonly Value[]): number[] {
  const out: number[] = [];
  for (const v of values) if (v !== null && v !== undefined) out.push(v);
  return out;
}

/** Python's sum(): left to right from 0. */
export function pySum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

export function safeSum(values: readonly Value[]): Value {
  // no intermediate array: these run once per point of every combined series
  let total = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null && v !== undefined) {
      total += v;
      n++;
    }
  }
  return n > 0 ? total : null;
}

export function safeDiff(values: readonly Value[]): Value {
  let total = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    total += n === 0 ? v : v * -1;
    n++;
  }
  return n > 0 ? total : null;
}

export function safeLen(values: readonly Value[]): number {
  let n = 0;
  for (const v of values) if (v !== null && v !== undefined) n++;
  return n;
}

export function safeDiv(a: Value, b: Value): Value {
  if (a === null) return null;
  if (b === null || b === 0) return null;
  return a / b;
}

export function safeMul(factors: readonly Value[]): Value {
  if (factors.some((v) => v === null)) return null;
  let product = factors[0] as number;
  for (let i = 1; i < factors.length; i++) product *= factors[i] as number;
  return factors.length === 0 ? null : product;
}

export function safeSubtract(a: Value, b: Value): Value {
  return a === null || b === null ? null : a - b;
}

export function safeAvg(values: readonly Value[]): Value {
  let total = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null && v !== undefined) {
      total += v;
      n++;
    }
  }
  return n > 0 ? total / n : null;
}

export function safeAvgZero(values: readonly Value[]): Value {
  if (values.length === 0) return null;
  let total = 0;
  for (const v of values) total += v ?? 0;
  return total / values.length;
}

export function safeMedian(values: readonly Value[]): Value {
  const u = usable(values).sort((a, b) => a - b);
  if (u.length === 0) return null;
  const mid = Math.floor(u.length / 2);
  return u.length % 2 === 0 ? ((u[mid - 1] as number) + (u[mid] as number)) / 2 : (u[mid] as number);
}

export function safeStdDev(values: readonly Value[]): Value {
  const u = usable(values);
  if (u.length === 0) return null;
  const avg = pySum(u) / u.length;
  let sum = 0;
  for (const v of u) sum = sum + (v - avg) * (v - avg);
  return Math.sqrt(sum / u.length);
}

export function safeLast(values: readonly Value[]): Value {
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i];
    if (v !== null && v !== undefined) return v;
  }
  return null;
}

export function safeMin(values: readonly Value[]): Value {
  let best: Value = null;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null && v !== undefined && (best === null || v < best)) best = v;
  }
  return best;
}

export function safeMax(values: readonly Value[]): Value {
  let best: Value = null;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null && v !== undefined && (best === null || v > best)) best = v;
  }
  return best;
}

export function safeAbs(value: Value): Value {
  return value === null ? null : Math.abs(value);
}

/** aggFuncs and aggFuncAliases of graphite-web, by name. */
export const AGG_FUNCS: Readonly<Record<string, AggFunc>> = {
  average: safeAvg,
  avg_zero: safeAvgZero,
  median: safeMedian,
  sum: safeSum,
  min: safeMin,
  max: safeMax,
  diff: safeDiff,
  stddev: safeStdDev,
  count: safeLen,
  range: (row) => safeSubtract(safeMax(row), safeMin(row)),
  multiply: (row) => safeMul(row),
  last: safeLast,
  rangeOf: (row) => safeSubtract(safeMax(row), safeMin(row)),
  avg: safeAvg,
  total: safeSum,
  current: safeLast,
};

/** The aggFunc names /functions lists as options (graphite-web's getValidAggFuncs, sorted there). */
export const AGG_FUNC_NAMES: readonly string[] = Object.keys(AGG_FUNCS);

/**
 * The aggregation function `name` names: an aggFunc or alias, or a deprecated `<name>Series` form
 * (`sumSeries` → sum); undefined when none.
 */
export function getAggFunc(name: string): AggFunc | undefined {
  if (Object.hasOwn(AGG_FUNCS, name)) return AGG_FUNCS[name];
  if (name.endsWith('Series')) {
    const base = name.slice(0, -'Series'.length);
    if (Object.hasOwn(AGG_FUNCS, base)) return AGG_FUNCS[base];
  }
  return undefined;
}
