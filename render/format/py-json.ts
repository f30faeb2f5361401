// Python's json.dumps, byte for byte, for the render formats graphite-web builds with it (render/views.py):
// ensure_ascii string escapes, float repr ("1.0", "1e-05"), default separators ", " / ": ", and indent=2.
import { pyRepr } from '../python-format.js';

/** What {@link pyJsonDumps} encodes: numbers are Python floats, bigints Python ints, objects dicts. */
export type PyJson = null | boolean | string | number | bigint | PyJson[] | { [key: string]: PyJson };

const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
const ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** A JSON string literal as json.dumps writes it (non-ASCII as \uXXXX UTF-16 escapes, lowercase hex). */
export function pyJsonString(s: string): string {
  if (PLAIN.test(s)) return `"${s}"`;
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    const code = s.charCodeAt(i);
    const escape = ESCAPES[ch];
    if (escape !== undefined) out += escape;
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * Python `repr(float(x))` for finite x, with a fast path: JavaScript's shortest round-trip digits are
 * Python's, and both print them without an exponent between 1e-4 and 1e16 (integers need a ".0").
 */
export function pyFloatRepr(x: number): string {
  const abs = Math.abs(x);
  if (abs >= 1e-4 && abs < 1e16) {
    if (Number.isInteger(x)) return `${x}.0`;
    if (abs < 1e9) {
      const fast = fewDecimals(x);
      if (fast !== undefined) return fast;
    }
    return `${x}`;
  }
  return pyRepr(x);
}

const POW10 = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];

/**
 * The shortest decimal of x when it has at most six decimals (most stored metrics: 12.5, 0.25, 99.99):
 * the smallest k for which some integer y gives y / 10^k === x. Such a y/10^k parses back to x (the
 * division is correctly rounded, as parsing is), and no shorter decimal does (a smaller k was tried), so it
 * is the shortest round-trip text, the same as Number#toString — found with integer printing, which costs
 * a quarter of float printing. Undefined for other values. |x| < 1e9 keeps y·10^k far below 2^53.
 */
function fewDecimals(x: number): string | undefined {
  for (let k = 1; k <= 6; k++) {
    const p = POW10[k] as number;
    const y = Math.round(x * p);
    if (y / p !== x) continue;
    const digits = String(y < 0 ? -y : y).padStart(k + 1, '0');
    const cut = digits.length - k;
    return `${y < 0 ? '-' : ''}${digits.slice(0, cut)}.${digits.slice(cut)}`;
  }
  return undefined;
}

/** A float as json.dumps writes it: repr, or Python's non-standard NaN / Infinity / -Infinity. */
export function pyJsonFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  return pyFloatRepr(x);
}

/** json.dumps(value) (indent null) or json.dumps(value, indent=2) when `indent` is 2. */
export function pyJsonDumps(value: PyJson, indent: number | null = null): string {
  return encode(value, indent, 0);
}

function encode(value: PyJson, indent: number | null, level: number): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return pyJsonString(value);
  if (typeof value === 'number') return pyJsonFloat(value);
  if (typeof value === 'bigint') return value.toString();
  const items = Array.isArray(value)
    ? value.map((item) => encode(item, indent, level + 1))
    : Object.entries(value).map(([k, v]) => `${pyJsonString(k)}: ${encode(v, indent, level + 1)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (items.length === 0) return open + close;
  if (indent === null) return open + items.join(', ') + close;
  const inner = `\n${' '.repeat(indent * (level + 1))}`;
  return `${open}${inner}${items.join(`,${inner}`)}\n${' '.repeat(indent * level)}${close}`;
}
