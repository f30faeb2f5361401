// Node and tag lookup in series names (graphite-web functions.py getNodeOrTag, aggKey,
// _getFirstPathExpression): used by aliasByNode, groupByNode(s), groupByTags, mapSeries and friends.
import type { Node } from '../../parser/ast.js';
import { parse } from '../../parser/parser.js';
import type { Series } from '../../series.js';

/** The first path expression inside a function-wrapped name (`sumSeries(a.b.*)` → `a.b.*`), if any. */
export function firstPathExpression(name: string): string | undefined {
  let node: Node;
  try {
    // series names are read leniently, as graphite-web reads them: the longest parsable prefix
    node = parse(name, { prefix: true });
  } catch {
    return undefined;
  }
  for (;;) {
    if (node.type === 'path') return node.path;
    if (node.type === 'call' && node.args[0] !== undefined) node = node.args[0];
    else return undefined;
  }
}

/**
 * Node `n` of the name (before any `;tags`), negative from the end, as graphite-web's getNodeOrTag;
 * a non-integer or out-of-range `n` is looked up as a tag name instead ('' when absent).
 */
export function getNodeOrTag(series: Series, n: number | string, pathExpression?: string): string {
  if (typeof n === 'number' && Number.isInteger(n)) {
    const nodes = (pathExpression ?? series.name).split(';')[0]?.split('.') ?? [];
    const node = nodes[n < 0 ? nodes.length + n : n];
    if (node !== undefined) return node;
  }
  return series.tags[String(n)] ?? '';
}

/** The key groupByNodes and friends group by: the nodes/tags joined by '.'; wrapped names use their path. */
export function aggKey(series: Series, nodes: readonly (number | string)[], pathExpression?: string): string {
  const path = pathExpression ?? (series.name.endsWith(')') ? firstPathExpression(series.name) : undefined);
  return nodes.map((n) => getNodeOrTag(series, n, path)).join('.');
}
