// loadConfig: defaults < --config file < CARBONADO_* environment < flags, validated once against ConfigSchema,
// paths made absolute, deep-frozen (fastify initial-config-validation). Spec: docs/configuration.md.
import { dirname, resolve } from 'node:path';
import { ConfigError } from '../errors.js';
import { parseConfigArgv } from './argv.js';
import { readEnv } from './env.js';
import { readConfigFile } from './file.js';
import {
  type ConfigIssue,
  DEFAULTS_SOURCE,
  type Layer,
  formatIssues,
  issuesFromZod,
  mergeLayers,
  scalarDecoder,
} from './layers.js';
import { type Config, ConfigSchema } from './schema.js';

/** Everything loadConfig reads, passed in rather than taken from process globals. */
export interface LoadConfigOptions {
  /** The arguments after `carbonado serve`. */
  argv: readonly string[];
  /** Usually process.env; only CARBONADO_* variables are read. */
  env: Readonly<Record<string, string | undefined>>;
  /** Relative paths (--config, dirs) resolve against this directory. */
  cwd: string;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * Builds the configuration of `carbonado serve`. Throws ConfigError: CONFIG_ERR_FILE when the config file
 * cannot be read or parsed, CONFIG_ERR_INVALID (every problem found, one per line, each naming its source
 * and key; `context.issues` holds them) for bad values, unknown keys and malformed flags or variables.
 */
export async function loadConfig(options: LoadConfigOptions): Promise<Config> {
  const { cwd } = options;
  const decode = scalarDecoder(ConfigSchema.parse({}));
  const flags = parseConfigArgv(options.argv, decode);
  const environment = readEnv(options.env, decode);
  const configPath = flags.configPath ?? environment.configPath;

  const layers: Layer[] = [];
  if (configPath !== undefined) {
    // confDir's default moves next to the config file, like carbon's CONF_DIR next to carbon.conf.
    const confDir = dirname(resolve(cwd, configPath));
    layers.push({ source: DEFAULTS_SOURCE, settings: [{ path: ['confDir'], value: confDir }] });
    layers.push(await readConfigFile(configPath, cwd));
  }
  layers.push(...environment.layers, ...flags.layers);

  const { input, sources } = mergeLayers(layers);
  const result = ConfigSchema.safeParse(input);
  const issues: ConfigIssue[] = [
    ...environment.issues,
    ...flags.issues,
    ...(result.success ? [] : issuesFromZod(result.error.issues, sources)),
  ];
  if (!result.success || issues.length > 0) {
    throw new ConfigError('CONFIG_ERR_INVALID', formatIssues(issues), {
      cause: result.error,
      context: { issues },
    });
  }
  const config = result.data;
  return deepFreeze({
    ...config,
    dataDir: resolve(cwd, config.dataDir),
    whisperDir: resolve(cwd, config.whisperDir),
    walDir: resolve(cwd, config.walDir),
    confDir: resolve(cwd, config.confDir),
  });
}
