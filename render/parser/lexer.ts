// Character classes and token scanners of graphite-web's target grammar (render/grammar_unsafe.py, pyparsing 3.0
// with UTF8_METRICS=True). Each scanner reads one token at a position and returns where it ends, or -1.

/** pyparsing's default whitespace, skipped between tokens (and nothing else: no \f, \v or NBSP). */
export function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/**
 * Python's str.expandtabs(): pyparsing expands tabs (8 columns, counted in code points from the last CR or LF)
 * before parsing, so a tab inside a quoted string or a seriesByTag() call reaches graphite-web as spaces.
 */
export function expandTabs(text: string): string {
  if (!text.includes('\t')) return text;
  const out: string[] = [];
  let column = 0;
  for (const ch of text) {
    if (ch === '\t') {
      const n = 8 - (column % 8);
      out.push(' '.repeat(n));
      column += n;
    } else {
      out.push(ch);
      column = ch === '\n' || ch === '\r' ? 0 : column + 1;
    }
  }
  return out.join('');
}

/** Skips pyparsing whitespace from `pos`. */
export function skipSpace(text: string, pos: number): number {
  let p = pos;
  while (p < text.length && isSpace(text.charCodeAt(p))) p++;
  return p;
}

const SYMBOLS = '(){},.\'"\\|';

/** Characters a backslash may escape in a path: the path symbols plus `=`. */
export function isEscapable(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && (SYMBOLS.includes(ch) || ch === '=');
}

/**
 * A path character: pyparsing_unicode.printables (every code point from 0x21 Python does not call a space)
 * minus the path symbols. Works on UTF-16 code units: surrogates are accepted, as every astral code point is.
 */
export function isMetricChar(code: number): boolean {
  if (!(code > 0x20)) return false; // also NaN, past the end
  if (code < 0x7f) return !SYMBOLS.includes(String.fromCharCode(code));
  return !(
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** An ASCII letter, digit or `_` (pyparsing alphanums + '_'); `first` excludes digits. */
export function isIdentChar(code: number, first = false): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    code === 0x5f ||
    (!first && code >= 0x30 && code <= 0x39)
  );
}

/** Scans `[A-Za-z_][A-Za-z0-9_]*` (funcname, argname); returns the end or -1. */
export function scanIdent(text: string, pos: number): number {
  if (!isIdentChar(text.charCodeAt(pos), true)) return -1;
  let p = pos + 1;
  while (p < text.length && isIdentChar(text.charCodeAt(p))) p++;
  return p;
}

/** Python 3.10's str.upper() for the keyword letters: `ı` is I and `ſ` is S to it. */
function upperChar(code: number): number {
  if (code >= 0x61 && code <= 0x7a) return code - 0x20;
  if (code === 0x131) return 0x49;
  if (code === 0x17f) return 0x53;
  return code;
}

/** Keyword.DEFAULT_KEYWORD_CHARS (alphanums + `_$`), compared after upper(). */
function isKeywordChar(code: number): boolean {
  return isIdentChar(upperChar(code)) || code === 0x24;
}

/**
 * pyparsing CaselessKeyword: `word` (upper case) matched case-insensitively, not preceded nor followed by a
 * keyword character. Returns the end or -1.
 */
export function scanKeyword(text: string, pos: number, word: string): number {
  const end = pos + word.length;
  if (end > text.length) return -1;
  for (let i = 0; i < word.length; i++) {
    if (upperChar(text.charCodeAt(pos + i)) !== word.charCodeAt(i)) return -1;
  }
  if (pos > 0 && isKeywordChar(text.charCodeAt(pos - 1))) return -1;
  if (end < text.length && isKeywordChar(text.charCodeAt(end))) return -1;
  return end;
}

/**
 * pyparsing quotedString: a quote, then characters other than that quote, CR, LF and backslash, doubled
 * quotes, or a backslash and any character (`\x` needs hex digits after it); then the same quote. Scanned
 * greedily without backtracking, as the Regex + Literal pair does. Returns the end or -1.
 */
export function scanString(text: string, pos: number): number {
  const quote = text.charCodeAt(pos);
  if (quote !== 0x22 && quote !== 0x27) return -1;
  let p = pos + 1;
  for (;;) {
    const c = text.charCodeAt(p);
    if (Number.isNaN(c) || c === 0x0a || c === 0x0d) return -1;
    if (c === quote) {
      if (text.charCodeAt(p + 1) !== quote) return p + 1;
      p += 2;
    } else if (c === 0x5c) {
      const next = text.charCodeAt(p + 1);
      if (Number.isNaN(next)) return -1;
      if (next !== 0x78) {
        p += 2;
        continue;
      }
      let q = p + 2;
      while (isHexDigit(text.charCodeAt(q))) q++;
      if (q === p + 2) return -1;
      p = q;
    } else {
      p++;
    }
  }
}

function isHexDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x66) || (code >= 0x41 && code <= 0x46);
}

/** First code point of each run of ten Unicode decimal digits Python 3.10 (Unicode 14) reads as `\d`. */
const DIGIT_ZEROS = [
  0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50,
  0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40,
  0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0, 0x10d30, 0x11066, 0x110f0,
  0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50,
  0x11da0, 0x16a60, 0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950,
  0x1fbf0,
];

/** The value of a decimal digit code point (Python's `\d` and int()), or -1. */
function digitValue(cp: number): number {
  if (cp >= 0x30 && cp <= 0x39) return cp - 0x30;
  if (cp < 0x660) return -1;
  for (const zero of DIGIT_ZEROS) {
    if (cp >= zero && cp < zero + 10) return cp - zero;
  }
  return -1;
}

/** Scans `\d+` from `pos`, appending ASCII digits to `out`; returns the end (=== pos when there are none). */
function scanDigits(text: string, pos: number, out: string[]): number {
  let p = pos;
  for (;;) {
    const cp = text.codePointAt(p);
    if (cp === undefined) return p;
    const d = digitValue(cp);
    if (d < 0) return p;
    out.push(String(d));
    p += cp > 0xffff ? 2 : 1;
  }
}

/** `-?\d+` (with the `\.\d+` fraction when `fraction`); returns the end or -1. */
function scanDecimal(text: string, pos: number, out: string[], fraction: boolean): number {
  let p = pos;
  if (text.charCodeAt(p) === 0x2d) {
    out.push('-');
    p++;
  }
  const intEnd = scanDigits(text, p, out);
  if (intEnd === p) return -1;
  if (!fraction) return intEnd;
  if (text.charCodeAt(intEnd) !== 0x2e) return -1;
  out.push('.');
  const fracEnd = scanDigits(text, intEnd + 1, out);
  return fracEnd === intEnd + 1 ? -1 : fracEnd;
}

/** A number token: where it ends, its ASCII spelling and whether Python reads it as an int. */
export interface NumberToken {
  end: number;
  ascii: string;
  integer: boolean;
}

/**
 * grammar_unsafe's afterNumber: a `,`, a `)` or the end of the target, after any whitespace. (Its LineEnd
 * never matches a newline: FollowedBy skips the newline as whitespace first.)
 */
function isAfterNumber(text: string, pos: number): boolean {
  const p = skipSpace(text, pos);
  const c = text.charCodeAt(p);
  return c === 0x2c || c === 0x29 || p === text.length;
}

/**
 * grammar_unsafe's `number`: scientific, then float, then int, each only when followed by `,`, `)` or a line
 * end (so `1a.b` and `5min` are paths). Digits are Python's `\d`, which includes non-ASCII decimal digits.
 */
export function scanNumber(text: string, pos: number): NumberToken | null {
  const first = text.codePointAt(text.charCodeAt(pos) === 0x2d ? pos + 1 : pos);
  if (first === undefined || digitValue(first) < 0) return null;
  const candidates: Array<() => NumberToken | null> = [
    () => {
      const out: string[] = [];
      let p = scanDecimal(text, pos, out, true);
      if (p < 0) {
        out.length = 0;
        p = scanDecimal(text, pos, out, false);
      }
      if (p < 0 || (text.charCodeAt(p) | 0x20) !== 0x65) return null;
      out.push('e');
      const end = scanDecimal(text, p + 1, out, false);
      return end < 0 ? null : { end, ascii: out.join(''), integer: false };
    },
    () => {
      const out: string[] = [];
      const end = scanDecimal(text, pos, out, true);
      return end < 0 ? null : { end, ascii: out.join(''), integer: false };
    },
    () => {
      const out: string[] = [];
      const end = scanDecimal(text, pos, out, false);
      return end < 0 ? null : { end, ascii: out.join(''), integer: true };
    },
  ];
  for (const candidate of candidates) {
    const token = candidate();
    if (token !== null && isAfterNumber(text, token.end)) return token;
  }
  return null;
}
