// Environment variables as config layers: CARBONADO_<KEY>, nested keys joined by __, camelCase written as
// SCREAMING_SNAKE (CARBONADO_CACHE__MAX_SIZE → cache.maxSize). Spec: docs/configuration.md#environment.
import type { ConfigIssue, Layer } from './layers.js';

/** Every variable starting with this is a config key (or CARBONADO_CONFIG); anything else is an error. */
export const ENV_PREFIX = 'CARBONADO_';

/** The config file path, when --config is not given. */
export const CONFIG_ENV = 'CARBONADO_CONFIG';

const SEGMENT = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

/** `['cache', 'maxSize']` → `CARBONADO_CACHE__MAX_SIZE`. */
export function envName(path: readonly string[]): string {
  return ENV_PREFIX + path.map((key) => key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()).join('__');
}

/** `CARBONADO_CACHE__MAX_SIZE` → `['cache', 'maxSize']`, or undefined when it is not written that way. */
export function envPath(name: string): string[] | undefined {
  if (!name.startsWith(ENV_PREFIX)) return undefined;
  const segments = name.slice(ENV_PREFIX.length).split('__');
  if (!segments.every((segment) => SEGMENT.test(segment))) return undefined;
  return segments.map((segment) =>
    segment
      .toLowerCase()
      .split('_')
      .map((word, i) => (i === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1)))
      .join(''),
  );
}

/** The config path from CARBONADO_CONFIG, a layer per other CARBONADO_* variable, and malformed names. */
export interface EnvConfig {
  configPath: string | undefined;
  layers: Layer[];
  issues: ConfigIssue[];
}

/**
 * Reads every CARBONADO_* variable of `env` (sorted by name, so a section's variable comes before its keys').
 * `decode` turns the text into a config value (see scalarDecoder).
 */
export function readEnv(
  env: Readonly<Record<string, string | undefined>>,
  decode: (path: readonly string[], raw: string) => unknown,
): EnvConfig {
  const result: EnvConfig = { configPath: undefined, layers: [], issues: [] };
  const names = Object.keys(env)
    .filter((name) => name.startsWith(ENV_PREFIX))
    .sort();
  for (const name of names) {
    const raw = env[name];
    if (raw === undefined) continue;
    if (name === CONFIG_ENV) {
      result.configPath = raw;
      continue;
    }
    const source = `environment ${name}`;
    const path = envPath(name);
    if (path === undefined) {
      const key = name.slice(ENV_PREFIX.length);
      const message = `unknown key ${JSON.stringify(key)}; write keys as ${envName(['cache', 'maxSize'])}`;
      result.issues.push({ source, key, message });
      continue;
    }
    result.layers.push({ source, settings: [{ path, value: decode(path, raw) }] });
  }
  return result;
}
