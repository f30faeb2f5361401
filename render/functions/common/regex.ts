// Regex arguments (grep, exclude, aliasSub, …) compiled through the request's linear-time engine: a bad or
// unsafe pattern is a RENDER_ERR_BAD_REGEX naming the function and parameter, never a hung server.
import { RenderError } from '../../errors.js';
import type { CompiledRegex } from '../../context.js';
import type { Call } from '../types.js';

/** Compiles `pattern` for `call`'s function parameter `param` (compiled patterns are cached per request). */
export function compileRegex(call: Call, param: string, pattern: string): CompiledRegex {
  try {
    return call.ctx.regex(pattern);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new RenderError('RENDER_ERR_BAD_REGEX', `${call.name}: invalid regex for "${param}": ${detail}`, {
      cause: err,
      context: { function: call.name, param, value: pattern },
    });
  }
}
