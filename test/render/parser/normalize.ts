// Turns a syntax tree into the plain shape test/fixtures/render/parser/generate.py writes for graphite-web's
// parse results, so the two can be compared with toEqual.
import type { Node } from '../../../render/parser/ast.js';

export type Normal = unknown[];

/** A number as `[type, integer, value]`, value spelled so that -0 and Infinity survive JSON. */
function numberValue(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value);
}

/** Our tree in generate.py's normal form (numbers as `['number', integer, value]`). */
export function normalize(node: Node): Normal {
  switch (node.type) {
    case 'path':
      return ['path', node.path];
    case 'call':
      return [
        'call',
        node.name,
        node.args.map(normalize),
        node.kwargs.map((kw) => [kw.name, normalize(kw.value)]),
        node.raw,
        node.piped === true,
      ];
    case 'template':
      return [
        'template',
        normalize(node.expr),
        node.args.map(normalize),
        node.kwargs.map((kw) => [kw.name, normalize(kw.value)]),
      ];
    case 'number':
      return ['number', node.integer, numberValue(node.value)];
    case 'string':
      return ['string', node.quote, node.value];
    case 'boolean':
      return ['boolean', node.value];
    case 'none':
      return ['none'];
    case 'inf':
      return ['inf'];
  }
}

/** generate.py's tree with its numbers (`['number', kind, python text]`) in normalize()'s form. */
export function normalizeFixture(tree: Normal): Normal {
  const [type] = tree;
  if (type === 'number') {
    const [, kind, text] = tree as [string, string, string];
    const value = text === 'inf' ? Infinity : text === '-inf' ? -Infinity : Number(text);
    return ['number', kind === 'integer', numberValue(value)];
  }
  if (type === 'call') {
    const [, name, args, kwargs, raw, piped] = tree as [
      string,
      string,
      Normal[],
      [string, Normal][],
      string,
      boolean,
    ];
    return [
      'call',
      name,
      args.map(normalizeFixture),
      kwargs.map(([k, v]) => [k, normalizeFixture(v)]),
      raw,
      piped,
    ];
  }
  if (type === 'template') {
    const [, expr, args, kwargs] = tree as [string, Normal, Normal[], [string, Normal][]];
    return [
      'template',
      normalizeFixture(expr),
      args.map(normalizeFixture),
      kwargs.map(([k, v]) => [k, normalizeFixture(v)]),
    ];
  }
  return tree;
}

/** normalize() without call `raw` texts, which change when optional spaces are dropped. */
export function shape(node: Node): Normal {
  const strip = (n: unknown): unknown =>
    Array.isArray(n) ? (n[0] === 'call' ? n.map((x, i) => (i === 4 ? null : strip(x))) : n.map(strip)) : n;
  return strip(normalize(node)) as Normal;
}
