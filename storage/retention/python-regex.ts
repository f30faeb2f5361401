// Translates a Python `re` pattern (as carbon's `re.compile(pattern).search(metric)` reads it) into an
// equivalent JavaScript RegExp, or rejects it naming the construct. Spec: graphite.md §6.4; docs/schemas.md.
// Why a scanner and not string replaces: `(?P<` or `$` mean other things inside [...] and after a backslash.
import {
  ASCII_LETTER,
  CONTROL_ESCAPES,
  DIGIT,
  FLAG_LETTER,
  OCTAL,
  PatternScanner,
  classBodies,
  literal,
} from './python-regex-syntax.js';

interface Flags {
  ignoreCase: boolean;
  dotAll: boolean;
  multiline: boolean;
  ascii: boolean;
}

class Translator extends PatternScanner {
  /** Capturing groups opened so far: Python refuses a back-reference to a later one. */
  #groups = 0;
  readonly flags: Flags = { ignoreCase: false, dotAll: false, multiline: false, ascii: false };

  /** Letters of `(?aiLmsux` at the cursor (without consuming), and the character after them. */
  #flagGroup(): { letters: string; after: string | undefined } | null {
    if (this.peek() !== '(' || this.peek(1) !== '?') return null;
    let n = 2;
    let letters = '';
    while (FLAG_LETTER.test(this.peek(n) ?? '')) letters += this.peek(n++);
    return letters === '' ? null : { letters, after: this.peek(n) };
  }

  /** Leading global flag groups such as `(?i)`, which Python 3.11 allows only at the very start. */
  leadingFlags(): void {
    for (let group = this.#flagGroup(); group?.after === ')'; group = this.#flagGroup()) {
      for (const letter of group.letters) {
        if (letter === 'x')
          throw this.fail('verbose patterns (?x) are not supported; remove the flag and the spacing');
        if (letter === 'L')
          throw this.fail('the (?L) flag is not allowed for text patterns (Python rejects it too)');
        if (letter === 'i') this.flags.ignoreCase = true;
        if (letter === 's') this.flags.dotAll = true;
        if (letter === 'm') this.flags.multiline = true;
        if (letter === 'a') this.flags.ascii = true;
      }
      if (this.flags.ascii && group.letters.includes('u'))
        throw this.fail("flags 'a' and 'u' are incompatible");
      this.i += group.letters.length + 3;
    }
  }

  /** An escape inside [...]: a code point, or a class body for \d \w \s and their negations. */
  #classEscape(): { cp: number } | { body: string } {
    const at = this.i;
    this.take(); // the backslash
    const c = this.take();
    if (c === 'b') return { cp: 8 };
    const control = CONTROL_ESCAPES[c];
    if (control !== undefined) return { cp: control };
    const bodies = classBodies(this.flags.ascii);
    if (c === 'd' || c === 'w' || c === 's') return { body: bodies[c] };
    if (c === 'D') return { body: this.flags.ascii ? '\\D' : '\\P{Nd}' };
    if (c === 'W' && this.flags.ascii) return { body: '\\W' };
    if (c === 'W' || c === 'S')
      throw this.fail(`\\${c} inside [...] has no JavaScript equivalent; use a negated set`, at);
    return { cp: this.#codeEscape(c, at, true) };
  }

  /** \x \u \U \N, octal, and literal escapes shared by both contexts. */
  #codeEscape(c: string, at: number, inClass: boolean): number {
    if (c === 'x') return this.hex('x', 2);
    if (c === 'u') return this.hex('u', 4);
    if (c === 'U') return this.hex('U', 8);
    if (c === 'N')
      throw this.fail('named escapes \\N{…} are not supported; write the character or \\uXXXX', at);
    if (OCTAL.test(c) && (inClass || c === '0')) {
      const cp = parseInt(c + this.takeWhile(2, OCTAL), 8);
      if (cp > 0o377) throw this.fail(`octal escape value \\${cp.toString(8)} outside of range 0-0o377`, at);
      return cp;
    }
    if (DIGIT.test(c) || ASCII_LETTER.test(c)) throw this.fail(`bad escape \\${c}`, at);
    return c.codePointAt(0) ?? 0;
  }

  #escape(): string {
    const at = this.i;
    this.take();
    const c = this.peek();
    if (c === undefined) throw this.fail('bad escape (end of pattern)', at);
    this.take();
    const bodies = classBodies(this.flags.ascii);
    const word = `[${bodies.w}]`;
    switch (c) {
      case 'A':
        return '^';
      case 'Z':
        return '$';
      case 'b':
        return `(?:(?<=${word})(?!${word})|(?<!${word})(?=${word}))`;
      case 'B':
        return `(?:(?<=${word})(?=${word})|(?<!${word})(?!${word}))`;
      case 'd':
      case 'w':
      case 's':
        return `[${bodies[c]}]`;
      case 'D':
      case 'W':
      case 'S':
        return `[^${bodies[c.toLowerCase() as 'd' | 'w' | 's']}]`;
    }
    const control = CONTROL_ESCAPES[c];
    if (control !== undefined) return literal(control, false);
    if (DIGIT.test(c) && c !== '0') {
      // \1..\99 is a group reference, unless it is three octal digits (sre_parse._escape).
      let digits = c;
      if (DIGIT.test(this.peek() ?? '')) {
        digits += this.take();
        if (OCTAL.test(digits[0] ?? '') && OCTAL.test(digits[1] ?? '') && OCTAL.test(this.peek() ?? '')) {
          digits += this.take();
          const cp = parseInt(digits, 8);
          if (cp > 0o377) throw this.fail(`octal escape value \\${digits} outside of range 0-0o377`, at);
          return literal(cp, false);
        }
      }
      if (Number(digits) > this.#groups) throw this.fail(`invalid group reference ${digits}`, at);
      return `\\${digits}(?:)`;
    }
    return literal(this.#codeEscape(c, at, false), false);
  }

  #classAtom(): { cp: number } | { body: string } {
    if (this.peek() === '\\') return this.#classEscape();
    return { cp: this.take().codePointAt(0) ?? 0 };
  }

  /** A character set, parsed like sre_parse: `]` first is literal, ranges need single characters. */
  #set(): string {
    const start = this.i;
    this.take(); // [
    const negate = this.peek() === '^';
    if (negate) this.take();
    const items: string[] = [];
    for (;;) {
      if (this.peek() === undefined) throw this.fail('unterminated character set', start);
      if (this.peek() === ']' && items.length > 0) {
        this.take();
        return `[${negate ? '^' : ''}${items.join('')}]`;
      }
      const itemAt = this.i;
      const first = this.#classAtom();
      if (this.peek() === '-' && this.peek(1) !== undefined && this.peek(1) !== ']') {
        this.take();
        const last = this.#classAtom();
        if (!('cp' in first) || !('cp' in last) || last.cp < first.cp) {
          throw this.fail(`bad character range ${this.cps.slice(itemAt, this.i).join('')}`, itemAt);
        }
        items.push(`${literal(first.cp, true)}-${literal(last.cp, true)}`);
      } else {
        items.push('cp' in first ? literal(first.cp, true) : first.body);
      }
    }
  }

  #group(): string {
    const at = this.i;
    if (this.peek(1) !== '?') {
      this.take();
      this.#groups++;
      return '(';
    }
    const rest = this.cps.slice(this.i + 2, this.i + 4).join('');
    if (rest.startsWith('P<')) {
      this.i += 4;
      this.#groups++;
      return `(?<${this.groupName('>', at)}>`;
    }
    if (rest.startsWith('P=')) {
      this.i += 4;
      return `\\k<${this.groupName(')', at)}>`;
    }
    for (const plain of ['<=', '<!', ':', '=', '!']) {
      if (rest.startsWith(plain)) {
        this.i += 2 + plain.length;
        return `(?${plain}`;
      }
    }
    if (rest.startsWith('#')) {
      while (this.peek() !== ')') {
        if (this.peek() === undefined) throw this.fail('missing ), unterminated comment', at);
        this.take();
      }
      this.take();
      return '';
    }
    const flags = this.#flagGroup();
    if (flags?.after === ')') throw this.fail('global flags not at the start of the expression', at);
    if (flags !== null || rest.startsWith('-')) {
      throw this.fail(
        'scoped inline flags (?i:…) are not supported by JavaScript on Node 20; use a leading (?i)',
        at,
      );
    }
    if (rest.startsWith('('))
      throw this.fail('conditional groups (?(…)…) are not supported by JavaScript', at);
    if (rest.startsWith('>')) throw this.fail('atomic groups (?>…) are not supported by JavaScript', at);
    throw this.fail(`unknown extension (?${rest.slice(0, 2)}`, at);
  }

  #possessiveCheck(): void {
    if (this.peek() === '+')
      throw this.fail('possessive quantifiers (*+, ++, ?+, {m,n}+) are not supported by JavaScript');
  }

  translate(): string {
    let out = '';
    while (this.i < this.cps.length) {
      const c = this.peek() ?? '';
      if (c === '\\') out += this.#escape();
      else if (c === '[') out += this.#set();
      else if (c === '(') out += this.#group();
      else if (c === '{') {
        const quantifier = this.braces();
        if (quantifier === null) {
          this.take();
          out += '\\{';
        } else {
          out += quantifier;
          this.#possessiveCheck();
        }
      } else {
        this.take();
        if (c === '*' || c === '+' || c === '?') {
          out += c;
          this.#possessiveCheck();
        } else if (c === '.') out += this.flags.dotAll ? '[\\s\\S]' : '[^\\n]';
        else if (c === '^') out += this.flags.multiline ? '(?<![^\\n])' : '^';
        else if (c === '$') out += this.flags.multiline ? '(?![^\\n])' : '(?=\\n?$)';
        else if (c === ')' || c === '|') out += c;
        else out += literal(c.codePointAt(0) ?? 0, false);
      }
    }
    return out;
  }
}

/**
 * Compiles a Python regular expression into a RegExp that finds the same matches with `.test()` as Python's
 * `re.search`: `(?P<n>…)` → `(?<n>…)`, `(?P=n)` → `\k<n>`, `\A`/`\Z`, leading `(?i)`/`(?s)`/`(?m)`/`(?a)`,
 * Python's `$` (also before a final newline), `.` (all but \n), Unicode `\d \w \s \b`, `[]…]`, `{,n}`,
 * `(?#…)`, octal escapes. Rejects, with STORAGE_ERR_INVALID_SCHEMA naming the construct and its position,
 * what JavaScript on Node 20 cannot express (scoped flags, possessive and atomic groups, conditionals,
 * `\N{…}`, verbose mode) and what Python itself rejects (bad escapes, misplaced global flags).
 */
export function translatePythonRegex(pattern: string): RegExp {
  const t = new Translator(pattern);
  t.leadingFlags();
  const source = t.translate();
  try {
    return new RegExp(source, t.flags.ignoreCase ? 'iu' : 'u');
  } catch (err) {
    throw t.fail(
      `is not a valid regular expression (${err instanceof Error ? err.message : String(err)})`,
      null,
    );
  }
}
