// Checks parse() runs on a tree: size limits, so that one target cannot exhaust the stack or the CPU (graphite-web
// has none; beyond them RENDER_ERR_TOO_COMPLEX), and graphite-web evaluator's refusal of calls named template.
import { RenderError } from '../errors.js';
import type { Node } from './ast.js';

/** Longest target accepted, in UTF-16 code units. */
export const MAX_TARGET_LENGTH = 65_536;
/** Deepest syntax tree accepted: nested calls, templates and piped calls each add a level. */
export const MAX_DEPTH = 128;
/** Most nodes (paths, calls, literals, …) accepted in one target. */
export const MAX_NODES = 10_000;

/** Throws RENDER_ERR_TOO_COMPLEX when `target` is longer than MAX_TARGET_LENGTH. */
export function checkTargetLength(target: string): void {
  if (target.length > MAX_TARGET_LENGTH) {
    throw new RenderError(
      'RENDER_ERR_TOO_COMPLEX',
      `Target is ${target.length} characters long; the limit is ${MAX_TARGET_LENGTH}`,
      { context: { length: target.length, limit: MAX_TARGET_LENGTH } },
    );
  }
}

/** Throws RENDER_ERR_TOO_COMPLEX when the text nesting at `pos` goes beyond MAX_DEPTH. */
export function checkNesting(depth: number, pos: number, target: string): void {
  if (depth > MAX_DEPTH) {
    throw new RenderError(
      'RENDER_ERR_TOO_COMPLEX',
      `Target nests calls more than ${MAX_DEPTH} deep (at position ${pos})`,
      { context: { pos, limit: MAX_DEPTH, target: target.slice(0, 200) } },
    );
  }
}

/** The direct children of a node, keyword values included. */
export function childNodes(node: Node): Node[] {
  switch (node.type) {
    case 'call':
    case 'template': {
      const head = node.type === 'template' ? [node.expr] : [];
      return [...head, ...node.args, ...node.kwargs.map((kw) => kw.value)];
    }
    default:
      return [];
  }
}

/**
 * Walks the tree without recursion (pipes can make it deeper than the text nesting) and throws
 * RENDER_ERR_TOO_COMPLEX beyond MAX_DEPTH levels or MAX_NODES nodes.
 */
export function checkTreeSize(root: Node, target: string): void {
  const stack: Array<[Node, number]> = [[root, 1]];
  let count = 0;
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [node, depth] = item;
    count++;
    if (count > MAX_NODES) {
      throw new RenderError('RENDER_ERR_TOO_COMPLEX', `Target has more than ${MAX_NODES} nodes`, {
        context: { limit: MAX_NODES, target: target.slice(0, 200) },
      });
    }
    if (depth > MAX_DEPTH) {
      const pos = 'pos' in node ? node.pos : undefined;
      throw new RenderError('RENDER_ERR_TOO_COMPLEX', `Target is nested more than ${MAX_DEPTH} deep`, {
        context: { pos, limit: MAX_DEPTH, target: target.slice(0, 200) },
      });
    }
    for (const child of childNodes(node)) stack.push([child, depth + 1]);
  }
}

/**
 * A `template(...)` that is not the template grammar (a pipe inside, non-literal or mixed arguments) parses in
 * graphite-web as a call to a function named template, which its evaluator then refuses.
 */
export function checkTemplateCalls(root: Node, target: string): void {
  const stack: Node[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'call' && node.name === 'template') {
      throw new RenderError(
        'RENDER_ERR_PARSE',
        `Invalid template() at position ${node.pos}: its first argument must be a path or a call and the others ` +
          'either all positional or all keyword string or number literals',
        { context: { pos: node.pos, target } },
      );
    }
    stack.push(...childNodes(node));
  }
}
