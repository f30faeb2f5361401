// Aligning series of different steps and combining them row by row, as graphite-web's functions.py
// normalize/lcm/xff/formatPathExpressions and the body of aggregate() do (reference §2.4).
import type { RequestContext } from '../../context.js';
import { Series, type Value } from '../../series.js';
import type { AggFunc } from '../aggfuncs.js';

/** Greatest common divisor (Euclid, as graphite-web's recursive gcd). */
export function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** Least common multiple of two steps, as graphite-web's lcm. */
export function lcm(a: number, b: number): number {
  if (a === b) return a;
  const [hi, lo] = a < b ? [b, a] : [a, b];
  return Math.floor(hi / gcd(hi, lo)) * lo;
}

/** The common frame of normalized series: every series now reads (points()) at `step`. */
export interface Normalized {
  seriesList: Series[];
  start: number;
  end: number;
  step: number;
}

/**
 * graphite-web's normalize: concatenates the lists, consolidates every series to the lcm of their steps
 * (through each series' own consolidationFunc; this sets valuesPerPoint on the inputs, as graphite-web
 * mutates them too) and answers the covering frame with `end` trimmed to a whole number of steps. null
 * where graphite-web raises NormalizeEmptyResultError (no series at all): the caller then returns [].
 */
export function normalize(seriesLists: Series[][]): Normalized | null {
  const seriesList = seriesLists.flat();
  if (seriesList.length === 0) return null;
  const step = seriesList.map((s) => s.step).reduce(lcm);
  let start = Infinity;
  let end = -Infinity;
  for (const s of seriesList) {
    s.consolidate(Math.floor(step / s.step));
    if (s.start < start) start = s.start;
    if (s.end > end) end = s.end;
  }
  end -= (end - start) % step;
  return { seriesList, start, end, step };
}

/**
 * Python's izip_longest(*seriesList) over the series as they iterate (consolidated): row i holds each
 * series' i-th value, null past a series' end. Series are matched by index, not re-aligned by start.
 */
export function zipRows(seriesList: readonly (Series | readonly Value[])[]): Value[][] {
  const columns = seriesList.map((s) => (s instanceof Series ? s.points() : s));
  const length = columns.reduce((n, c) => Math.max(n, c.length), 0);
  const rows: Value[][] = [];
  for (let i = 0; i < length; i++) rows.push(columns.map((c) => c[i] ?? null));
  return rows;
}

/** graphite-web's xffValues: some value present and the present share ≥ xFilesFactor. */
export function xffValues(row: readonly Value[], xFilesFactor: number): boolean {
  if (row.length === 0) return false;
  let nonNull = 0;
  for (const v of row) if (v !== null) nonNull++;
  return nonNull > 0 && nonNull / row.length >= xFilesFactor;
}

/** Every row through `func`, or null where the row fails the xFilesFactor test (graphite-web aggregate). */
export function aggregateRows(rows: readonly Value[][], func: AggFunc, xFilesFactor: number): Value[] {
  return rows.map((row) => (xffValues(row, xFilesFactor) ? func(row) : null));
}

/** graphite-web's formatPathExpressions: the distinct pathExpressions in order of first appearance. */
export function formatPathExpressions(seriesList: readonly Series[]): string {
  return [...new Set(seriesList.map((s) => s.pathExpression))].join(',');
}

/** The xFilesFactor a combining function applies: its argument, else the request's. */
export function effectiveXFilesFactor(param: number | null | undefined, ctx: RequestContext): number {
  return param ?? ctx.xFilesFactor;
}
