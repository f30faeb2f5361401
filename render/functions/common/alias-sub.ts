// re.sub for aliasSub and aliasQuery: a replacement the engine refuses (bad escape, unknown group) is a
// RENDER_ERR_BAD_REGEX naming the function, not an engine error (graphite-web lets re.error become a 500).
import { RenderError } from '../../errors.js';
import type { CompiledRegex } from '../../context.js';
import type { Call } from '../types.js';

/** `re.sub(pattern, replacement, s)` with `call`'s function and parameter named in any error. */
export function regexSub(
  call: Call,
  re: CompiledRegex,
  param: string,
  replacement: string,
  s: string,
): string {
  try {
    return re.sub(replacement, s);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new RenderError(
      'RENDER_ERR_BAD_REGEX',
      `${call.name}: invalid replacement for "${param}": ${detail}`,
      {
        cause: err,
        context: { function: call.name, param, value: replacement },
      },
    );
  }
}
