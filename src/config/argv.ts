// `carbonado serve` flags as config layers, in command-line order (a later flag wins): named flags for the
// common keys plus `--set path.to.key=value`. Spec: docs/configuration.md#flags.
import { parseArgs } from 'node:util';
import { ConfigError } from '../errors.js';
import type { ConfigIssue, Layer } from './layers.js';

/** Named flag → the config key it sets. */
export const FLAG_KEYS = {
  listen: 'listen',
  'data-dir': 'dataDir',
  'conf-dir': 'confDir',
  'line-port': 'line.port',
  'pickle-port': 'pickle.port',
  'http-port': 'http.port',
  'log-level': 'log.level',
  workers: 'persister.workers',
} as const;

const text = { type: 'string' } as const;
const OPTIONS = {
  config: text,
  set: { type: 'string', multiple: true },
  listen: text,
  'data-dir': text,
  'conf-dir': text,
  'line-port': text,
  'pickle-port': text,
  'http-port': text,
  'log-level': text,
  workers: text,
} as const satisfies Record<'config' | 'set' | keyof typeof FLAG_KEYS, unknown>;

/** The flags' help text, for `carbonado serve --help`. */
export const CONFIG_USAGE = `configuration (docs/configuration.md; precedence: defaults < --config file < CARBONADO_* < flags):
  --config PATH            YAML (.yaml, .yml) or JSON (.json) config file (or CARBONADO_CONFIG)
${Object.entries(FLAG_KEYS)
  .map(([flag, key]) => `  --${`${flag} VALUE`.padEnd(22)} sets ${key}`)
  .join('\n')}
  --set KEY=VALUE          sets any key, e.g. --set cache.maxSize=5000 (repeatable)`;

const KEY_PATH = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/;

/** The config path from --config, a layer per other flag, and malformed --set arguments. */
export interface ArgvConfig {
  configPath: string | undefined;
  layers: Layer[];
  issues: ConfigIssue[];
}

function isFlag(name: string): name is keyof typeof FLAG_KEYS {
  return Object.hasOwn(FLAG_KEYS, name);
}

/**
 * Parses `argv` (the arguments after `serve`) with node:util parseArgs. An unknown flag, a missing value or
 * a positional argument throws CONFIG_ERR_INVALID at once; a malformed `--set` becomes an issue.
 */
export function parseConfigArgv(
  argv: readonly string[],
  decode: (path: readonly string[], raw: string) => unknown,
): ArgvConfig {
  let tokens;
  try {
    ({ tokens } = parseArgs({ args: [...argv], options: OPTIONS, strict: true, tokens: true }));
  } catch (err) {
    // parseArgs' messages go on to explain `--`; the first sentence names the flag.
    const first = (err instanceof Error ? err.message : String(err)).split('. ')[0];
    throw new ConfigError('CONFIG_ERR_INVALID', `command line: ${first}`, {
      cause: err,
      context: { argv: [...argv] },
    });
  }
  const result: ArgvConfig = { configPath: undefined, layers: [], issues: [] };
  for (const token of tokens) {
    if (token.kind !== 'option' || token.value === undefined) continue;
    const { name, value } = token;
    if (name === 'config') {
      result.configPath = value;
    } else if (name === 'set') {
      const source = `--set ${value}`;
      const eq = value.indexOf('=');
      const key = eq < 0 ? value : value.slice(0, eq);
      if (eq < 0 || !KEY_PATH.test(key)) {
        result.issues.push({ source, key, message: 'expected path.to.key=value, e.g. cache.maxSize=5000' });
        continue;
      }
      const path = key.split('.');
      result.layers.push({ source, settings: [{ path, value: decode(path, value.slice(eq + 1)) }] });
    } else if (isFlag(name)) {
      const path = FLAG_KEYS[name].split('.');
      result.layers.push({ source: `--${name} ${value}`, settings: [{ path, value: decode(path, value) }] });
    }
  }
  return result;
}
