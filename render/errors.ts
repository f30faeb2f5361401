// The render error table (RENDER_ERR_*): every error the expression language, the functions and the output
// formats raise on purpose. Codes are stable and never reused; messages may change. docs/errors.md lists each.

/** Code → one-line description of when it is raised (the docs table is checked against these keys). */
export const RENDER_ERRORS = {
  RENDER_ERR_PARSE: 'A target expression does not parse; the message names the position',
  RENDER_ERR_TOO_COMPLEX: 'A target is nested too deeply, too long or has too many arguments to evaluate',
  RENDER_ERR_UNKNOWN_FUNCTION: 'A target calls a function graphite-web does not have',
  RENDER_ERR_BAD_ARGUMENT:
    'A function argument is missing, of the wrong type, out of range or not one of the allowed options',
  RENDER_ERR_BAD_TIME: 'A from, until, now or date argument is not a time parseATTime accepts',
  RENDER_ERR_BAD_INTERVAL: 'An interval string ("5min", "-1d") does not parse',
  RENDER_ERR_BAD_REGEX: 'A regular expression argument is invalid or cannot run in linear time',
  RENDER_ERR_BAD_PARAMETER: 'A /render request parameter (format, maxDataPoints, tz, …) is invalid',
  RENDER_ERR_UNSUPPORTED_FORMAT: 'An image format (png, svg, pdf) was asked for; graphs are not rendered yet',
} as const;

export type RenderErrorCode = keyof typeof RENDER_ERRORS;

export interface RenderErrorOptions {
  cause?: unknown;
  /** Where it happened: function, parameter, value, target, pos… */
  context?: Record<string, unknown>;
}

/** Every intentional render failure (a client's mistake: the HTTP layer answers 400 with the message). */
export class RenderError extends Error {
  readonly code: RenderErrorCode;
  readonly context: Record<string, unknown>;

  constructor(code: RenderErrorCode, message: string, options: RenderErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RenderError';
    this.code = code;
    this.context = options.context ?? {};
  }
}

/** A RENDER_ERR_BAD_ARGUMENT naming the function and the parameter, as graphite-web's InputParameterError. */
export function badArgument(func: string, param: string, message: string, value?: unknown): RenderError {
  return new RenderError('RENDER_ERR_BAD_ARGUMENT', `${func}: ${message}`, {
    context: { function: func, param, ...(value === undefined ? {} : { value }) },
  });
}
