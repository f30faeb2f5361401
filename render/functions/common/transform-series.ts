// Shared pieces of the Transform functions (graphite-web render/functions.py): rewriting a series as the
// in-place transforms do, Python's round() and "%d", and whether an argument was written in the target.
import { pyRepr } from '../../python-format.js';
import type { Series, Value } from '../../series.js';
import type { Call, ParamDef } from '../types.js';

/**
 * The series a graphite-web in-place transform leaves behind (scale, offset, keepLastValue…): new name,
 * values and extra tags, everything else kept (options, valuesPerPoint). A clone, so a series the
 * evaluator shares between two arguments is never changed under the other one.
 */
export function rewrite(
  series: Series,
  name: string,
  values: Value[],
  tags: Record<string, string> = {},
  pathExpression: string = name,
): Series {
  const out = series.copy({ name, values, pathExpression, tags: { ...series.tags, ...tags } });
  out.options = { ...series.options };
  out.valuesPerPoint = series.valuesPerPoint;
  return out;
}

/** Applies `fn` to every value of every series, renamed by `rename` and given `tags`. */
export function mapValues(
  seriesList: readonly Series[],
  rename: (name: string) => string,
  tags: Record<string, string>,
  fn: (value: Value) => Value,
): Series[] {
  return seriesList.map((s) => rewrite(s, rename(s.name), s.values.map(fn), tags));
}

/**
 * Whether positional argument `index` (or keyword `name`) was written in the call and is not None: graphite-web
 * passes only those to the function, whose Python defaults can differ from the /functions ones (round's
 * precision=None, transformNull's int 0), and that shows in names and tags.
 */
export function argGiven(call: Call, index: number, name: string): boolean {
  const node = call.node.args[index] ?? call.node.kwargs.find((k) => k.name === name)?.value;
  return node !== undefined && node.type !== 'none';
}

/** str() of a float-typed argument graphite-web's validator converted with float(): 2 → "2.0". */
export function floatTag(x: number): string {
  return pyRepr(x);
}

/** Python `"%d" % x` of a float: truncated toward zero. */
export function pyIntFormat(x: number): string {
  const t = Math.trunc(x);
  return Object.is(t, -0) ? '0' : String(t);
}

const bits = new DataView(new ArrayBuffer(8));

function ctz32(v: number): number {
  return 31 - Math.clz32(v & -v);
}

/** e such that |x| = odd × 2^e (x finite, non-zero): where the exact binary expansion of x ends. */
function lowestBitExponent(x: number): number {
  bits.setFloat64(0, x);
  const hi = bits.getUint32(0);
  const lo = bits.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const mantHi = (hi & 0xfffff) | (biased === 0 ? 0 : 0x100000);
  const e = biased === 0 ? -1074 : biased - 1075;
  return e + (lo !== 0 ? ctz32(lo) : 32 + ctz32(mantHi));
}

/**
 * Python's round(x, ndigits) on a float: correctly rounded, exact ties to even (round(0.125, 2) = 0.12,
 * where toFixed would say 0.13). A tie at n decimals is exactly x = odd × 2^-(n+1).
 */
export function pyRound(x: number, ndigits: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  if (ndigits < 0) {
    const m = 10 ** -ndigits;
    const q = x / m;
    const r = Math.abs(q % 1) === 0.5 ? 2 * Math.round(q / 2) : Math.round(q);
    return r * m;
  }
  if (Math.abs(x) >= 2 ** 52 || ndigits > 99) return x;
  const away = x.toFixed(ndigits);
  if (lowestBitExponent(x) !== -(ndigits + 1)) return Number(away);
  // an exact tie: toFixed went away from zero; the truncation is the other candidate
  const exact = x.toFixed(ndigits + 1);
  const down = exact.slice(0, ndigits === 0 ? -2 : -1);
  return Number(down.charCodeAt(down.length - 1) % 2 === 0 ? down : away);
}

/** The seriesList parameter every transform takes first. */
export const SERIES_LIST: ParamDef = { name: 'seriesList', type: 'seriesList', required: true };
