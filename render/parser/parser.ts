// Hand-written parser of target expressions: graphite-web's pyparsing grammar (render/grammar_unsafe.py) with
// its first-match choices, calls memoized so that it runs in linear time. Unlike graphite-web, which ignores
// whatever follows the longest parsable prefix, the whole target must parse (unless `prefix` is asked for).
import { RenderError } from '../errors.js';
import type { CallNode, KwArg, Node, PathNode, TemplateNode } from './ast.js';
import { scanPath } from './path.js';
import { expandTabs, scanIdent, scanKeyword, scanNumber, scanString, skipSpace } from './lexer.js';
import { checkNesting, checkTargetLength, checkTemplateCalls, checkTreeSize } from './limits.js';

interface Parsed<T extends Node = Node> {
  node: T;
  end: number;
}

interface ArgList {
  args: Node[];
  kwargs: KwArg[];
  end: number;
}

class Parser {
  readonly #text: string;
  /** Furthest position where something was expected, and what: the error reports it. */
  #failPos = -1;
  #expected: string[] = [];
  readonly #calls = new Map<number, Parsed<CallNode> | null>();

  constructor(text: string) {
    this.#text = text;
  }

  parseTarget(prefix: boolean): Node {
    const text = this.#text;
    const start = skipSpace(text, 0);
    const parsed = this.#expression(start, 0);
    if (parsed === null) {
      this.#expect(start, 'a metric path or function call');
    } else {
      const end = skipSpace(text, parsed.end);
      if (end === text.length || prefix) return parsed.node;
      this.#expect(end, 'end of target');
    }
    throw this.#error();
  }

  #expect(pos: number, what: string): void {
    if (pos > this.#failPos) {
      this.#failPos = pos;
      this.#expected = [];
    }
    if (pos === this.#failPos && !this.#expected.includes(what)) this.#expected.push(what);
  }

  #error(): RenderError {
    const text = this.#text;
    const pos = this.#failPos;
    const cp = text.codePointAt(pos);
    const found = cp === undefined ? 'end of target' : JSON.stringify(String.fromCodePoint(cp));
    const shown = text.length > 200 ? `${text.slice(Math.max(0, pos - 100), pos + 100)}` : text;
    return new RenderError(
      'RENDER_ERR_PARSE',
      `Expected ${this.#expected.join(' or ')} at position ${pos} but found ${found} in ${JSON.stringify(shown)}`,
      { context: { pos, target: text } },
    );
  }

  /** pipedExpression: (template | call | path) followed by `| call` pieces, folded into nested calls. */
  #expression(pos: number, depth: number): Parsed | null {
    const head: Parsed | null = this.#template(pos, depth) ?? this.#call(pos, depth) ?? this.#path(pos);
    if (head === null) return null;
    let { node, end } = head;
    for (;;) {
      const bar = skipSpace(this.#text, end);
      if (this.#text.charCodeAt(bar) !== 0x7c) break;
      const at = skipSpace(this.#text, bar + 1);
      const piped = this.#call(at, depth);
      if (piped === null) {
        this.#expect(at, 'a function call');
        break;
      }
      node = { ...piped.node, args: [node, ...piped.node.args], piped: true };
      end = piped.end;
    }
    return { node, end };
  }

  /** funcname ( args [, kwargs] ); memoized by position because template() and kwargs re-try calls. */
  #call(pos: number, depth: number): Parsed<CallNode> | null {
    const text = this.#text;
    const nameEnd = scanIdent(text, pos);
    if (nameEnd < 0) return null;
    const open = skipSpace(text, nameEnd);
    if (text.charCodeAt(open) !== 0x28) return null;
    const memo = this.#calls.get(pos);
    if (memo !== undefined) return memo;
    const result = this.#callArgs(pos, nameEnd, open, depth);
    this.#calls.set(pos, result);
    return result;
  }

  #callArgs(pos: number, nameEnd: number, open: number, depth: number): Parsed<CallNode> | null {
    const text = this.#text;
    checkNesting(depth + 1, pos, text);
    const list = this.#argList(open + 1, depth + 1);
    const close = skipSpace(text, list.end);
    if (text.charCodeAt(close) !== 0x29) {
      this.#expect(close, '")"');
      return null;
    }
    const node: CallNode = {
      type: 'call',
      name: text.slice(pos, nameEnd),
      args: list.args,
      kwargs: list.kwargs,
      raw: text.slice(pos, close + 1),
      pos,
    };
    return { node, end: close + 1 };
  }

  /** At least one positional argument, then keyword arguments; `end` is where the list stopped. */
  #argList(pos: number, depth: number): ArgList {
    const args: Node[] = [];
    const kwargs: KwArg[] = [];
    const first = skipSpace(this.#text, pos);
    // A keyword argument in first place makes the whole list fail, as `~kwarg + arg` does in the grammar.
    if (this.#kwarg(first, depth) !== null) return { args, kwargs, end: pos };
    const arg = this.#arg(first, depth);
    if (arg === null) return { args, kwargs, end: pos };
    args.push(arg.node);
    let end = arg.end;
    let inKwargs = false;
    for (;;) {
      const comma = skipSpace(this.#text, end);
      if (this.#text.charCodeAt(comma) !== 0x2c) {
        this.#expect(comma, '","');
        break;
      }
      const next = skipSpace(this.#text, comma + 1);
      const kwarg = this.#kwarg(next, depth);
      if (kwarg !== null) {
        inKwargs = true;
        kwargs.push({ name: kwarg.name, value: kwarg.node });
        end = kwarg.end;
        continue;
      }
      if (inKwargs) {
        this.#expect(next, 'a keyword argument (positional arguments come first)');
        break;
      }
      const positional = this.#arg(next, depth);
      if (positional === null) break;
      args.push(positional.node);
      end = positional.end;
    }
    return { args, kwargs, end };
  }

  /** argname = arg */
  #kwarg(pos: number, depth: number): (Parsed & { name: string }) | null {
    const text = this.#text;
    const nameEnd = scanIdent(text, pos);
    if (nameEnd < 0) return null;
    const eq = skipSpace(text, nameEnd);
    if (text.charCodeAt(eq) !== 0x3d) return null;
    const value = this.#arg(skipSpace(text, eq + 1), depth);
    return value === null ? null : { ...value, name: text.slice(pos, nameEnd) };
  }

  /** boolean | number | none | string | inf | expression, first match wins. */
  #arg(pos: number, depth: number): Parsed | null {
    const text = this.#text;
    for (const word of ['TRUE', 'FALSE']) {
      const end = scanKeyword(text, pos, word);
      if (end >= 0)
        return { node: { type: 'boolean', value: word === 'TRUE', raw: text.slice(pos, end) }, end };
    }
    const literal = this.#literal(pos);
    if (literal !== null) return literal;
    const inf = scanKeyword(text, pos, 'INF');
    if (inf >= 0) return { node: { type: 'inf', raw: text.slice(pos, inf) }, end: inf };
    const expression = this.#expression(pos, depth);
    if (expression === null) {
      const c = text.charCodeAt(pos);
      this.#expect(pos, c === 0x22 || c === 0x27 ? 'a closing quote on one line' : 'an argument');
    }
    return expression;
  }

  /** number | none | string — the part of `arg` a template's literal arguments share (minus none). */
  #literal(pos: number, template = false): Parsed | null {
    const text = this.#text;
    const number = scanNumber(text, pos);
    if (number !== null) {
      // Python's int() has no negative zero.
      const value = number.integer ? Number(number.ascii) + 0 : Number(number.ascii);
      const raw = text.slice(pos, number.end);
      return { node: { type: 'number', value, integer: number.integer, raw }, end: number.end };
    }
    if (!template) {
      const none = scanKeyword(text, pos, 'NONE');
      if (none >= 0) return { node: { type: 'none' }, end: none };
    }
    const end = scanString(text, pos);
    if (end < 0) return null;
    const quote = text[pos] === '"' ? '"' : "'";
    return { node: { type: 'string', value: text.slice(pos + 1, end - 1), quote }, end };
  }

  /** template ( call|path [, litargs | litkwargs] ) — literal arguments either all positional or all keyword. */
  #template(pos: number, depth: number): Parsed<TemplateNode> | null {
    const text = this.#text;
    if (!text.startsWith('template', pos)) return null;
    const open = skipSpace(text, pos + 8);
    if (text.charCodeAt(open) !== 0x28) return null;
    checkNesting(depth + 1, pos, text);
    const start = skipSpace(text, open + 1);
    const inner = this.#call(start, depth + 1) ?? this.#path(start);
    if (inner === null) return null;
    const args: Node[] = [];
    const kwargs: KwArg[] = [];
    let end = inner.end;
    for (;;) {
      const comma = skipSpace(text, end);
      if (text.charCodeAt(comma) !== 0x2c) break;
      const next = skipSpace(text, comma + 1);
      const kwarg = this.#litKwarg(next);
      if (kwarg !== null) {
        if (args.length > 0) break;
        kwargs.push({ name: kwarg.name, value: kwarg.node });
        end = kwarg.end;
        continue;
      }
      const literal = kwargs.length > 0 ? null : this.#literal(next, true);
      if (literal === null) break;
      args.push(literal.node);
      end = literal.end;
    }
    const close = skipSpace(text, end);
    if (text.charCodeAt(close) !== 0x29) return null;
    return { node: { type: 'template', expr: inner.node, args, kwargs, pos }, end: close + 1 };
  }

  #litKwarg(pos: number): (Parsed & { name: string }) | null {
    const text = this.#text;
    const nameEnd = scanIdent(text, pos);
    if (nameEnd < 0) return null;
    const eq = skipSpace(text, nameEnd);
    if (text.charCodeAt(eq) !== 0x3d) return null;
    const value = this.#literal(skipSpace(text, eq + 1), true);
    return value === null ? null : { ...value, name: text.slice(pos, nameEnd) };
  }

  #path(pos: number): Parsed<PathNode> | null {
    const scanned = scanPath(this.#text, pos, (at, what) => this.#expect(at, what));
    return scanned === null ? null : { node: { type: 'path', path: scanned.path, pos }, end: scanned.end };
  }
}

/** Options of parse(). */
export interface ParseOptions {
  /**
   * Do what graphite-web itself does: take the longest parsable prefix and ignore the rest (`sumSeries(a.b`
   * is the path `sumSeries`), and leave calls named template in the tree. For reading series names, as
   * graphite-web's _getFirstPathExpression does; never for targets.
   */
  prefix?: boolean;
}

/**
 * Parses a target expression into its syntax tree, pipes desugared (`a|f(1)` is f(a, 1) with `piped: true`).
 * The whole target must parse (graphite-web ignores what follows the longest parsable prefix: see
 * `options.prefix`). Throws RENDER_ERR_PARSE (context `{pos, target}`, pos a 0-based UTF-16 offset) when it
 * does not, and RENDER_ERR_TOO_COMPLEX beyond the limits in limits.ts. Callers skip blank targets first, as
 * graphite-web does. Tabs are expanded to spaces first, as pyparsing does: positions and `raw` texts refer to
 * the expanded target, which differs only when the target has tabs.
 */
export function parse(target: string, options: ParseOptions = {}): Node {
  checkTargetLength(target);
  const text = expandTabs(target);
  checkTargetLength(text);
  const root = new Parser(text).parseTarget(options.prefix === true);
  checkTreeSize(root, text);
  if (options.prefix !== true) checkTemplateCalls(root, text);
  return root;
}
