// Environment variable names ↔ config keys, and how variable and flag text becomes a value.
import { expect, test } from 'vitest';
import { envName, envPath, readEnv } from '../../src/config/env.js';
import { scalarDecoder } from '../../src/config/layers.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { leafKeys } from './helpers.js';

const decode = scalarDecoder(ConfigSchema.parse({}));

test.each([
  [['listen'], 'CARBONADO_LISTEN'],
  [['dataDir'], 'CARBONADO_DATA_DIR'],
  [['cache', 'maxSize'], 'CARBONADO_CACHE__MAX_SIZE'],
  [['selfMetrics', 'intervalSeconds'], 'CARBONADO_SELF_METRICS__INTERVAL_SECONDS'],
  [['persister', 'maxCreatesPerMinute'], 'CARBONADO_PERSISTER__MAX_CREATES_PER_MINUTE'],
])('%j is written %s', (path, name) => {
  expect(envName(path)).toBe(name);
});

test('every config key has a variable that maps back to it', () => {
  const keys = leafKeys(ConfigSchema.parse({}));
  expect(keys.length).toBe(37);
  for (const key of keys) expect(envPath(envName(key.split('.')))?.join('.')).toBe(key);
});

test.each([
  ['CARBONADO_cache'],
  ['CARBONADO_'],
  ['CARBONADO_CACHE___MAX_SIZE'],
  ['CARBONADO_CACHE__'],
  ['CARBON_X'],
])('%s is not a key variable', (name) => {
  expect(envPath(name)).toBeUndefined();
});

test('number-like text becomes a number and true/false a boolean for non-text keys', () => {
  expect([
    decode(['cache', 'maxSize'], '5000'),
    decode(['cache', 'lowWatermark'], '0.5'),
    decode(['cache', 'maxSize'], '1e6'),
    decode(['cache', 'maxSize'], '-5'),
    decode(['line', 'udp'], 'false'),
    decode(['line', 'udp'], 'True'),
    decode(['cache', 'maxSize'], 'inf'),
    decode(['cache', 'maxSize'], '007'),
    decode(['cache', 'maxSize'], ''),
  ]).toEqual([5000, 0.5, 1e6, -5, false, 'True', 'inf', '007', '']);
});

test('text keys keep the text as written, and unknown keys are decoded like numbers', () => {
  expect([
    decode(['selfMetrics', 'instance'], '1'),
    decode(['dataDir'], 'true'),
    decode(['whisperDir'], '1.50'),
    decode(['cache', 'bogus'], '1'),
    decode(['listen', 'port'], '2003'),
  ]).toEqual(['1', 'true', '1.50', 1, 2003]);
});

test('readEnv ignores other variables, reads CARBONADO_CONFIG as the file and sorts by name', () => {
  const result = readEnv(
    {
      PATH: '/bin',
      CARBONADO_LISTEN__PORT: '1',
      CARBONADO_CONFIG: 'c.yaml',
      CARBONADO_LISTEN: '::',
      CARBONADO_UNSET: undefined,
    },
    decode,
  );
  expect(result).toEqual({
    configPath: 'c.yaml',
    issues: [],
    layers: [
      { source: 'environment CARBONADO_LISTEN', settings: [{ path: ['listen'], value: '::' }] },
      { source: 'environment CARBONADO_LISTEN__PORT', settings: [{ path: ['listen', 'port'], value: 1 }] },
    ],
  });
});
