// Python's float formatting, for output that scripts written against the whisper tools parse: repr()
// (shortest round-trip digits, scientific below 1e-4 and from 1e16) and "%f" (six decimals, ties to even).

import { parsePythonFloat } from '../ingest/python-float.js';

export { pyRepr } from '../../render/index.js';

/** Python `float(text)` for a command-line value; a RangeError naming `what` when Python would refuse it. */
export function parsePyFloat(text: string, what: string): number {
  const value = parsePythonFloat(text);
  if (value === undefined) throw new RangeError(`${what} must be a number, got "${text}"`);
  return value;
}

/** A finite double's exact binary value: |x| = mantissa × 2^exponent. */
export function doubleParts(x: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  return {
    mantissa: biased === 0 ? fraction : fraction | (1n << 52n),
    exponent: (biased === 0 ? 1 : biased) - 1075,
  };
}

/** Python `"%f" % x`: the exact binary value rounded to six decimals, half to even. */
export function pyPercentF(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const negative = x < 0 || Object.is(x, -0);
  // x = mantissa × 2^exponent exactly; scale by 10^6 and divide with half-even rounding.
  const { mantissa, exponent } = doubleParts(x);
  let scaled: bigint;
  if (exponent >= 0) {
    scaled = mantissa * 1_000_000n * (1n << BigInt(exponent));
  } else {
    const num = mantissa * 1_000_000n;
    const den = 1n << BigInt(-exponent);
    scaled = num / den;
    const twice = (num % den) * 2n;
    if (twice > den || (twice === den && scaled % 2n === 1n)) scaled += 1n;
  }
  const text = scaled.toString().padStart(7, '0');
  return `${negative ? '-' : ''}${text.slice(0, -6)}.${text.slice(-6)}`;
}
