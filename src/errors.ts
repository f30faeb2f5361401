// The server error table (CONFIG_ERR_*, SERVER_ERR_*): every error the wiring in src/ raises on purpose.
// Codes are stable and never reused; messages may change. docs/errors.md lists each code (STYLE.md "Errors").

/** Code → one-line description of when it is raised (the docs table is checked against these keys). */
export const SERVER_ERRORS = {
  CONFIG_ERR_INVALID: 'A configuration value, key, flag or environment variable is invalid or unknown',
  CONFIG_ERR_FILE: 'The --config file cannot be read or parsed as YAML or JSON',
  SERVER_ERR_LISTEN: 'A listener cannot bind its address and port (in use, no permission, no such address)',
  SERVER_ERR_WAL: 'The write-ahead log cannot be written or replayed',
} as const;

export type ServerErrorCode = keyof typeof SERVER_ERRORS;

/** The codes a {@link ConfigError} carries. */
export type ConfigErrorCode = Extract<ServerErrorCode, `CONFIG_ERR_${string}`>;

export interface AppErrorOptions {
  cause?: unknown;
  /** Where it happened and with which values: source, key, file, line, listener, address, port… */
  context?: Record<string, unknown>;
}

/** Every intentional failure of the server's wiring. Programmer mistakes stay plain TypeError/RangeError. */
export class AppError extends Error {
  readonly code: ServerErrorCode;
  readonly context: Record<string, unknown>;

  constructor(code: ServerErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.context = options.context ?? {};
  }
}

/** A configuration that cannot be loaded; the message names the source (file, variable, flag) and the key. */
export class ConfigError extends AppError {
  declare readonly code: ConfigErrorCode;

  constructor(code: ConfigErrorCode, message: string, options: AppErrorOptions = {}) {
    super(code, message, options);
    this.name = 'ConfigError';
  }
}

/** What the usual bind failures mean to an operator. */
const BIND_PROBLEMS: Readonly<Record<string, string>> = {
  EADDRINUSE: 'address already in use',
  EACCES: 'permission denied (ports below 1024 need privileges)',
  EADDRNOTAVAIL: 'address not available on this host',
  ENOTFOUND: 'address does not resolve',
};

/**
 * Wraps a failed `listen()`/`bind()` as SERVER_ERR_LISTEN, naming the listener, the address and the port,
 * e.g. `plaintext TCP listener cannot bind 127.0.0.1:2003: address already in use (EADDRINUSE)`.
 */
export function listenError(err: unknown, listener: string, address: string, port: number): AppError {
  const errno = (err as NodeJS.ErrnoException | undefined)?.code;
  const problem =
    (errno === undefined ? undefined : BIND_PROBLEMS[errno]) ??
    (err instanceof Error ? err.message : String(err));
  const host = address.includes(':') ? `[${address}]` : address;
  return new AppError(
    'SERVER_ERR_LISTEN',
    `${listener} listener cannot bind ${host}:${port}: ${problem}${errno === undefined ? '' : ` (${errno})`}`,
    { cause: err, context: { listener, address, port, errno } },
  );
}
