// config.example.yaml and docs/configuration.md stay complete: every key, and the example loads as the defaults.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from 'vitest';
import YAML from 'yaml';
import { FLAG_KEYS } from '../../src/config/argv.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { leafKeys, load } from './helpers.js';

const ROOT = join(import.meta.dirname, '../..');
const EXAMPLE = join(ROOT, 'config.example.yaml');
const exampleText = readFileSync(EXAMPLE, 'utf8');
const docs = readFileSync(join(ROOT, 'docs/configuration.md'), 'utf8');
const keys = leafKeys(ConfigSchema.parse({}));

test('config.example.yaml loads and equals the defaults', async () => {
  const cwd = ROOT;
  const defaults = ConfigSchema.parse({});
  expect(await load({ argv: ['--config', EXAMPLE], cwd })).toEqual({
    ...defaults,
    dataDir: join(cwd, 'data'),
    whisperDir: join(cwd, 'data/whisper'),
    walDir: join(cwd, 'data/wal'),
    confDir: dirname(EXAMPLE),
  });
});

test('config.example.yaml shows every key, set or commented out as #key: value', () => {
  // Prose comments are "# text"; keys left at a machine-dependent default are "#key: value".
  const uncommented = exampleText.replace(/^(\s*)#(?=[A-Za-z]+:)/gm, '$1');
  expect(leafKeys(YAML.parse(uncommented))).toEqual(keys);
});

test('config.example.yaml with its commented keys filled in is still a valid config', () => {
  const uncommented = exampleText.replace(/^(\s*)#(?=[A-Za-z]+:)/gm, '$1');
  expect(ConfigSchema.safeParse(YAML.parse(uncommented)).error).toBeUndefined();
});

test('docs/configuration.md has a table row for every key and no row for a key that does not exist', () => {
  const rows = [...docs.matchAll(/^\| `([A-Za-z.]+)` +\| (?!`CARBONADO_)/gm)].map((m) => m[1]);
  expect(rows).toEqual(keys);
});

test('docs/configuration.md documents every named flag', () => {
  for (const [flag, key] of Object.entries(FLAG_KEYS)) {
    expect(docs).toMatch(new RegExp(`\\| \`--${flag} [A-Z]+\` +\\| \`${key.replace('.', '\\.')}\``));
  }
});
