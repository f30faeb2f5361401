// Python's text parsers that carbon inherits: float() for every line field and pickled value, and the int,
// float and string literal forms of pickle's text opcodes (strtol/int(s, 0), escape codecs).
// Spec: CPython 3.11 floatobject.c, pystrtod.c, longobject.c, Modules/_pickle.c; docs/ingestion.md "Numbers".

/** Non-ASCII characters Python's str.isspace() accepts; float() turns them into spaces before parsing. */
export const PY_UNICODE_SPACES = '\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000';
/** Python's str.split() separators: ASCII whitespace incl. \x1c–\x1f, plus PY_UNICODE_SPACES. */
export const PY_WHITESPACE_RE = new RegExp(`[\\t-\\r\\x1c-\\x20${PY_UNICODE_SPACES}]+`);

const UNICODE_SPACE = new RegExp(`[${PY_UNICODE_SPACES}]`);
const DIGIT = /\p{Nd}/u;
// Float grammar of Python 3.6+: underscores only between two digits; at least one mantissa digit.
const DIGITS = String.raw`\d(?:_?\d)*`;
const DECIMAL = new RegExp(`^[+-]?(?:${DIGITS}(?:\\.(?:${DIGITS})?)?|\\.${DIGITS})(?:[eE][+-]?${DIGITS})?$`);
const SPECIAL = /^([+-]?)(?:(inf|infinity)|nan)$/i;
// PyOS_string_to_double, used by the pickle FLOAT opcode: no underscores, no surrounding whitespace.
const STRTOD = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const C_SPACE = /^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g;

/**
 * Python `float(text)` for a `str`; undefined where Python raises ValueError. Accepts what Python does:
 * `1e3`, `+1`, `-0`, `.5`, `5.`, `1_000`, `inf`/`infinity`/`nan` in any case, surrounding whitespace, and
 * decimal digits of any script (`١٢` is 12). Out-of-range magnitudes give ±Infinity or ±0, as in Python.
 */
export function parsePythonFloat(text: string): number | undefined {
  let ascii = text;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7f) {
      const mapped = toAsciiDigitsAndSpaces(text);
      if (mapped === undefined) return undefined;
      ascii = mapped;
      break;
    }
  }
  return parseAsciiFloat(ascii.replace(C_SPACE, ''));
}

/** Python `float(b)` for `bytes`: ASCII only (no Unicode digits or spaces), otherwise as parsePythonFloat. */
export function parsePythonFloatBytes(bytes: Uint8Array): number | undefined {
  for (const b of bytes) if (b > 0x7f) return undefined;
  return parseAsciiFloat(Buffer.from(bytes).toString('latin1').replace(C_SPACE, ''));
}

type Latin1 = { latin1Slice(start: number, end: number): string };
/** Buffer#latin1Slice: the undocumented primitive behind toString('latin1'), without its argument checks. */
export const latin1 = (buf: Buffer, start: number, end: number): string =>
  (buf as unknown as Latin1).latin1Slice(start, end);

/**
 * Python float() of the ASCII bytes buf[start, end), fast for plain decimals: one without exponent or
 * underscores and with at most 15 digits is an integer below 2^53 divided by an exact power of ten, one
 * correctly rounded division giving the same double as Python. Everything else goes to parsePythonFloat.
 */
export function parseAsciiFloatBytes(buf: Buffer, start: number, end: number): number | undefined {
  let i = start;
  const first = buf[i]!;
  const negative = first === 0x2d;
  if (negative || first === 0x2b) i++;
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < end; i++) {
    const c = buf[i]!;
    if (c >= 0x30 && c <= 0x39) {
      mantissa = mantissa * 10 + (c - 0x30);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (c === 0x2e && fraction < 0) fraction = 0;
    else return parsePythonFloat(latin1(buf, start, end));
  }
  if (digits === 0) return undefined;
  if (digits > 15) return parsePythonFloat(latin1(buf, start, end));
  const value = fraction > 0 ? mantissa / 10 ** fraction : mantissa;
  return negative ? -value : value;
}

function parseAsciiFloat(s: string): number | undefined {
  if (DECIMAL.test(s)) return Number(s.includes('_') ? s.replaceAll('_', '') : s);
  const special = SPECIAL.exec(s);
  if (special === null) return undefined;
  if (special[2] === undefined) return Number.NaN;
  return special[1] === '-' ? -Infinity : Infinity;
}

/** _PyUnicode_TransformDecimalAndSpaceToASCII: Unicode spaces → ' ', decimal digits → '0'–'9', else fail. */
function toAsciiDigitsAndSpaces(text: string): string | undefined {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp <= 0x7f) out += ch;
    else if (UNICODE_SPACE.test(ch)) out += ' ';
    else if (DIGIT.test(ch)) out += String(decimalValue(cp));
    else return undefined;
  }
  return out;
}

/**
 * The value of a Unicode decimal digit. Unicode encodes every Nd digit set as contiguous runs of ten, zero
 * first, so the value is the distance from the start of the run modulo 10 (adjacent sets, like the five
 * mathematical digit sets at U+1D7CE, form one longer run of whole decades).
 */
function decimalValue(cp: number): number {
  let start = cp;
  while (DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return (cp - start) % 10;
}

/**
 * The pickle FLOAT opcode's argument (PyOS_string_to_double): plain ASCII decimal or inf/infinity/nan, no
 * whitespace or underscores; undefined where Python raises (ValueError, or OverflowError for `1e400`).
 */
export function parsePickleFloatText(text: string): number | undefined {
  if (STRTOD.test(text)) {
    const value = Number(text);
    return Number.isFinite(value) ? value : undefined;
  }
  return SPECIAL.test(text) ? parseAsciiFloat(text) : undefined;
}

/** Python caps decimal integer literals at 4300 digits (sys.int_info.default_max_str_digits). */
export const MAX_INT_DIGITS = 4300;

/**
 * `int(text, 0)` as PyLong_FromString does it: optional surrounding whitespace and sign, `0x`/`0o`/`0b`
 * prefixes (an underscore may follow the prefix), single underscores between digits, no leading zeros on
 * non-zero decimals, at most MAX_INT_DIGITS decimal digits. Undefined where Python raises ValueError.
 */
export function parsePythonIntLiteral(text: string): bigint | undefined {
  const m = /^[ \t\n\v\f\r]*([+-]?)(?:0([xob])_?)?([0-9a-f_]+)[ \t\n\v\f\r]*$/i.exec(text);
  if (m === null) return undefined;
  const [, sign, prefix, body] = m as unknown as [string, string, string | undefined, string];
  const base = prefix === undefined ? 10 : { x: 16, o: 8, b: 2 }[prefix.toLowerCase() as 'x' | 'o' | 'b'];
  const digitClass = { 2: '[01]', 8: '[0-7]', 10: '\\d', 16: '[0-9a-f]' }[base];
  if (!new RegExp(`^${digitClass}(?:_?${digitClass})*$`, 'i').test(body)) return undefined;
  const digits = body.replaceAll('_', '');
  if (base === 10 && digits.length > 1 && digits[0] === '0' && /[1-9]/.test(digits)) return undefined;
  if (base === 10 && digits.length > MAX_INT_DIGITS) return undefined;
  const magnitude = BigInt(prefix === undefined ? digits : `0${prefix.toLowerCase()}${digits}`);
  return sign === '-' ? -magnitude : magnitude;
}

/**
 * The pickle INT opcode's argument: C strtol(s, 0) first, where a 2-character literal worth 0 or 1 is a bool
 * (`I01` is True), then int(s, 0). Undefined where Python raises.
 */
export function parsePickleIntText(text: string): bigint | boolean | undefined {
  const strtol = parseStrtolLiteral(text);
  if (strtol === undefined) return parsePythonIntLiteral(text);
  return text.length === 2 && (strtol === 0n || strtol === 1n) ? strtol === 1n : strtol;
}

/** int.from_bytes(bytes, 'little', signed=True), the LONG1/LONG4 encoding. */
export function intFromBytesLE(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n;
  const unsigned = BigInt(`0x${Buffer.from(bytes).reverse().toString('hex')}`);
  return bytes[bytes.length - 1]! >= 0x80 ? unsigned - (1n << BigInt(8 * bytes.length)) : unsigned;
}

/** Python float(x) for an unpickled value; undefined where Python raises (TypeError, ValueError, OverflowError). */
export function pythonFloatOf(x: unknown): number | undefined {
  if (typeof x === 'number') return x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (typeof x === 'string') return parsePythonFloat(x);
  if (x instanceof Uint8Array) return parsePythonFloatBytes(x);
  if (typeof x !== 'bigint') return undefined;
  const n = Number(x); // rounds half to even, as Python does; ±Infinity where Python raises OverflowError
  return Number.isFinite(n) ? n : undefined;
}

/**
 * C `strtol(text, &end, 0)` requiring `end` at the end of the text, as the pickle INT opcode tries first:
 * leading whitespace, sign, then `0x` hex, a leading `0` for octal (so `010` is 8), or decimal. Undefined
 * when the text has anything after the digits or overflows a 64-bit long (the opcode then falls back to
 * parsePythonIntLiteral).
 */
export function parseStrtolLiteral(text: string): bigint | undefined {
  const m = /^[ \t\n\v\f\r]*([+-]?)(?:0[xX]([0-9a-fA-F]+)|(0[0-7]*)|([1-9]\d*))$/.exec(text);
  if (m === null) return undefined;
  const [, sign, hex, octal, decimal] = m;
  const magnitude =
    hex !== undefined ? BigInt(`0x${hex}`) : octal !== undefined ? BigInt(`0o${octal}`) : BigInt(decimal!);
  const value = sign === '-' ? -magnitude : magnitude;
  return value >= -(2n ** 63n) && value < 2n ** 63n ? value : undefined;
}

const ESCAPES = new Map(Object.entries({ n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, "'": 39, '"': 34 }));

/** The STRING opcode's argument: a quoted Python 2 repr, decoded like codecs.escape_decode. */
export function escapeDecode(text: string, error: (what: string) => Error): Buffer {
  const q = text[0];
  if (text.length < 2 || (q !== "'" && q !== '"') || text.at(-1) !== q) {
    throw error('the STRING opcode argument must be quoted');
  }
  const out: number[] = [];
  for (let i = 1; i < text.length - 1; i++) {
    const c = text[i]!;
    if (c !== '\\') {
      out.push(c.charCodeAt(0));
      continue;
    }
    const e = text[++i];
    if (i === text.length - 1 || e === undefined) throw error('trailing \\ in string');
    const octal = /^[0-7]{1,3}/.exec(text.slice(i, Math.min(i + 3, text.length - 1)));
    const simple = e === '\\' ? 0x5c : ESCAPES.get(e);
    if (simple !== undefined) out.push(simple);
    else if (octal !== null) {
      out.push(parseInt(octal[0], 8) & 0xff);
      i += octal[0].length - 1;
    } else if (e === 'x') {
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex) || i + 3 > text.length - 1)
        throw error(`invalid \\x escape at ${i - 2}`);
      out.push(parseInt(hex, 16));
      i += 2;
    } else out.push(0x5c, e.charCodeAt(0));
  }
  return Buffer.from(out);
}

/** The UNICODE opcode's argument: raw-unicode-escape (latin-1; \\uXXXX, \\UXXXXXXXX after an odd run of \\). */
export function rawUnicodeEscapeDecode(text: string, error: (what: string) => Error): string {
  let out = '';
  for (let i = 0; i < text.length;) {
    let j = i;
    while (text[j] === '\\') j++;
    const u = text[j];
    if (j === i || (j - i) % 2 === 0 || (u !== 'u' && u !== 'U')) {
      out += text.slice(i, Math.max(j, i + 1));
      i = Math.max(j, i + 1);
      continue;
    }
    const width = u === 'u' ? 4 : 8;
    const hex = text.slice(j + 1, j + 1 + width);
    if (!/^[0-9a-fA-F]*$/.test(hex) || hex.length < width) throw error(`truncated \\${u} escape`);
    const cp = parseInt(hex, 16);
    if (cp > 0x10ffff) throw error('\\Uxxxxxxxx out of range');
    out += text.slice(i, j - 1) + String.fromCodePoint(cp);
    i = j + 1 + width;
  }
  return out;
}
