// Python `re.match` for user regexes (seriesByTag, /tags filters) in guaranteed linear time: the pattern
// is parsed into a Thompson NFA and run as a Pike VM (O(value × pattern), no backtracking), so ReDoS inputs
// like `(a+)+$` cannot hang the server. Atoms reuse the retention Python→JS translator. Spec: graphite.md §4.3.
import { StorageError } from '../errors.js';
import { translatePythonRegex } from '../retention/python-regex.js';
import { classBodies } from '../retention/python-regex-syntax.js';
import { type AssertKind, type Inst, type Node, type Pred, compileProgram, runProgram } from './pike-vm.js';

const OCTAL = /^[0-7]$/;

class Parser {
  readonly cps: string[];
  i = 0;
  flags = '';
  /** Capturing groups opened so far (Python numbers them by their opening parenthesis). */
  groups = 0;
  readonly names = new Map<string, number>();
  constructor(readonly pattern: string) {
    this.cps = Array.from(pattern);
  }

  fail(problem: string, at = this.i): StorageError {
    return new StorageError(
      'STORAGE_ERR_INVALID_TAG_EXPRESSION',
      `regex "${this.pattern}": ${problem} at position ${at}`,
      {
        context: { regex: this.pattern, position: at },
      },
    );
  }

  peek(n = 0): string | undefined {
    return this.cps[this.i + n];
  }

  /** A predicate for one atom, through the retention translator (flags, Unicode classes, escapes). */
  atom(source: string, at: number): Pred {
    let re: RegExp;
    try {
      re = translatePythonRegex(`${this.flags === '' ? '' : `(?${this.flags})`}${source}`);
    } catch (err) {
      throw this.fail(err instanceof Error ? err.message.replace(/^pattern "[^"]*": /, '') : String(err), at);
    }
    const whole = new RegExp(`^(?:${re.source})$`, re.flags);
    return (ch) => whole.test(ch);
  }

  leadingFlags(): void {
    for (let m = /^\(\?([aiLmsux]+)\)/.exec(this.cps.slice(this.i).join('')); m;) {
      if (/[xL]/.test(m[1] ?? '')) throw this.fail(`flag (?${m[1]}) is not supported`);
      this.flags += m[1] ?? '';
      this.i += m[0].length;
      m = /^\(\?([aiLmsux]+)\)/.exec(this.cps.slice(this.i).join(''));
    }
  }

  alternation(): Node {
    const items = [this.sequence()];
    while (this.peek() === '|') {
      this.i++;
      items.push(this.sequence());
    }
    return items.length === 1 ? (items[0] as Node) : { t: 'alt', items };
  }

  sequence(): Node {
    const items: Node[] = [];
    for (let c = this.peek(); c !== undefined && c !== '|' && c !== ')'; c = this.peek()) {
      const q = this.quantifier();
      if (q === null) {
        const item = this.item();
        if (item !== null) items.push(item);
        continue;
      }
      const last = items.pop();
      if (last === undefined || last.t === 'assert') throw this.fail('nothing to repeat');
      if (last.t === 'rep' && last.min !== -1 && this.#justRepeated) throw this.fail('multiple repeat');
      const lazy = this.peek() === '?';
      if (lazy) this.i++;
      else if (this.peek() === '+') throw this.fail('possessive quantifiers are not supported');
      items.push({ t: 'rep', node: last, ...q, lazy });
      this.#justRepeated = true;
    }
    this.#justRepeated = false;
    return { t: 'cat', items };
  }

  #justRepeated = false;

  quantifier(): { min: number; max: number } | null {
    const c = this.peek();
    const at = this.i;
    if (c === '*' || c === '+' || c === '?') {
      this.i++;
      return { min: c === '+' ? 1 : 0, max: c === '?' ? 1 : Infinity };
    }
    if (c !== '{') return null;
    const m = /^\{(\d*)(,?)(\d*)\}/.exec(this.cps.slice(this.i, this.i + 24).join(''));
    if (m === null || m[0] === '{}' || (m[2] === '' && m[3] !== '')) return null;
    this.i += m[0].length;
    const min = m[1] === '' ? 0 : Number(m[1]);
    const max = m[2] === '' ? min : m[3] === '' ? Infinity : Number(m[3]);
    if (max < min) throw this.fail('min repeat greater than max repeat', at);
    return { min, max };
  }

  item(): Node | null {
    this.#justRepeated = false;
    const at = this.i;
    const c = this.cps[this.i++] ?? '';
    const multiline = this.flags.includes('m');
    if (c === '.') return { t: 'char', pred: this.flags.includes('s') ? () => true : (ch) => ch !== '\n' };
    if (c === '^') return { t: 'assert', kind: multiline ? 'bol' : 'start' };
    if (c === '$') return { t: 'assert', kind: multiline ? 'meol' : 'eol' };
    if (c === '(') return this.group(at);
    if (c === '[') {
      if (this.peek() === '^') this.i++;
      if (this.peek() === ']') this.i++;
      while (this.peek() !== ']') {
        if (this.peek() === undefined) throw this.fail('unterminated character set', at);
        if (this.cps[this.i++] === '\\') this.i++;
      }
      this.i++;
    } else if (c === '\\') {
      const e = this.cps[this.i++];
      if (e === undefined) throw this.fail('bad escape (end of pattern)', at);
      const kinds: Record<string, AssertKind> = { A: 'start', Z: 'end', b: 'word', B: 'nonword' };
      const kind = kinds[e];
      if (kind !== undefined) return { t: 'assert', kind };
      const three = OCTAL.test(e) && OCTAL.test(this.peek() ?? '') && OCTAL.test(this.peek(1) ?? '');
      if (/^[1-9]$/.test(e) && !three) throw this.fail('back-references are not supported', at);
      const extra: Record<string, number> = { x: 2, u: 4, U: 8 };
      if (three) this.i += 2;
      else if (e === '0') while (this.i - at < 4 && OCTAL.test(this.peek() ?? '')) this.i++;
      else this.i += Math.min(extra[e] ?? 0, this.cps.length - this.i);
    }
    return { t: 'char', pred: this.atom(this.cps.slice(at, this.i).join(''), at) };
  }

  group(at: number): Node | null {
    let index = 0;
    const outerFlags = this.flags;
    if (this.peek() === '?') {
      const rest = this.cps.slice(this.i + 1, this.i + 4).join('');
      const scoped = /^\?([aiLmsux]*)(?:-([imsx]*))?:/.exec(this.cps.slice(this.i, this.i + 16).join(''));
      if (rest.startsWith(':')) this.i += 2;
      else if (scoped !== null && /[a-zA-Z]/.test(scoped[0])) {
        const [on = '', off = ''] = [scoped[1], scoped[2]];
        if (/[xL]/.test(on + off))
          throw this.fail(`flag (?${on}${off === '' ? '' : `-${off}`}) is not supported`);
        if (on.includes('a') && on.includes('u'))
          throw this.fail("bad inline flags: flags 'a' and 'u' are incompatible");
        this.flags = [...new Set(outerFlags + on)].filter((f) => !off.includes(f)).join('');
        this.i += scoped[0].length;
      } else if (rest.startsWith('P<')) {
        this.i += 3;
        const nameAt = this.i;
        let name = '';
        while (this.peek() !== '>') {
          if (this.peek() === undefined) throw this.fail('missing >, unterminated name', nameAt);
          name += this.cps[this.i++] ?? '';
        }
        this.i++;
        if (name === '') throw this.fail('missing group name', nameAt);
        if (!/^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u.test(name))
          throw this.fail(`bad character in group name '${name}'`, nameAt);
        if (this.names.has(name)) throw this.fail(`redefinition of group name '${name}'`, nameAt);
        index = ++this.groups;
        this.names.set(name, index);
      } else if (rest.startsWith('#')) {
        while (this.peek() !== ')') {
          if (this.peek() === undefined) throw this.fail('missing ), unterminated comment', at);
          this.i++;
        }
        this.i++;
        return null;
      } else if (rest.startsWith('P=')) throw this.fail('back-references are not supported', at);
      else if (/^(=|!|<=|<!)/.test(rest)) throw this.fail('lookarounds are not supported', at);
      else if (/^[aiLmsux-]+\)/.test(rest))
        throw this.fail('global flags not at the start of the expression', at);
      else throw this.fail(`unsupported group (?${rest.slice(0, 2)}`, at);
    } else index = ++this.groups;
    const inner = this.alternation();
    if (this.peek() !== ')') throw this.fail('missing ), unterminated subpattern', at);
    this.i++;
    this.flags = outerFlags;
    return index === 0 ? inner : { t: 'group', index, node: inner };
  }
}

/** A compiled Python regex: `match(value)` answers `re.match(pattern, value) is not None`. */
export interface PythonRegex {
  readonly source: string;
  match(value: string): boolean;
}

/**
 * Compiles a Python regular expression for `re.match` (anchored at the start, prefix match). Supports
 * what tag regexes use: literals, `.`, sets, `\d \w \s \b \A \Z`, groups `(…)` `(?:…)` `(?P<n>…)`,
 * `|`, greedy and lazy `* + ? {m,n}`, leading `(?aims)`. Refuses, with STORAGE_ERR_INVALID_TAG_EXPRESSION,
 * back-references, lookarounds, possessive/atomic/conditional groups: they cannot run in linear time.
 */
export function compilePythonRegex(pattern: string): PythonRegex {
  const { tree, isWord } = parsePythonRegex(pattern);
  const prog: Inst[] = [];
  compileProgram(tree, prog, pattern);
  prog.push({ op: 'match' });
  return { source: pattern, match: (value) => runProgram(prog, Array.from(value), isWord) };
}

/** A parsed Python pattern: its tree, capturing group count and names, and what `\b` counts as a word. */
export interface ParsedRegex {
  tree: Node;
  groups: number;
  names: ReadonlyMap<string, number>;
  isWord: (ch: string | undefined) => boolean;
}

/** Parses a Python pattern (the syntax {@link compilePythonRegex} accepts) keeping its capturing groups. */
export function parsePythonRegex(pattern: string): ParsedRegex {
  const parser = new Parser(pattern);
  parser.leadingFlags();
  const tree = parser.alternation();
  if (parser.i < parser.cps.length) throw parser.fail('unbalanced parenthesis');
  const wordRe = new RegExp(`^[${classBodies(parser.flags.includes('a')).w}]$`, 'u');
  return {
    tree,
    groups: parser.groups,
    names: parser.names,
    isWord: (ch) => ch !== undefined && wordRe.test(ch),
  };
}
