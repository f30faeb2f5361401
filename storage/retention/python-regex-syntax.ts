// The scanning layer of the Python → JavaScript regex translation: a code-point cursor with Python-style
// error positions, and how Python's classes and literals are spelled in a `u`-mode RegExp. Spec: graphite.md
// §6.4 (carbon compiles `pattern` with Python's re); used by python-regex.ts.
import { StorageError } from '../errors.js';
import { PY_WHITESPACE_CLASS } from './python-text.js';

/** Python's `\d`, `\w`, `\s` on str patterns (Unicode-aware unless `(?a)`), as class bodies. */
export function classBodies(ascii: boolean): Record<'d' | 'w' | 's', string> {
  return ascii
    ? { d: '0-9', w: 'A-Za-z0-9_', s: ' \\t\\n\\r\\f\\v' }
    : { d: '\\p{Nd}', w: '\\p{L}\\p{N}_', s: PY_WHITESPACE_CLASS };
}

/** Escapes that stand for one control character (outside a set `\b` is a word boundary instead). */
export const CONTROL_ESCAPES: Readonly<Record<string, number>> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };
const HEX = /^[0-9a-fA-F]$/;
export const OCTAL = /^[0-7]$/;
export const DIGIT = /^[0-9]$/;
export const ASCII_LETTER = /^[A-Za-z]$/;
export const FLAG_LETTER = /^[aiLmsux]$/;

/** A code point as it may stand in a `u`-mode RegExp, inside (`inClass`) or outside a character class. */
export function literal(cp: number, inClass: boolean): string {
  const ch = String.fromCodePoint(cp);
  const special = inClass ? '\\]^-[' : '\\^$.*+?()[]{}|/';
  if (special.includes(ch)) return `\\${ch}`;
  if (cp < 0x20 || cp === 0x7f) return `\\x${cp.toString(16).padStart(2, '0')}`;
  return ch;
}

/** A cursor over a pattern's code points (Python reports positions in code points too). */
export class PatternScanner {
  protected readonly cps: string[];
  readonly pattern: string;
  protected i = 0;
  constructor(pattern: string) {
    this.pattern = pattern;
    this.cps = Array.from(pattern);
  }

  fail(problem: string, at: number | null = this.i): StorageError {
    const where = at === null ? '' : ` at position ${at}`;
    return new StorageError('STORAGE_ERR_INVALID_SCHEMA', `pattern "${this.pattern}": ${problem}${where}`, {
      context: { pattern: this.pattern, position: at },
    });
  }

  protected peek(offset = 0): string | undefined {
    return this.cps[this.i + offset];
  }

  protected take(): string {
    const ch = this.cps[this.i++];
    if (ch === undefined) throw this.fail('unexpected end of pattern');
    return ch;
  }

  protected takeWhile(max: number, re: RegExp): string {
    let s = '';
    while (s.length < max && re.test(this.peek() ?? '')) s += this.take();
    return s;
  }

  protected hex(kind: string, digits: number): number {
    const s = this.takeWhile(digits, HEX);
    if (s.length !== digits) throw this.fail(`incomplete escape \\${kind}${s}`);
    const cp = parseInt(s, 16);
    if (cp > 0x10ffff) throw this.fail(`bad escape \\${kind}${s}`);
    return cp;
  }

  /** A group name up to `close` (consumed); JavaScript's RegExp then checks it is an identifier. */
  protected groupName(close: string, at: number): string {
    let name = '';
    while (this.peek() !== close) {
      if (this.peek() === undefined) throw this.fail(`missing ${close}, unterminated name`, at);
      name += this.take();
    }
    this.take();
    return name;
  }

  /** `{m,n}` if it is a quantifier by Python's rules, else null (then `{` is a literal). */
  protected braces(): string | null {
    const save = this.i;
    this.take();
    if (this.peek() === '}') {
      this.i = save;
      return null;
    }
    const lo = this.takeWhile(Infinity, DIGIT);
    const comma = this.peek() === ',';
    if (comma) this.take();
    const hi = comma ? this.takeWhile(Infinity, DIGIT) : lo;
    if (this.peek() !== '}') {
      this.i = save;
      return null;
    }
    this.take();
    return `{${lo === '' ? '0' : lo}${comma ? `,${hi}` : ''}}`;
  }
}
