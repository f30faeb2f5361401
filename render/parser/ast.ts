// The syntax tree of a target expression (graphite-web render/grammar_unsafe.py): a discriminated union.
// Pipes are desugared by the parser (`a|f(1)` is f(a, 1) with `piped: true`), as graphite-web evaluates them.

/** A path expression: globs, braces, escapes and `$var` placeholders kept verbatim. */
export interface PathNode {
  type: 'path';
  path: string;
  /** Offset of the first character in the target string. */
  pos: number;
}

export interface KwArg {
  name: string;
  value: Node;
}

/** A function call. `raw` is the call's exact source text (seriesByTag is fetched by it, as graphite-web does). */
export interface CallNode {
  type: 'call';
  name: string;
  args: Node[];
  kwargs: KwArg[];
  raw: string;
  pos: number;
  /** The first argument came from the left side of a pipe (`a.b|sumSeries()`). */
  piped?: boolean;
}

/** `-1`, `2.5`, `1e3`: `integer` marks literals Python reads as int (no point, no exponent). */
export interface NumberNode {
  type: 'number';
  value: number;
  integer: boolean;
  raw: string;
}

/** A quoted string; graphite-web strips the quotes and unescapes nothing (`"\1"` stays backslash-one). */
export interface StringNode {
  type: 'string';
  value: string;
  quote: "'" | '"';
}

export interface BooleanNode {
  type: 'boolean';
  value: boolean;
  raw: string;
}

export interface NoneNode {
  type: 'none';
}

/** `inf` (case-insensitive): float('inf'). */
export interface InfNode {
  type: 'inf';
  raw: string;
}

/** `template(expr, "v1", k="v")`: `$1`, `$k` in the path expressions of `expr` are substituted. */
export interface TemplateNode {
  type: 'template';
  expr: Node;
  args: Node[];
  kwargs: KwArg[];
  pos: number;
}

export type Node =
  PathNode | CallNode | NumberNode | StringNode | BooleanNode | NoneNode | InfNode | TemplateNode;
