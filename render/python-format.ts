// Python's number formatting, for series names that graphite-web builds with "%g", "%s" and repr():
// `scale(x,0.5)`, `movingAverage(x,5)`, `1e-05`. Also used by the CLI for whisper-tool output.

/** Python `repr(float(x))`: 0.5 → "0.5", 1 → "1.0", 1e-5 → "1e-05", 1e16 → "1e+16", NaN → "nan". */
export function pyRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa = '', expText = '0'] = x.toExponential().split('e');
  const exp = Number(expText);
  const sign = mantissa.startsWith('-') ? '-' : '';
  const digits = mantissa.replace(/^-/, '').replace('.', '');
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const whole = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const frac = digits.slice(exp + 1);
  return `${sign}${whole}.${frac === '' ? '0' : frac}`;
}

function stripZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** Python `"%g" % x`: six significant digits, trailing zeros dropped, exponent when < 1e-4 or ≥ 1e6. */
export function pyFormatG(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const [mantissa = '', expText = '0'] = x.toExponential(5).split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    return `${stripZeros(mantissa)}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return stripZeros(x.toFixed(5 - exp));
}

/**
 * Python `str()` of an evaluated numeric argument: integers as ints ("5"), other numbers as floats
 * ("0.5", "inf"). (Which literals were floats like `5.0` is not kept, so `5.0` prints as "5".)
 */
export function pyStr(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return String(x);
  return pyRepr(x);
}
