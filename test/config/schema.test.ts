// ConfigSchema on its own: defaults, derived dirs, ranges and their messages, inf, frozen output.
import { availableParallelism, hostname } from 'node:os';
import { describe, expect, test } from 'vitest';
import { ConfigSchema } from '../../src/config/schema.js';

/** The messages zod reports for `input`, as `key: message`. */
function problems(input: unknown): string[] {
  const result = ConfigSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

test('an empty config takes every default', () => {
  expect(ConfigSchema.parse({})).toEqual({
    dataDir: './data',
    whisperDir: 'data/whisper',
    walDir: 'data/wal',
    confDir: './conf',
    listen: '127.0.0.1',
    line: { port: 2003, tcp: true, udp: true, maxLineLength: 16384 },
    pickle: { port: 2004, enabled: true, maxFrameBytes: 1048576 },
    http: { port: 8080 },
    cache: { maxSize: 10_000_000, lowWatermark: 0.95, writeStrategy: 'sorted' },
    persister: {
      workers: Math.max(1, availableParallelism() - 1),
      maxCreatesPerMinute: Infinity,
      maxUpdatesPerSecond: Infinity,
      flushIntervalMs: 100,
    },
    whisper: { sparse: false, fallocate: true },
    wal: { fsyncIntervalMs: 1000, segmentBytes: 67_108_864 },
    selfMetrics: {
      intervalSeconds: 60,
      prefix: 'carbon',
      host: hostname().replaceAll('.', '_'),
      instance: 'a',
    },
    log: { level: 'info' },
    index: { maxFindResults: 100_000, autocompleteLimit: 100, retireAfterDays: 0 },
    render: { timeZone: 'UTC', cacheTimeout: 60, maxSeries: 100_000 },
    admin: { token: '' },
    shutdown: { flushTimeoutMs: 60_000 },
  });
});

test('the default self-metrics host has no dots, so it stays one metric node', () => {
  expect(ConfigSchema.parse({}).selfMetrics.host).not.toContain('.');
});

test('whisperDir and walDir follow dataDir unless set', () => {
  const derived = ConfigSchema.parse({ dataDir: '/srv/graphite' });
  expect([derived.whisperDir, derived.walDir]).toEqual(['/srv/graphite/whisper', '/srv/graphite/wal']);
  const set = ConfigSchema.parse({ dataDir: '/srv/x', whisperDir: '/opt/graphite/storage/whisper' });
  expect([set.whisperDir, set.walDir]).toEqual(['/opt/graphite/storage/whisper', '/srv/x/wal']);
});

test('setting one key of a section keeps the section’s other defaults', () => {
  expect(ConfigSchema.parse({ line: { udp: false } }).line).toEqual({
    port: 2003,
    tcp: true,
    udp: false,
    maxLineLength: 16384,
  });
});

test('the parsed config and each of its sections are frozen', () => {
  const config = ConfigSchema.parse({});
  expect(Object.isFrozen(config)).toBe(true);
  expect(Object.isFrozen(config.cache)).toBe(true);
});

describe('limits that may be unlimited', () => {
  test.each([['inf'], ['INF'], ['infinity'], [null], [Infinity]])('%s means Infinity', (value) => {
    const { persister, cache } = ConfigSchema.parse({
      persister: { maxCreatesPerMinute: value, maxUpdatesPerSecond: value },
      cache: { maxSize: value },
    });
    expect([persister.maxCreatesPerMinute, persister.maxUpdatesPerSecond, cache.maxSize]).toEqual([
      Infinity,
      Infinity,
      Infinity,
    ]);
  });

  test('maxCreatesPerMinute may be 0 (no new files) or fractional, but not negative', () => {
    expect(ConfigSchema.parse({ persister: { maxCreatesPerMinute: 0 } }).persister.maxCreatesPerMinute).toBe(
      0,
    );
    expect(
      ConfigSchema.parse({ persister: { maxCreatesPerMinute: 0.5 } }).persister.maxCreatesPerMinute,
    ).toBe(0.5);
    expect(problems({ persister: { maxCreatesPerMinute: -1 } })).toEqual([
      'persister.maxCreatesPerMinute: expected a non-negative number or inf, got -1',
    ]);
  });

  test('maxUpdatesPerSecond must be above 0 and cache.maxSize a whole number', () => {
    expect(problems({ persister: { maxUpdatesPerSecond: 0 }, cache: { maxSize: 2.5 } })).toEqual([
      'cache.maxSize: expected a positive integer or inf, got 2.5',
      'persister.maxUpdatesPerSecond: expected a positive number or inf, got 0',
    ]);
  });

  test('a word other than inf is rejected with the word quoted', () => {
    expect(problems({ cache: { maxSize: 'lots' } })).toEqual([
      'cache.maxSize: expected a positive integer or inf, got "lots"',
    ]);
  });
});

describe('ports', () => {
  test('0 (ephemeral) and 65535 are ports', () => {
    const config = ConfigSchema.parse({ line: { port: 0 }, pickle: { port: 0 }, http: { port: 65535 } });
    expect([config.line.port, config.pickle.port, config.http.port]).toEqual([0, 0, 65535]);
  });

  test.each([[-1], [65536], [20.5], ['2003']])('%j is not a port', (port) => {
    expect(problems({ http: { port } })).toEqual([
      `http.port: expected a port number (0–65535), got ${typeof port === 'string' ? `"${port}"` : port}`,
    ]);
  });

  test('two TCP listeners on one fixed port are rejected, naming both keys', () => {
    expect(problems({ line: { port: 8080 } })).toEqual([
      'http.port: line.port and http.port are both 8080; two TCP listeners cannot share a port',
    ]);
  });

  test('a port is shared freely when one side is not TCP or is switched off', () => {
    expect(problems({ line: { port: 8080, tcp: false } })).toEqual([]);
    expect(problems({ pickle: { port: 2003, enabled: false } })).toEqual([]);
  });
});

test.each([
  [
    { cache: { lowWatermark: 0 } },
    'cache.lowWatermark: expected a fraction greater than 0 and at most 1, got 0',
  ],
  [
    { cache: { lowWatermark: 1.5 } },
    'cache.lowWatermark: expected a fraction greater than 0 and at most 1, got 1.5',
  ],
  [
    { cache: { writeStrategy: 'random' } },
    'cache.writeStrategy: expected one of sorted, max, naive, got "random"',
  ],
  [{ persister: { workers: 0 } }, 'persister.workers: expected a positive integer, got 0'],
  [
    { persister: { flushIntervalMs: -1.5 } },
    'persister.flushIntervalMs: expected a positive integer, got -1.5',
  ],
  [{ line: { maxLineLength: '16k' } }, 'line.maxLineLength: expected a positive integer, got "16k"'],
  [{ line: { udp: 'yes' } }, 'line.udp: expected true or false, got "yes"'],
  [{ wal: { segmentBytes: 0 } }, 'wal.segmentBytes: expected a positive integer, got 0'],
  [
    { selfMetrics: { intervalSeconds: -60 } },
    'selfMetrics.intervalSeconds: expected a non-negative integer, got -60',
  ],
  [
    { selfMetrics: { prefix: 'a..b' } },
    'selfMetrics.prefix: expected a metric prefix such as carbon or stats.carbon, got "a..b"',
  ],
  [
    { selfMetrics: { host: 'web1.example' } },
    'selfMetrics.host: expected a host name node (letters, digits, -, _; no dots or spaces), got "web1.example"',
  ],
  [
    { selfMetrics: { instance: 1 } },
    'selfMetrics.instance: expected an instance name (letters, digits, -, _; no dots or spaces), got 1',
  ],
  [
    { log: { level: 'verbose' } },
    'log.level: expected one of trace, debug, info, warn, error, fatal, silent, got "verbose"',
  ],
  [
    { listen: 'not an address' },
    'listen: expected an IPv4 or IPv6 address or a host name, got "not an address"',
  ],
  [{ dataDir: '' }, 'dataDir: expected a directory path, got ""'],
  [{ shutdown: { flushTimeoutMs: null } }, 'shutdown.flushTimeoutMs: expected a positive integer, got null'],
  [{ cache: 5 }, 'cache: expected a mapping, got 5'],
  [{ cache: ['sorted'] }, 'cache: expected a mapping, got a list'],
])('%j is rejected: %s', (input, message) => {
  expect(problems(input)).toEqual([message]);
});

test.each([['0.0.0.0'], ['::'], ['::1'], ['localhost'], ['graphite.example.com']])(
  '%s is a bind address',
  (listen) => {
    expect(ConfigSchema.parse({ listen }).listen).toBe(listen);
  },
);

test('zero self-metrics interval is allowed (it turns them off)', () => {
  expect(ConfigSchema.parse({ selfMetrics: { intervalSeconds: 0 } }).selfMetrics.intervalSeconds).toBe(0);
});

test('unknown keys are rejected at every level', () => {
  const result = ConfigSchema.safeParse({ bogus: 1, cache: { maxsize: 5 } });
  expect(result.error?.issues.map((i) => [i.code, i.path.join('.'), 'keys' in i ? i.keys : []])).toEqual([
    ['unrecognized_keys', 'cache', ['maxsize']],
    ['unrecognized_keys', '', ['bogus']],
  ]);
});
