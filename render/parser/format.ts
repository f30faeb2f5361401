// Prints a syntax tree back as canonical target text (no optional spaces, pipes kept as pipes) that parse()
// reads back to the same tree; the grammar is graphite-web's render/grammar_unsafe.py, as in parser.ts.
import type { CallNode, KwArg, Node, NumberNode, PathNode, TemplateNode } from './ast.js';
import { isEscapable, scanIdent, scanKeyword, scanNumber, scanString } from './lexer.js';
import { parse } from './parser.js';

/** Where a node is printed: each place reads paths and literals differently. */
type Place = 'top' | 'arg' | 'head' | 'argHead' | 'templateExpr';

/**
 * Canonical target text of a tree: `formatNode(parse(x)) === x` when `x` is canonical, and
 * `parse(formatNode(n))` equals `n` apart from `pos` and `raw` (a piped call is printed as an ordinary call
 * where a pipe cannot be written, as inside template()). Literals print as they would be written as arguments.
 * Throws a RangeError for a tree no target text produces (a path with a space, a call named template, …).
 */
export function formatNode(node: Node): string {
  return format(node, 'top');
}

function format(node: Node, place: Place): string {
  switch (node.type) {
    case 'path':
      return formatPath(node, place);
    case 'call':
      return formatCall(node, place);
    case 'template':
      return formatTemplate(node);
    case 'number':
      return formatNumber(node);
    case 'string': {
      const text = `${node.quote}${node.value}${node.quote}`;
      if (scanString(text, 0) !== text.length) throw unwritable(node, 'its quote or a line break');
      return text;
    }
    case 'boolean':
      return scanKeyword(node.raw, 0, node.value ? 'TRUE' : 'FALSE') === node.raw.length
        ? node.raw
        : String(node.value);
    case 'inf':
      return scanKeyword(node.raw, 0, 'INF') === node.raw.length ? node.raw : 'inf';
    case 'none':
      return 'None';
  }
}

function unwritable(node: Node, why: string): RangeError {
  return new RangeError(
    `formatNode: no target text gives this ${node.type} (${why}): ${JSON.stringify(node)}`,
  );
}

function formatCall(node: CallNode, place: Place): string {
  if (scanIdent(node.name, 0) !== node.name.length || node.name === 'template') {
    throw unwritable(node, 'its name is not a function name');
  }
  const [head, ...rest] = node.args;
  const pipeable =
    node.piped === true &&
    place !== 'templateExpr' &&
    head !== undefined &&
    (head.type === 'path' || head.type === 'call' || head.type === 'template') &&
    (rest.length > 0 || node.kwargs.length === 0);
  if (pipeable) {
    const left = format(head, place === 'top' || place === 'head' ? 'head' : 'argHead');
    return `${left}|${node.name}(${formatArgs(rest, node.kwargs, node)})`;
  }
  // An argument starting `true(`, `none(`, … is read as that keyword, then fails at the parenthesis.
  if (
    (place === 'arg' || place === 'argHead') &&
    ['TRUE', 'FALSE', 'NONE', 'INF'].some((w) => scanKeyword(node.name, 0, w) >= 0)
  ) {
    throw unwritable(node, 'an argument cannot call a function named like a keyword');
  }
  return `${node.name}(${formatArgs(node.args, node.kwargs, node)})`;
}

function formatArgs(args: Node[], kwargs: KwArg[], node: Node): string {
  if (args.length === 0 && kwargs.length > 0 && node.type === 'call') {
    throw unwritable(node, 'keyword arguments need a positional one first');
  }
  const parts = args.map((arg) => format(arg, 'arg'));
  for (const kw of kwargs) {
    if (scanIdent(kw.name, 0) !== kw.name.length)
      throw unwritable(node, `bad keyword ${JSON.stringify(kw.name)}`);
    parts.push(`${kw.name}=${format(kw.value, 'arg')}`);
  }
  return parts.join(',');
}

function formatTemplate(node: TemplateNode): string {
  const { expr, args, kwargs } = node;
  if (expr.type !== 'path' && expr.type !== 'call')
    throw unwritable(node, 'template() takes a path or a call');
  const literal = (n: Node): boolean => n.type === 'number' || n.type === 'string';
  if (
    !args.every(literal) ||
    !kwargs.every((kw) => literal(kw.value)) ||
    (args.length > 0 && kwargs.length > 0)
  ) {
    throw unwritable(
      node,
      'template() arguments are all positional or all keyword string or number literals',
    );
  }
  const parts = [format(expr, 'templateExpr')];
  if (args.length > 0 || kwargs.length > 0) parts.push(formatArgs(args, kwargs, node));
  return `template(${parts.join(',')})`;
}

function formatNumber(node: NumberNode): string {
  const raw = scanNumber(node.raw, 0);
  if (raw !== null && raw.end === node.raw.length && raw.integer === node.integer) {
    const value = node.integer ? Number(raw.ascii) + 0 : Number(raw.ascii);
    if (Object.is(value, node.value)) return node.raw;
  }
  const { value } = node;
  if (Number.isNaN(value)) throw unwritable(node, 'NaN');
  if (!Number.isFinite(value)) return value > 0 ? '1e400' : '-1e400';
  if (node.integer) {
    if (!Number.isInteger(value)) throw unwritable(node, 'an integer literal with a fraction');
    return BigInt(value).toString();
  }
  if (Object.is(value, -0)) return '-0.0';
  const text = String(value).replace('e+', 'e');
  return text.includes('.') || text.includes('e') ? text : `${text}.0`;
}

/**
 * A path is printed with as few backslashes as possible: first escaping only the symbols that are never
 * part of a path, then `=` too (so it is not read as a keyword argument), then every symbol. Each spelling
 * is checked by parsing it where it will stand.
 */
function formatPath(node: PathNode, place: Place): string {
  for (const escaped of ['()\'"\\|', '()\'"\\|=', '(){},.\'"\\|=']) {
    let text = '';
    for (const ch of node.path) text += escaped.includes(ch) && isEscapable(ch) ? `\\${ch}` : ch;
    if (readsBack(text, node.path, place)) return text;
  }
  throw unwritable(node, place === 'arg' ? 'not a path where an argument stands' : 'not a path');
}

function readsBack(text: string, path: string, place: Place): boolean {
  const wrapped = {
    top: text,
    head: `${text}|y()`,
    arg: `x(${text})`,
    argHead: `x(${text}|y())`,
    templateExpr: `template(${text})`,
  }[place];
  let node: Node;
  try {
    node = parse(wrapped);
  } catch {
    return false;
  }
  const only = (n: Node): Node | undefined =>
    n.type === 'call' && n.args.length === 1 && n.kwargs.length === 0 ? n.args[0] : undefined;
  const first = only(node);
  const inner = {
    top: node,
    head: first,
    arg: first,
    argHead: first && only(first),
    templateExpr: node.type === 'template' ? node.expr : undefined,
  }[place];
  return inner?.type === 'path' && inner.path === path;
}
