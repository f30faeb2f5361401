// PLACEHOLDER — replaced by the parser module (graphite-web render/grammar_unsafe.py).
import { RenderError } from '../errors.js';
import type { Node } from './ast.js';

export function parse(target: string): Node {
  throw new RenderError('RENDER_ERR_PARSE', `parser not implemented yet: ${target}`);
}
