// A time series as graphite-web's datalib.TimeSeries models it: values on a fixed step from `start`, a name,
// the path expression it came from, tags, and how it consolidates when asked for fewer points (§2.3).

/** A value slot: a number (NaN and ±Infinity can arise from functions) or null for "no data". */
export type Value = number | null;

/** graphite-web's consolidation functions (TimeSeries.__consolidation_functions plus the `avg` alias). */
export const CONSOLIDATION_FUNCS = [
  'sum',
  'average',
  'avg',
  'avg_zero',
  'max',
  'min',
  'first',
  'last',
] as const;
export type ConsolidationFunc = (typeof CONSOLIDATION_FUNCS)[number];

export interface SeriesInit {
  name: string;
  start: number;
  end: number;
  step: number;
  values: Value[];
  pathExpression?: string;
  /** Parsed from the name when absent (see {@link parseTags}). */
  tags?: Record<string, string>;
  consolidationFunc?: ConsolidationFunc;
  valuesPerPoint?: number;
  xFilesFactor?: number;
}

/** Names graphite-web does not parse for tags: they look like a function call (`^[a-z]+[(].+[)]$`, i). */
const FUNCTION_WRAPPED = /^[a-z]+[(].+[)]$/is;

/**
 * Tags of a series name as graphite-web's TimeSeries derives them: `a.b;x=1;y=2` → {name: 'a.b', x: '1',
 * y: '2'}, OpenMetrics `a{x="1"}` → {name: 'a', x: '1'}; a plain or function-wrapped name → {name}.
 */
export function parseTags(name: string): Record<string, string> {
  if (FUNCTION_WRAPPED.test(name)) return { name };
  const brace = /^([^{]+)\{(.*)\}$/s.exec(name);
  if (brace !== null) {
    const tags: Record<string, string> = {};
    const body = brace[2] as string;
    const re = /\s*([^,=\s]+)\s*=\s*"((?:[^"\\]|\\.)*)"\s*(,|$)/gy;
    let at = 0;
    for (let m = re.exec(body); m !== null && m[0] !== ''; m = re.exec(body)) {
      tags[m[1] as string] = (m[2] as string).replace(/\\(.)/g, '$1');
      at = re.lastIndex;
    }
    if (at !== body.length) return { name };
    return { ...tags, name: (brace[1] as string).trim() };
  }
  const parts = name.split(';');
  if (parts.length === 1) return { name };
  const tags: Record<string, string> = {};
  for (const part of parts.slice(1)) {
    const eq = part.indexOf('=');
    if (eq <= 0 || eq === part.length - 1) return { name };
    tags[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return { ...tags, name: parts[0] as string };
}

export class Series {
  name: string;
  start: number;
  end: number;
  step: number;
  values: Value[];
  pathExpression: string;
  tags: Record<string, string>;
  consolidationFunc: ConsolidationFunc;
  valuesPerPoint: number;
  xFilesFactor: number;
  /** Graph options set by functions (color, stacked, secondYAxis, …); they travel with the series. */
  options: Record<string, unknown> = {};

  constructor(init: SeriesInit) {
    this.name = init.name;
    this.start = init.start;
    this.end = init.end;
    this.step = init.step;
    this.values = init.values;
    this.pathExpression = init.pathExpression ?? init.name;
    this.tags = init.tags ?? parseTags(init.name);
    this.consolidationFunc = init.consolidationFunc ?? 'average';
    this.valuesPerPoint = init.valuesPerPoint ?? 1;
    this.xFilesFactor = init.xFilesFactor ?? 0;
  }

  /**
   * graphite-web's TimeSeries.copy: a new series with the given fields replaced. Tags are copied (not
   * re-parsed) unless given; options and valuesPerPoint are not carried over, as in graphite-web.
   */
  copy(changes: Partial<SeriesInit> = {}): Series {
    return new Series({
      name: changes.name ?? this.name,
      start: changes.start ?? this.start,
      end: changes.end ?? this.end,
      step: changes.step ?? this.step,
      values: changes.values ?? this.values.slice(),
      pathExpression: changes.pathExpression ?? this.pathExpression,
      tags: changes.tags ?? { ...this.tags },
      consolidationFunc: changes.consolidationFunc ?? this.consolidationFunc,
      xFilesFactor: changes.xFilesFactor ?? this.xFilesFactor,
    });
  }

  /** graphite-web's consolidate(n): later reads see buckets of n values (see {@link consolidatedValues}). */
  consolidate(valuesPerPoint: number): void {
    this.valuesPerPoint = Math.trunc(valuesPerPoint);
  }

  /** The values as graphite-web iterates them: consolidated into buckets when valuesPerPoint > 1. */
  points(): Value[] {
    return this.valuesPerPoint > 1 ? consolidatedValues(this) : this.values;
  }

  /** [value, timestamp] pairs as graphite-web's datapoints(): timestamps every step × valuesPerPoint. */
  datapoints(): [Value, number][] {
    const values = this.points();
    const stride = this.step * this.valuesPerPoint;
    const out: [Value, number][] = [];
    for (let i = 0, t = this.start; i < values.length && t <= this.end; i++, t += stride) {
      out.push([values[i] as Value, t]);
    }
    return out;
  }
}

const CF: Record<ConsolidationFunc, (usable: number[]) => number> = {
  sum: (u) => u.reduce((a, b) => a + b, 0),
  average: (u) => u.reduce((a, b) => a + b, 0) / u.length,
  avg: (u) => u.reduce((a, b) => a + b, 0) / u.length,
  avg_zero: (u) => u.reduce((a, b) => a + b, 0) / u.length,
  max: (u) => u.reduce((a, b) => (b > a ? b : a)),
  min: (u) => u.reduce((a, b) => (b < a ? b : a)),
  first: (u) => u[0] as number,
  last: (u) => u[u.length - 1] as number,
};

/**
 * graphite-web's __consolidatingGenerator: buckets of valuesPerPoint values; a bucket yields cf(non-null
 * values) when it has any and nonNull / valuesPerPoint ≥ xFilesFactor (the trailing partial bucket too),
 * else null; avg_zero counts nulls as 0.
 */
export function consolidatedValues(series: Series): Value[] {
  const n = series.valuesPerPoint;
  const cf = CF[series.consolidationFunc];
  if (cf === undefined) throw new TypeError(`invalid consolidation function ${series.consolidationFunc}`);
  const zero = series.consolidationFunc === 'avg_zero';
  const out: Value[] = [];
  const values = series.values;
  for (let i = 0; i < values.length; i += n) {
    const buf: number[] = [];
    let nonNull = 0;
    const stop = Math.min(i + n, values.length);
    for (let j = i; j < stop; j++) {
      const v = values[j];
      if (v !== null && v !== undefined) {
        buf.push(v);
        nonNull++;
      } else if (zero) buf.push(0);
    }
    out.push(nonNull > 0 && nonNull / n >= series.xFilesFactor ? cf(buf) : null);
  }
  return out;
}
