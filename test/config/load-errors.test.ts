// loadConfig's failures: each is a ConfigError whose message names the source (file, variable, flag) and key.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadError, tempDir } from './helpers.js';

describe('invalid values (CONFIG_ERR_INVALID)', () => {
  test('a bad value in the file names the file as given and the key', async () => {
    const cwd = tempDir({ 'carbonado.yaml': 'cache:\n  maxSize: -5\n' });
    const err = await loadError({ argv: ['--config', 'carbonado.yaml'], cwd });
    expect([err.code, err.message]).toEqual([
      'CONFIG_ERR_INVALID',
      'config file carbonado.yaml: cache.maxSize: expected a positive integer or inf, got -5',
    ]);
    expect(err.context.issues).toEqual([
      {
        source: 'config file carbonado.yaml',
        key: 'cache.maxSize',
        message: 'cache.maxSize: expected a positive integer or inf, got -5',
      },
    ]);
  });

  test('a bad value from the environment names the variable and the key', async () => {
    const err = await loadError({ env: { CARBONADO_CACHE__MAX_SIZE: 'lots' }, cwd: tempDir() });
    expect(err.message).toBe(
      'environment CARBONADO_CACHE__MAX_SIZE: cache.maxSize: expected a positive integer or inf, got "lots"',
    );
  });

  test('a bad value from a named flag names the flag, its value and the key', async () => {
    const err = await loadError({ argv: ['--line-port', '70000'], cwd: tempDir() });
    expect(err.message).toBe('--line-port 70000: line.port: expected a port number (0–65535), got 70000');
  });

  test('a bad value from --set names the argument and the key', async () => {
    const err = await loadError({ argv: ['--set', 'whisper.sparse=maybe'], cwd: tempDir() });
    expect(err.message).toBe(
      '--set whisper.sparse=maybe: whisper.sparse: expected true or false, got "maybe"',
    );
  });

  test('two listeners on one port blame the sources that set them, not the defaults', async () => {
    const err = await loadError({ argv: ['--http-port', '2003'], cwd: tempDir() });
    expect(err.message).toBe(
      '--http-port 2003: line.port and http.port are both 2003; two TCP listeners cannot share a port',
    );
  });

  test('every problem is reported, one per line, each with its own source', async () => {
    const cwd = tempDir({ 'c.json': '{"log": {"level": "loud"}}' });
    const err = await loadError({
      argv: ['--config', 'c.json', '--workers', '0'],
      env: { CARBONADO_LISTEN: 'no such host!' },
      cwd,
    });
    expect(err.message.split('\n')).toEqual([
      'environment CARBONADO_LISTEN: listen: expected an IPv4 or IPv6 address or a host name, got "no such host!"',
      '--workers 0: persister.workers: expected a positive integer, got 0',
      'config file c.json: log.level: expected one of trace, debug, info, warn, error, fatal, silent, got "loud"',
    ]);
  });

  test('a file whose top level is not a mapping is invalid', async () => {
    const cwd = tempDir({ 'list.yaml': '- listen: 0.0.0.0\n' });
    const err = await loadError({ argv: ['--config', 'list.yaml'], cwd });
    expect([err.code, err.message]).toEqual([
      'CONFIG_ERR_INVALID',
      'config file list.yaml: expected a mapping of keys at the top level, got a list',
    ]);
  });
});

describe('unknown keys (CONFIG_ERR_INVALID)', () => {
  test('an unknown key in the file is rejected, nested or not', async () => {
    const cwd = tempDir({ 'c.yaml': 'cache:\n  maxsize: 5\nlisten_address: 0.0.0.0\n' });
    const err = await loadError({ argv: ['--config', 'c.yaml'], cwd });
    expect(err.message.split('\n')).toEqual([
      'config file c.yaml: unknown key cache.maxsize',
      'config file c.yaml: unknown key listen_address',
    ]);
  });

  test('a key named __proto__ is an unknown key, not a prototype', async () => {
    const cwd = tempDir({ 'c.json': '{"__proto__": {"polluted": 1}}' });
    const err = await loadError({ argv: ['--config', 'c.json'], cwd });
    expect(err.message).toBe('config file c.json: unknown key __proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('an environment variable with the prefix that is no key is rejected', async () => {
    const err = await loadError({ env: { CARBONADO_CACHE__MAXSIZE: '5', HOME: '/root' }, cwd: tempDir() });
    expect(err.message).toBe('environment CARBONADO_CACHE__MAXSIZE: unknown key cache.maxsize');
  });

  test('an environment variable not in SCREAMING_SNAKE_CASE is rejected with the expected form', async () => {
    const err = await loadError({ env: { CARBONADO_cache__maxSize: '5' }, cwd: tempDir() });
    expect(err.message).toBe(
      'environment CARBONADO_cache__maxSize: unknown key "cache__maxSize"; write keys as CARBONADO_CACHE__MAX_SIZE',
    );
  });

  test('an environment variable below a plain value is an unknown key', async () => {
    const err = await loadError({ env: { CARBONADO_LISTEN__PORT: '2003' }, cwd: tempDir() });
    expect(err.message).toBe(
      'environment CARBONADO_LISTEN__PORT: unknown key listen.port (listen is not a section)',
    );
  });

  test('--set with an unknown key is rejected', async () => {
    const err = await loadError({ argv: ['--set', 'cache.bogus=1'], cwd: tempDir() });
    expect(err.message).toBe('--set cache.bogus=1: unknown key cache.bogus');
  });

  test.each([['cache.maxSize'], ['=5'], ['cache..maxSize=5'], ['cache.max-size=5']])(
    '--set %s is not path.to.key=value',
    async (arg) => {
      const err = await loadError({ argv: ['--set', arg], cwd: tempDir() });
      expect(err.message).toBe(`--set ${arg}: expected path.to.key=value, e.g. cache.maxSize=5000`);
    },
  );
});

describe('the command line (CONFIG_ERR_INVALID)', () => {
  test.each([
    [['--line_port', '1'], "command line: Unknown option '--line_port'"],
    [['--line-port'], "command line: Option '--line-port <value>' argument missing"],
    [['serve'], "command line: Unexpected argument 'serve'"],
  ])('%j is rejected', async (argv, message) => {
    const err = await loadError({ argv, cwd: tempDir() });
    expect([err.code, err.message]).toEqual(['CONFIG_ERR_INVALID', message]);
  });
});

describe('unusable files (CONFIG_ERR_FILE)', () => {
  test('a missing file is named as given', async () => {
    const err = await loadError({ argv: ['--config', 'nope.yaml'], cwd: tempDir() });
    expect([err.code, err.message, err.context.file]).toEqual([
      'CONFIG_ERR_FILE',
      'config file nope.yaml: cannot read: no such file',
      'nope.yaml',
    ]);
  });

  test('a directory cannot be read as a config file', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'd.yaml'));
    const err = await loadError({ argv: ['--config', 'd.yaml'], cwd });
    expect(err.code).toBe('CONFIG_ERR_FILE');
    expect(err.message).toMatch(/^config file d\.yaml: cannot read: EISDIR/);
  });

  test('an extension other than .yaml, .yml or .json is refused before reading', async () => {
    const err = await loadError({ argv: ['--config', 'carbon.conf'], cwd: tempDir() });
    expect([err.code, err.message]).toEqual([
      'CONFIG_ERR_FILE',
      'config file carbon.conf: unsupported extension; use .yaml, .yml or .json',
    ]);
  });

  test('a YAML syntax error gives the line and column', async () => {
    const cwd = tempDir({ 'carbonado.yaml': 'cache:\n  maxSize: 5\n writeStrategy: max\n' });
    const err = await loadError({ argv: ['--config', 'carbonado.yaml'], cwd });
    expect([err.code, err.message, err.context]).toEqual([
      'CONFIG_ERR_FILE',
      'config file carbonado.yaml:3:1: All mapping items must start at the same column',
      { file: 'carbonado.yaml', line: 3, column: 1 },
    ]);
  });

  test('a duplicate key in YAML is a syntax error', async () => {
    const cwd = tempDir({ 'c.yaml': 'listen: a\nlisten: b\n' });
    expect((await loadError({ argv: ['--config', 'c.yaml'], cwd })).message).toBe(
      'config file c.yaml:2:1: Map keys must be unique',
    );
  });

  test('an unresolved YAML alias is reported without a position', async () => {
    const cwd = tempDir({ 'c.yaml': 'listen: *nowhere\n' });
    const err = await loadError({ argv: ['--config', 'c.yaml'], cwd });
    expect([err.code, err.message]).toEqual([
      'CONFIG_ERR_FILE',
      'config file c.yaml: Unresolved alias (the anchor must be set before the alias): nowhere',
    ]);
  });

  test('a JSON syntax error gives the line and column', async () => {
    const cwd = tempDir({ 'c.json': '{\n  "listen": "::",\n}\n' });
    const err = await loadError({ argv: ['--config', 'c.json'], cwd });
    expect([err.code, err.context]).toEqual(['CONFIG_ERR_FILE', { file: 'c.json', line: 3, column: 1 }]);
    expect(err.message).toMatch(/^config file c\.json:3:1: \S/);
  });

  test('an empty JSON file is a syntax error', async () => {
    const cwd = tempDir({ 'c.json': '' });
    expect((await loadError({ argv: ['--config', 'c.json'], cwd })).message).toBe(
      'config file c.json: Unexpected end of JSON input',
    );
  });
});
