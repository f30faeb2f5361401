// Python %-formatting pieces the Alias and Special functions print names with ("%.2f", "%-20s", "%*s",
// "%d", "%g", …): graphite-web builds legendValue, cactiStyle and aliasQuery names with them.
import { pyFormatG, pyRepr } from '../../python-format.js';

/** Python's "%.<digits>f": exact decimal rounding with ties to even (JS toFixed rounds ties up). */
export function pyFixed(x: number, digits: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const abs = Math.abs(x);
  if (abs >= 1e21) return `${sign}${BigInt(abs).toString()}${digits > 0 ? '.' + '0'.repeat(digits) : ''}`;
  const rounded = abs.toFixed(digits);
  const exact = abs.toFixed(Math.min(100, digits + 30));
  const cut = digits > 0 ? exact.indexOf('.') + digits + 1 : exact.indexOf('.');
  const rest = exact.slice(cut + (digits > 0 ? 0 : 1));
  // An exact tie: toFixed rounded the magnitude up; Python keeps the even neighbour.
  if (/^50*$/.test(rest)) {
    const truncated = exact.slice(0, cut);
    const last = Number(truncated[truncated.length - 1]);
    if (last % 2 === 0) return sign + truncated;
  }
  return sign + rounded;
}

/** Length as Python counts it (code points, not UTF-16 units). */
export function pyLen(s: string): number {
  return Array.from(s).length;
}

/** Python's "%<width>s": right-justified, or left-justified when width is negative. */
export function pyPad(s: string, width: number): string {
  const pad = Math.abs(width) - pyLen(s);
  if (pad <= 0) return s;
  return width < 0 ? s + ' '.repeat(pad) : ' '.repeat(pad) + s;
}

/** Python str() of a number graphite-web computed as a float (whisper values are floats). */
export function pyFloatStr(x: number): string {
  return pyRepr(x);
}

function exponential(x: number, precision: number, upper: boolean): string {
  const [m = '', e = '0'] = x.toExponential(precision).split('e');
  const exp = Number(e);
  const out = `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return upper ? out.toUpperCase() : out;
}

function general(x: number, precision: number, alt: boolean, upper: boolean): string {
  if (precision === 6 && !alt) return upper ? pyFormatG(x).toUpperCase() : pyFormatG(x);
  const p = precision === 0 ? 1 : precision;
  if (x === 0 || !Number.isFinite(x)) return upper ? pyFormatG(x).toUpperCase() : pyFormatG(x);
  const exp = Number(x.toExponential(p - 1).split('e')[1]);
  const strip = (s: string): string => (alt || !s.includes('.') ? s : s.replace(/\.?0+$/, ''));
  if (exp < -4 || exp >= p) {
    const [m = '', e = ''] = exponential(x, p - 1, upper).split(/(?=[eE])/);
    return strip(m) + e;
  }
  return strip(pyFixed(x, p - 1 - exp));
}

/**
 * Python `template % value` for one numeric value (aliasQuery's newName): %d %i %u %f %F %e %E %g %G %s
 * %r %x %X %o and %%, with flags, width and precision. Returns undefined where Python raises (no or
 * several conversions, an unknown one).
 */
export function pyPercent(template: string, value: number): string | undefined {
  // Python accepts and ignores the C length modifiers h, l and L
  const re = /%([-+ 0#]*)(\d+)?(?:\.(\d+))?[hlL]?([a-zA-Z%])/g;
  let used = 0;
  let failed = false;
  const out = template.replace(re, (_m, flags: string, width?: string, prec?: string, conv?: string) => {
    if (conv === '%') return '%';
    used++;
    const precision = prec === undefined ? undefined : Number(prec);
    let body: string;
    switch (conv) {
      case 'd':
      case 'i':
      case 'u':
        body = Number.isFinite(value) ? BigInt(Math.trunc(value)).toString() : '';
        if (!Number.isFinite(value)) failed = true;
        break;
      case 'f':
      case 'F':
        body = pyFixed(value, precision ?? 6);
        break;
      case 'e':
      case 'E':
        body = Number.isFinite(value) ? exponential(value, precision ?? 6, conv === 'E') : pyFixed(value, 0);
        break;
      case 'g':
      case 'G':
        body = general(value, precision ?? 6, flags.includes('#'), conv === 'G');
        break;
      case 's':
      case 'r':
        body = pyFloatStr(value);
        if (precision !== undefined) body = body.slice(0, precision);
        break;
      case 'x':
      case 'X':
      case 'o':
        // Python 3 refuses a float for these
        failed = true;
        body = '';
        break;
      default:
        failed = true;
        body = '';
    }
    if (flags.includes('+') && !body.startsWith('-') && conv !== 's' && conv !== 'r') body = '+' + body;
    else if (flags.includes(' ') && !body.startsWith('-') && conv !== 's' && conv !== 'r') body = ' ' + body;
    const w = width === undefined ? 0 : Number(width);
    if (flags.includes('-')) return pyPad(body, -w);
    if (flags.includes('0') && conv !== 's' && conv !== 'r' && Number.isFinite(value)) {
      const neg = /^[-+ ]/.test(body) ? body.slice(0, 1) : '';
      return neg + body.slice(neg.length).padStart(w - neg.length, '0');
    }
    return pyPad(body, w);
  });
  return failed || used !== 1 ? undefined : out;
}
