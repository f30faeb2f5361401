// Aligning series of different steps and combining them row by row, as graphite-web's functions.py
// normalize/lcm/xff/formatPathExpressions and the body of aggregate() do (reference §2.4).
import type { RequestContext } from '../../context.js';
import { Series, type Value } from '../../series.js';
import { type AggFunc, safeAvg, safeLen, safeMax, safeMin, safeSum } from '../aggfuncs.js';

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
  let length = 0;
  for (const c of columns) if (c.length > length) length = c.length;
  const rows: Value[][] = new Array(length);
  for (let i = 0; i < length; i++) {
    const row: Value[] = new Array(columns.length);
    for (let j = 0; j < columns.length; j++) row[j] = (columns[j] as readonly Value[])[i] ?? null;
    rows[i] = row;
  }
  return rows;
}

/**
 * zipRows then aggregateRows in one pass without a row array per point: one buffer is reused for every
 * row (the aggregation functions read it and keep nothing), which is what makes sumSeries over thousands
 * of series cheap. Same values as aggregateRows(zipRows(seriesList), func, xFilesFactor).
 */
export function aggregateColumns(
  seriesList: readonly Series[],
  func: AggFunc,
  xFilesFactor: number,
): Value[] {
  const columns = seriesList.map((s) => s.points());
  let length = 0;
  for (const c of columns) if (c.length > length) length = c.length;
  const width = columns.length;
  if (func === safeSum || func === safeAvg || func === safeMin || func === safeMax || func === safeLen)
    return accumulateColumns(columns, length, func, xFilesFactor);
  const row: Value[] = new Array(width);
  const out: Value[] = new Array(length);
  for (let i = 0; i < length; i++) {
    let nonNull = 0;
    for (let j = 0; j < width; j++) {
      const v = (columns[j] as readonly Value[])[i] ?? null;
      row[j] = v;
      if (v !== null) nonNull++;
    }
    out[i] = nonNull > 0 && nonNull / width >= xFilesFactor ? func(row) : null;
  }
  return out;
}

/**
 * sum, average, min, max and count column by column into typed arrays: each point still sees the series in
 * list order (so float sums are the same as row by row), but one column is read at a time, which is what
 * keeps groupByNode over thousands of series fast.
 */
function accumulateColumns(
  columns: readonly (readonly Value[])[],
  length: number,
  func: AggFunc,
  xFilesFactor: number,
): Value[] {
  const acc = new Float64Array(length);
  const count = new Uint32Array(length);
  const isSum = func === safeSum || func === safeAvg || func === safeLen;
  const isMin = func === safeMin;
  for (const column of columns) {
    const n = column.length;
    for (let i = 0; i < n; i++) {
      const v = column[i];
      if (v === null || v === undefined) continue;
      if (isSum) acc[i] = (acc[i] as number) + v;
      else if (count[i] === 0 || (isMin ? v < (acc[i] as number) : v > (acc[i] as number))) acc[i] = v;
      count[i] = (count[i] as number) + 1;
    }
  }
  const width = columns.length;
  const out: Value[] = new Array(length);
  for (let i = 0; i < length; i++) {
    const c = count[i] as number;
    if (c === 0 || c / width < xFilesFactor) out[i] = null;
    else if (func === safeAvg) out[i] = (acc[i] as number) / c;
    else if (func === safeLen) out[i] = c;
    else out[i] = acc[i] as number;
  }
  return out;
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
