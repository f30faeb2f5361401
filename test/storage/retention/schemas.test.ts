// storage-schemas.conf: matching order, priority, the built-in default, match-all, regex translation, and
// errors that name file, section and problem (graphite.md §6.4; go-carbon whisper_schema.go for priority).
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_ARCHIVES,
  defaultStorageSchemas,
  parseStorageSchemas,
  readStorageSchemas,
} from '../../../storage/retention/schemas.js';
import { confDir, rejection, storageError } from './helpers.js';

const FILE = 'storage-schemas.conf';
const GRAPHITE_EXAMPLE = `
[carbon]
pattern = ^carbon\\.
retentions = 60:90d

[default_1min_for_1day]
pattern = .*
retentions = 60s:1d
`;

describe('parseStorageSchemas matching', () => {
  test('the first section in file order whose pattern matches wins', () => {
    const schemas = parseStorageSchemas(GRAPHITE_EXAMPLE, FILE);
    expect(schemas.match('carbon.agents.a.cpuUsage')).toEqual({
      schema: 'carbon',
      archives: [{ secondsPerPoint: 60, points: 129_600 }],
    });
    expect(schemas.match('stats.carbon.x')).toEqual({
      schema: 'default_1min_for_1day',
      archives: [{ secondsPerPoint: 60, points: 1440 }],
    });
  });

  test('a catch-all before a narrower section hides it, as in carbon', () => {
    const schemas = parseStorageSchemas(
      '[all]\npattern = .*\nretentions = 60:1d\n[carbon]\npattern = ^carbon\\.\nretentions = 10:1d\n',
      FILE,
    );
    expect(schemas.match('carbon.x').schema).toBe('all');
  });

  test('patterns are unanchored (re.search)', () => {
    const schemas = parseStorageSchemas('[cpu]\npattern = cpu\nretentions = 10:1d\n', FILE);
    expect(schemas.match('servers.web1.cpu.user').schema).toBe('cpu');
  });

  test('when nothing matches, carbon’s default 60 s × 10080 points applies and schema is null', () => {
    const schemas = parseStorageSchemas('[carbon]\npattern = ^carbon\\.\nretentions = 60:90d\n', FILE);
    expect(schemas.match('stats.x')).toEqual({ schema: null, archives: DEFAULT_ARCHIVES });
    expect(DEFAULT_ARCHIVES).toEqual([{ secondsPerPoint: 60, points: 10_080 }]);
  });

  test('an empty file has no rules and gives the default to everything', () => {
    const schemas = parseStorageSchemas('# nothing here\n', FILE);
    expect(schemas.rules).toEqual([]);
    expect(schemas.match('x')).toEqual({ schema: null, archives: DEFAULT_ARCHIVES });
  });

  test('archives come back sorted by precision whatever the written order', () => {
    const schemas = parseStorageSchemas('[a]\npattern = .*\nretentions = 1h:1y, 10s:6h, 1m:7d\n', FILE);
    expect(schemas.match('x').archives.map((a) => a.secondsPerPoint)).toEqual([10, 60, 3600]);
  });

  test('higher priority wins, equal priorities keep file order, and the default priority is 0', () => {
    const schemas = parseStorageSchemas(
      `[catch_all]\npattern = .*\nretentions = 60:1d\npriority = -1\n` +
        `[plain]\npattern = ^carbon\\.\nretentions = 60:2d\n` +
        `[first_ten]\npattern = ^carbon\\.\nretentions = 10:1d\npriority = 10\n` +
        `[second_ten]\npattern = ^carbon\\.relays\\.\nretentions = 30:1d\npriority = +10\n`,
      FILE,
    );
    expect(schemas.rules.map((r) => [r.name, r.priority])).toEqual([
      ['first_ten', 10],
      ['second_ten', 10],
      ['plain', 0],
      ['catch_all', -1],
    ]);
    expect(schemas.match('carbon.relays.a').schema).toBe('first_ten');
    expect(schemas.match('stats.x').schema).toBe('catch_all');
  });

  test('match-all = true (carbon 0.9) matches every metric; match-all = false is as if absent', () => {
    const schemas = parseStorageSchemas(
      '[carbon]\npattern = ^carbon\\.\nretentions = 60:90d\n[everything]\nmatch-all = True\nretentions = 1m:30d\n',
      FILE,
    );
    expect(schemas.rules[1]).toMatchObject({ name: 'everything', pattern: null, regex: null });
    expect(schemas.match('carbon.x').schema).toBe('carbon');
    expect(schemas.match('anything').archives).toEqual([{ secondsPerPoint: 60, points: 43_200 }]);
    expect(
      parseStorageSchemas('[a]\npattern = ^a\nmatch-all = off\nretentions = 60:1d\n', FILE).match('b').schema,
    ).toBeNull();
  });

  test('Python-only regex syntax is translated', () => {
    const schemas = parseStorageSchemas(
      '[named]\npattern = ^(?P<app>[a-z]+)\\.(?P=app)\\.\nretentions = 5s:10m\n' +
        '[nocase]\npattern = (?i)^servers\\.\nretentions = 30s:12h\n' +
        '[exact]\npattern = \\Aexact\\.name\\Z\nretentions = 2m:2d\n',
      FILE,
    );
    expect(schemas.match('web.web.hits').schema).toBe('named');
    expect(schemas.match('web.db.hits').schema).toBeNull();
    expect(schemas.match('SERVERS.web1').schema).toBe('nocase');
    expect(schemas.match('exact.name').schema).toBe('exact');
    expect(schemas.match('exact.name.x').schema).toBeNull();
  });

  test('[DEFAULT] keys are inherited and %% interpolates to a percent sign', () => {
    const schemas = parseStorageSchemas(
      '[DEFAULT]\nretentions = 10:360\n[inherits]\npattern = ^a\\.\n[pct]\npattern = ^pct%%\\.\nretentions = 30:60\n',
      FILE,
    );
    expect(schemas.match('a.x').archives).toEqual([{ secondsPerPoint: 10, points: 360 }]);
    expect(schemas.match('pct%.x').schema).toBe('pct');
  });

  test('the result is deeply frozen', () => {
    const schemas = parseStorageSchemas(GRAPHITE_EXAMPLE, FILE);
    expect(Object.isFrozen(schemas)).toBe(true);
    expect(Object.isFrozen(schemas.rules)).toBe(true);
    expect(Object.isFrozen(schemas.rules[0])).toBe(true);
    expect(Object.isFrozen(schemas.match('carbon.x').archives[0])).toBe(true);
    expect(schemas.rules[0]).toMatchObject({ name: 'carbon', pattern: '^carbon\\.', priority: 0, line: 2 });
  });
});

describe('parseStorageSchemas errors name the file, the section and the problem', () => {
  test.each([
    ['1x:1d', 'retentions "1x:1d": invalid precision "1x": unknown unit "x" (units are s, m, h, d, w, y)'],
    ['60:1d,5min:30d', 'retentions "5min:30d": invalid precision "5min": unknown unit "min"'],
    ['60:30s', 'retentions "60:30s": duration "30s" is shorter than the precision (60 s), leaving 0 points'],
    [
      '60:1d,90:2d',
      'retentions "60:1d,90:2d": higher precision archives\' precision must evenly divide all lower ' +
        "precision archives' precision (archive0: 60s, archive1: 90s)",
    ],
    ['60:1d,60:2d', 'retentions "60:1d,60:2d": two archives have the same precision'],
    ['60:1d,5m:1d', 'retentions "60:1d,5m:1d": lower precision archives must cover larger time intervals'],
    [
      '10:5,60:1d',
      'retentions "10:5,60:1d": archive1 consolidates 6 of archive0\'s points but it has only 5',
    ],
    ['1d:1000y', 'retentions "1d:1000y": archive 86400s×365000 retains 31536000000 seconds'],
  ])('retentions = %s', (retentions, problem) => {
    const err = storageError(() =>
      parseStorageSchemas(`[default]\npattern = .*\nretentions = ${retentions}\n`, FILE),
    );
    expect(err.code).toBe('STORAGE_ERR_INVALID_SCHEMA');
    expect(err.message).toContain(`${FILE} [default]: ${problem}`);
    expect(err.context).toMatchObject({ file: FILE, section: 'default', line: 3 });
  });

  test.each([
    ['no pattern', '[s]\nretentions = 60:1d\n', 'neither pattern nor match-all = true is set (carbon skips'],
    ['match-all = no', '[s]\nmatch-all = no\nretentions = 60:1d\n', 'neither pattern nor match-all = true'],
    ['no retentions', '[s]\npattern = x\n', 'retentions is missing (carbon skips such a section)'],
    ['an empty pattern', '[s]\npattern =\nretentions = 60:1d\n', 'pattern is empty'],
    [
      'a bad regex',
      '[s]\npattern = ^(a\nretentions = 60:1d\n',
      'pattern "^(a": is not a valid regular expression',
    ],
    ['scoped flags', '[s]\npattern = (?i:a)\nretentions = 60:1d\n', 'pattern "(?i:a)": scoped inline flags'],
    [
      'a bad priority',
      '[s]\npattern = x\nretentions = 60:1d\npriority = high\n',
      'priority "high" is not a whole',
    ],
    [
      'a fractional priority',
      '[s]\npattern = x\nretentions = 60:1d\npriority = 1.5\n',
      'priority "1.5" is not',
    ],
    ['a bad match-all', '[s]\nmatch-all = maybe\nretentions = 60:1d\n', 'match-all "maybe" is not a boolean'],
    [
      'both pattern and match-all',
      '[s]\npattern = x\nmatch-all = 1\nretentions = 60:1d\n',
      'pattern and match-all = true are both set; keep one',
    ],
  ])('%s', (_what, text, problem) => {
    const err = storageError(() => parseStorageSchemas(text, FILE));
    expect(err.code).toBe('STORAGE_ERR_INVALID_SCHEMA');
    expect(err.message).toContain(`${FILE} [s]: ${problem}`);
    expect(err.context).toMatchObject({ file: FILE, section: 's' });
  });

  test('every problem of a section is reported at once', () => {
    const err = storageError(() => parseStorageSchemas('[s]\npattern = (\nretentions = 1x:1d\n', FILE));
    expect(err.message).toMatch(/^storage-schemas\.conf \[s\]: pattern "\(": .*; retentions "1x:1d": /);
  });

  test('[DEFAULT] may not carry a pattern (carbon would make it a rule of its own)', () => {
    const err = storageError(() =>
      parseStorageSchemas('[DEFAULT]\npattern = .*\n[a]\nretentions = 60:1d\n', FILE),
    );
    expect(err.message).toContain(`${FILE} [DEFAULT]: pattern may not be set in [DEFAULT]`);
    expect(err.context).toMatchObject({ line: 2 });
  });

  test('INI syntax errors carry file and line', () => {
    const err = storageError(() => parseStorageSchemas('[a]\npattern = x\nretentions = 60:1d\n[a]\n', FILE));
    expect(err.message).toBe(`${FILE}:4: section [a] already defined at line 1`);
  });
});

describe('readStorageSchemas', () => {
  test('reads a file and names its path in errors', async () => {
    const { dir, cleanup } = confDir({
      [FILE]: GRAPHITE_EXAMPLE,
      'bad.conf': '[default]\npattern = .*\nretentions = 1x:1d\n',
    });
    try {
      const schemas = await readStorageSchemas(join(dir, FILE));
      expect(schemas.file).toBe(join(dir, FILE));
      expect(schemas.match('carbon.a').schema).toBe('carbon');
      const err = await rejection(readStorageSchemas(join(dir, 'bad.conf')));
      expect(err.message.startsWith(`${join(dir, 'bad.conf')} [default]: retentions "1x:1d"`)).toBe(true);
    } finally {
      cleanup();
    }
  });

  test('a missing file gives the built-in default and no file', async () => {
    const { dir, cleanup } = confDir({});
    try {
      const schemas = await readStorageSchemas(join(dir, FILE));
      expect(schemas.file).toBeNull();
      expect(schemas.rules).toEqual([]);
      expect(schemas.match('x')).toEqual(defaultStorageSchemas().match('x'));
    } finally {
      cleanup();
    }
  });

  test('invalid UTF-8 is a schema error, a directory is an I/O error', async () => {
    const { dir, cleanup } = confDir({ [FILE]: Buffer.from([0x5b, 0x61, 0x5d, 0x0a, 0xff, 0xfe]) });
    try {
      const err = await rejection(readStorageSchemas(join(dir, FILE)));
      expect([err.code, err.message]).toEqual([
        'STORAGE_ERR_INVALID_SCHEMA',
        `${join(dir, FILE)}: not valid UTF-8 text`,
      ]);
      expect((await rejection(readStorageSchemas(dir))).code).toBe('STORAGE_ERR_IO');
    } finally {
      cleanup();
    }
  });
});
