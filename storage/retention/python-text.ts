// Python `str` whitespace semantics (str.isspace / str.strip / re's `\s` on str patterns), which differ from
// JavaScript's trim(): Python also strips \x1c-\x1f and \x85 but not \ufeff. Spec: graphite.md §6.4.

/**
 * The characters Python 3.11 counts as whitespace, as the body of a regex character class (usable with or
 * without the `u` flag). Generated from `[hex(c) for c in range(0x110000) if chr(c).isspace()]`.
 */
export const PY_WHITESPACE_CLASS =
  '\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

const LEADING = new RegExp(`^[${PY_WHITESPACE_CLASS}]+`);
const TRAILING = new RegExp(`[${PY_WHITESPACE_CLASS}]+$`);
const NON_SPACE = new RegExp(`[^${PY_WHITESPACE_CLASS}]`);

/** Python's `s.strip()`. */
export function pyStrip(s: string): string {
  return s.replace(LEADING, '').replace(TRAILING, '');
}

/** Python's `s.rstrip()`. */
export function pyRstrip(s: string): string {
  return s.replace(TRAILING, '');
}

/** Index of the first non-whitespace character (configparser's indentation level), or -1 for a blank string. */
export function firstNonSpace(s: string): number {
  return s.search(NON_SPACE);
}
