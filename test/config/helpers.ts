// Shared helpers for the config tests: temp dirs with config files, and loadConfig's error as a value.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../src/errors.js';
import { type LoadConfigOptions, loadConfig } from '../../src/config/load.js';

/** A fresh temporary directory holding `files` (name → content). */
export function tempDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'carbonado-config-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** loadConfig with no arguments or environment unless given. */
export function load(options: Partial<LoadConfigOptions> & { cwd: string }) {
  return loadConfig({ argv: [], env: {}, ...options });
}

/** The ConfigError loadConfig rejects with; fails the test when it resolves or throws anything else. */
export async function loadError(options: Partial<LoadConfigOptions> & { cwd: string }): Promise<ConfigError> {
  const err: unknown = await load(options).then(
    () => new Error('loadConfig resolved, expected a ConfigError'),
    (e: unknown) => e,
  );
  if (!(err instanceof ConfigError)) throw err;
  return err;
}

/** Every leaf key of a config as a dotted name, in order. */
export function leafKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, child]) =>
    leafKeys(child, prefix === '' ? key : `${prefix}.${key}`),
  );
}
