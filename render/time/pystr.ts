// The few Python str/int behaviours graphite-web's render/attime.py relies on (strip, isdigit, isalpha, int),
// reproduced for any Unicode input so that odd inputs are accepted or rejected exactly as there.

/** An input the time grammar rejects; parseATTime/parseTimeOffset turn it into a RenderError. */
export class TimeSyntaxError extends Error {}

// str.isspace() of Python 3.11: more than JS \s in the C1/control range, and no U+FEFF.
const PY_SPACE =
  '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const STRIP = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, 'g');

// Characters for which Python's isdigit() is true but int() fails (superscripts, circled digits, …).
const NON_DECIMAL_DIGIT =
  /[\u{B2}-\u{B3}\u{B9}\u{1369}-\u{1371}\u{19DA}\u{2070}\u{2074}-\u{2079}\u{2080}-\u{2089}\u{2460}-\u{2468}\u{2474}-\u{247C}\u{2488}-\u{2490}\u{24EA}\u{24F5}-\u{24FD}\u{24FF}\u{2776}-\u{277E}\u{2780}-\u{2788}\u{278A}-\u{2792}\u{10A40}-\u{10A43}\u{10E60}-\u{10E68}\u{11052}-\u{1105A}\u{1F100}-\u{1F10A}]/u;
const DECIMAL = /\p{Nd}/u;
const LETTER = /\p{L}/u;

/** Stand-ins after {@link normalizeChars}: a digit int() refuses, a letter, anything else outside the BMP. */
const BAD_DIGIT = '\uE001';
const OTHER = '\uE000';

/** Python's str.strip() with no argument. */
export function pyStrip(s: string): string {
  return s.replace(STRIP, '');
}

/**
 * Rewrites `s` so that one UTF-16 unit is one Python character and every decimal digit is ASCII: any decimal
 * digit (Arabic-Indic, fullwidth, …) becomes its ASCII value, which int() would read the same way.
 */
export function normalizeChars(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) out += ch;
    else if (DECIMAL.test(ch)) out += String(decimalValue(cp));
    else if (NON_DECIMAL_DIGIT.test(ch)) out += BAD_DIGIT;
    else if (cp > 0xffff) out += LETTER.test(ch) ? 'ª' : OTHER;
    else out += ch;
  }
  return out;
}

// Unicode lays decimal digits out as runs of 0..9, so a digit's value is its distance from the run start.
function decimalValue(cp: number): number {
  let start = cp;
  while (DECIMAL.test(String.fromCodePoint(start - 1))) start -= 1;
  return (cp - start) % 10;
}

/** Python's str.isdigit() on a normalized string (false for ''). */
export function isDigits(s: string): boolean {
  return /^[0-9\uE001]+$/.test(s);
}

/** Python's int(s) on a normalized string: surrounding whitespace, an optional sign, decimal digits. */
export function pyInt(s: string): number {
  const m = /^([+-]?)([0-9]+)$/.exec(pyStrip(s));
  // Python 3.11 refuses to convert strings of more than 4300 digits.
  if (m === null || (m[2] ?? '').length > 4300)
    throw new TimeSyntaxError(`invalid literal for int(): '${s}'`);
  const n = Number(m[2]);
  return m[1] === '-' ? -n : n;
}

/** Python's `a % b` for positive `b` (never negative). */
export function pyMod(a: number, b: number): number {
  return ((a % b) + b) % b;
}
