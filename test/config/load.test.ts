// loadConfig: defaults < config file < environment < flags, relative paths, derived dirs, frozen result.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigSchema } from '../../src/config/schema.js';
import { load, tempDir } from './helpers.js';

const YAML_FILE = `
listen: 0.0.0.0
dataDir: /var/lib/carbonado
cache:
  maxSize: 5000
  writeStrategy: max
persister:
  maxCreatesPerMinute: 50
`;

describe('defaults', () => {
  test('with no file, variables or flags every key has its default, paths made absolute', async () => {
    const cwd = tempDir();
    const defaults = ConfigSchema.parse({});
    expect(await load({ cwd })).toEqual({
      ...defaults,
      dataDir: join(cwd, 'data'),
      whisperDir: join(cwd, 'data/whisper'),
      walDir: join(cwd, 'data/wal'),
      confDir: join(cwd, 'conf'),
    });
  });

  test('the result is deep-frozen', async () => {
    const config = await load({ cwd: tempDir() });
    expect([
      Object.isFrozen(config),
      Object.isFrozen(config.line),
      Object.isFrozen(config.selfMetrics),
    ]).toEqual([true, true, true]);
    expect(() => {
      (config.cache as { maxSize: number }).maxSize = 1;
    }).toThrow(TypeError);
  });
});

describe('the config file', () => {
  test('a YAML file overrides the defaults it names and keeps the others', async () => {
    const cwd = tempDir({ 'carbonado.yaml': YAML_FILE });
    const config = await load({ argv: ['--config', 'carbonado.yaml'], cwd });
    expect(config.listen).toBe('0.0.0.0');
    expect(config.cache).toEqual({ maxSize: 5000, lowWatermark: 0.95, writeStrategy: 'max' });
    expect(config.persister.maxCreatesPerMinute).toBe(50);
    expect([config.dataDir, config.whisperDir, config.walDir]).toEqual([
      '/var/lib/carbonado',
      '/var/lib/carbonado/whisper',
      '/var/lib/carbonado/wal',
    ]);
  });

  test('a .yml file is YAML too', async () => {
    const cwd = tempDir({ 'c.yml': 'http:\n  port: 9090\n' });
    expect((await load({ argv: ['--config', 'c.yml'], cwd })).http.port).toBe(9090);
  });

  test('a JSON file overrides the defaults it names', async () => {
    const cwd = tempDir({
      'c.json': JSON.stringify({ line: { port: 2103, udp: false }, log: { level: 'debug' } }),
    });
    const config = await load({ argv: ['--config', 'c.json'], cwd });
    expect([config.line, config.log.level]).toEqual([
      { port: 2103, tcp: true, udp: false, maxLineLength: 16384 },
      'debug',
    ]);
  });

  test('an empty YAML file sets nothing', async () => {
    const cwd = tempDir({ 'empty.yaml': '# nothing yet\n' });
    expect((await load({ argv: ['--config', 'empty.yaml'], cwd })).cache.maxSize).toBe(10_000_000);
  });

  test.each([['inf'], ['.inf'], ['null'], ['~']])(
    'maxCreatesPerMinute: %s in YAML means no limit',
    async (word) => {
      const cwd = tempDir({
        'c.yaml': `persister:\n  maxCreatesPerMinute: ${word}\n  maxUpdatesPerSecond: ${word}\n`,
      });
      const { persister } = await load({ argv: ['--config', 'c.yaml'], cwd });
      expect([persister.maxCreatesPerMinute, persister.maxUpdatesPerSecond]).toEqual([Infinity, Infinity]);
    },
  );

  test('null in a JSON file means no limit', async () => {
    const cwd = tempDir({ 'c.json': '{"persister": {"maxCreatesPerMinute": null}}' });
    expect((await load({ argv: ['--config', 'c.json'], cwd })).persister.maxCreatesPerMinute).toBe(Infinity);
  });

  test('CARBONADO_CONFIG names the file when --config is absent, and --config wins over it', async () => {
    const cwd = tempDir({ 'a.yaml': 'http:\n  port: 9001\n', 'b.yaml': 'http:\n  port: 9002\n' });
    const env = { CARBONADO_CONFIG: 'a.yaml' };
    expect((await load({ env, cwd })).http.port).toBe(9001);
    expect((await load({ argv: ['--config', 'b.yaml'], env, cwd })).http.port).toBe(9002);
  });
});

describe('paths', () => {
  test('relative paths in the file resolve against cwd, not against the file', async () => {
    const cwd = tempDir();
    const sub = tempDir({ 'c.yaml': 'dataDir: store\nwhisperDir: ../graphite/whisper\n' });
    const config = await load({ argv: ['--config', join(sub, 'c.yaml')], cwd });
    expect([config.dataDir, config.whisperDir, config.walDir]).toEqual([
      join(cwd, 'store'),
      join(cwd, '../graphite/whisper'),
      join(cwd, 'store/wal'),
    ]);
  });

  test('confDir defaults to the directory of the config file', async () => {
    const cwd = tempDir();
    const etc = tempDir({ 'carbonado.yaml': 'listen: 127.0.0.1\n' });
    expect((await load({ argv: ['--config', join(etc, 'carbonado.yaml')], cwd })).confDir).toBe(etc);
  });

  test('a confDir set anywhere beats the config file’s directory', async () => {
    const cwd = tempDir({ 'c.yaml': 'confDir: conf.d\n' });
    expect((await load({ argv: ['--config', 'c.yaml'], cwd })).confDir).toBe(join(cwd, 'conf.d'));
    const plain = tempDir({ 'c.yaml': '{}\n' });
    expect(
      (await load({ argv: ['--config', 'c.yaml', '--conf-dir', '/etc/carbon'], cwd: plain })).confDir,
    ).toBe('/etc/carbon');
  });

  test('an explicit whisperDir is kept when dataDir changes', async () => {
    const cwd = tempDir();
    const config = await load({
      argv: ['--data-dir', 'd', '--set', 'whisperDir=/opt/graphite/storage/whisper'],
      cwd,
    });
    expect([config.whisperDir, config.walDir]).toEqual(['/opt/graphite/storage/whisper', join(cwd, 'd/wal')]);
  });
});

describe('precedence', () => {
  const file = 'listen: 10.0.0.1\ncache:\n  maxSize: 100\n  lowWatermark: 0.5\nline:\n  port: 3003\n';

  test('environment variables override the file, key by key', async () => {
    const cwd = tempDir({ 'c.yaml': file });
    const env = { CARBONADO_CACHE__MAX_SIZE: '5000', CARBONADO_LISTEN: '0.0.0.0' };
    const config = await load({ argv: ['--config', 'c.yaml'], env, cwd });
    expect([config.listen, config.cache.maxSize, config.cache.lowWatermark, config.line.port]).toEqual([
      '0.0.0.0',
      5000,
      0.5,
      3003,
    ]);
  });

  test('flags override environment variables and the file', async () => {
    const cwd = tempDir({ 'c.yaml': file });
    const env = { CARBONADO_LINE__PORT: '4003', CARBONADO_LISTEN: '0.0.0.0' };
    const argv = ['--config', 'c.yaml', '--line-port', '5003', '--set', 'cache.maxSize=7'];
    const config = await load({ argv, env, cwd });
    expect([config.listen, config.line.port, config.cache.maxSize]).toEqual(['0.0.0.0', 5003, 7]);
  });

  test('among flags the later one wins, named or --set', async () => {
    const cwd = tempDir();
    const first = await load({ argv: ['--line-port', '2103', '--set', 'line.port=2203'], cwd });
    const second = await load({ argv: ['--set', 'line.port=2203', '--line-port=2103'], cwd });
    expect([first.line.port, second.line.port]).toEqual([2203, 2103]);
  });

  test('a bad value that a higher source replaces is never reported', async () => {
    const cwd = tempDir({ 'c.yaml': 'cache:\n  maxSize: -5\n' });
    const config = await load({ argv: ['--config', 'c.yaml'], env: { CARBONADO_CACHE__MAX_SIZE: '9' }, cwd });
    expect(config.cache.maxSize).toBe(9);
  });
});

describe('flags', () => {
  test('every named flag sets its key', async () => {
    const cwd = tempDir();
    const argv = [
      ...['--listen', '::', '--data-dir', '/d', '--conf-dir', '/c', '--line-port', '1'],
      ...['--pickle-port', '2', '--http-port', '3', '--log-level', 'warn', '--workers', '7'],
    ];
    const c = await load({ argv, cwd });
    expect([c.listen, c.dataDir, c.confDir, c.line.port, c.pickle.port, c.http.port, c.log.level]).toEqual([
      '::',
      '/d',
      '/c',
      1,
      2,
      3,
      'warn',
    ]);
    expect(c.persister.workers).toBe(7);
  });

  test('--set reads numbers, booleans and inf, and is repeatable', async () => {
    const argv = ['--set', 'whisper.sparse=true', '--set', 'cache.lowWatermark=0.8'];
    const c = await load({ argv: [...argv, '--set', 'persister.maxUpdatesPerSecond=inf'], cwd: tempDir() });
    expect([c.whisper.sparse, c.cache.lowWatermark, c.persister.maxUpdatesPerSecond]).toEqual([
      true,
      0.8,
      Infinity,
    ]);
  });

  test('values of text keys stay text even when they look like numbers', async () => {
    const argv = ['--set', 'selfMetrics.instance=1', '--data-dir', '2024'];
    const env = { CARBONADO_SELF_METRICS__HOST: '007' };
    const c = await load({ argv, env, cwd: '/srv' });
    expect([c.selfMetrics.instance, c.selfMetrics.host, c.dataDir]).toEqual(['1', '007', '/srv/2024']);
  });
});
