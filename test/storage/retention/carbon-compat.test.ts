// Compatibility with the real carbon: replays test/fixtures/retention/expected.json, written by generate.py
// with Debian's graphite-carbon 1.1.7, and asserts storage/retention makes the same choices, or the
// documented stricter one (docs/schemas.md, "Deviations from carbon").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { StorageError } from '../../../storage/errors.js';
import { parseIni, sectionItems } from '../../../storage/retention/ini.js';
import {
  type RetentionMatch,
  parseRetentionDef,
  parseWhisperRetentionDef,
  readRetentionPolicy,
  readStorageAggregation,
  readStorageSchemas,
  translatePythonRegex,
} from '../../../storage/retention/index.js';
import { outcome, rejection } from './helpers.js';

type Parsed = [number, number] | { error: string };
interface LoadResult {
  outcome: 'loaded' | 'raised';
  error?: string;
  logs: string[];
  rules?: { name: string; class: string; xFilesFactor?: number | null; aggregationMethod?: string | null }[];
}
interface Pick {
  metric: string;
  schema?: string;
  schemaClass?: string;
  archives?: [number, number][];
  aggregation?: string;
  aggregationClass?: string;
  xFilesFactor?: number | null;
  aggregationMethod?: string | null;
}
interface Expected {
  carbon: string;
  retentionDefs: { def: string; carbon: Parsed; whisper: Parsed }[];
  regexes: ({ pattern: string; error: string } | { pattern: string; search: [string, boolean][] })[];
  ini: (
    | { name: string; text: string; error: string; line: number | null }
    | { name: string; text: string; sections: [string, Record<string, string>][] }
  )[];
  configs: Record<string, { schemas: LoadResult; aggregation: LoadResult; metrics: Pick[] }>;
  deviations: Record<string, { carbon: LoadResult; metrics: Pick[] }>;
  missingFiles: { schemas: LoadResult; aggregation: LoadResult };
}

const DIR = join(import.meta.dirname, '../../fixtures/retention');
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Expected;
const INVALID_RETENTION = { code: 'STORAGE_ERR_INVALID_RETENTION' };

/** Carbon accepts these (0 points, 0 s precision, Arabic-Indic digits); we refuse. */
const STRICTER_RETENTIONS = ['60:30s', '0:60', '60:0', '\u0666\u0660:\u0661\u0660'];
/** Valid Python that Node 20's RegExp cannot express; we refuse them by name. */
const UNTRANSLATABLE = [
  '(?i:a)',
  'a*+',
  '(?>a)',
  '(?x)a b',
  '\\N{DIGIT ONE}',
  '(a)?(?(1)b|c)',
  '[\\W]',
  '[\\S]',
];

/** A carbon pick in the shape of RetentionMatch: carbon's DefaultSchema is our null, None our default. */
function carbonMatch(pick: Pick): Omit<RetentionMatch, 'archives'> & { archives: [number, number][] } {
  return {
    archives: pick.archives ?? [],
    xFilesFactor: pick.xFilesFactor ?? 0.5,
    aggregationMethod: (pick.aggregationMethod ?? 'average') as RetentionMatch['aggregationMethod'],
    schema: pick.schemaClass === 'DefaultSchema' ? null : (pick.schema ?? null),
    aggregation: pick.aggregationClass === 'DefaultSchema' ? null : (pick.aggregation ?? null),
  };
}

function ourMatch(m: RetentionMatch): ReturnType<typeof carbonMatch> {
  return { ...m, archives: m.archives.map((a): [number, number] => [a.secondsPerPoint, a.points]) };
}

test('the fixture comes from carbon 1.1.7', () => {
  expect(expected.carbon).toBe('1.1.7');
});

describe('retention definitions', () => {
  test.each(expected.retentionDefs)('$def is parsed as carbon.util and whisper.py parse it', (e) => {
    const want = (parsed: Parsed) =>
      'error' in parsed || STRICTER_RETENTIONS.includes(e.def)
        ? INVALID_RETENTION
        : { ok: { secondsPerPoint: parsed[0], points: parsed[1] } };
    expect(outcome(() => parseRetentionDef(e.def))).toEqual(want(e.carbon));
    expect(outcome(() => parseWhisperRetentionDef(e.def))).toEqual(want(e.whisper));
  });

  test('the stricter cases are ones carbon really accepts', () => {
    const byDef = new Map(expected.retentionDefs.map((e) => [e.def, e.carbon]));
    expect(STRICTER_RETENTIONS.map((d) => byDef.get(d))).toEqual([
      [60, 0],
      [0, 60],
      [60, 0],
      [60, 10],
    ]);
  });
});

describe('regexes', () => {
  test.each(expected.regexes)('$pattern finds what re.search finds', (c) => {
    const subjects = 'search' in c ? c.search : [];
    const want =
      'error' in c || UNTRANSLATABLE.includes(c.pattern)
        ? { code: 'STORAGE_ERR_INVALID_SCHEMA' }
        : { ok: subjects };
    expect(
      outcome(() => {
        const re = translatePythonRegex(c.pattern);
        return subjects.map(([s]) => [s, re.test(s)]);
      }),
    ).toEqual(want);
  });

  test('the untranslatable patterns are valid Python', () => {
    const valid = expected.regexes.filter((c) => 'search' in c).map((c) => c.pattern);
    expect(valid).toEqual(expect.arrayContaining(UNTRANSLATABLE));
  });
});

function readIni(text: string) {
  try {
    const doc = parseIni(text, 'x.ini');
    const values = (m: ReadonlyMap<string, { value: string }>) =>
      Object.fromEntries([...m].map(([k, v]) => [k, v.value]));
    return {
      defaults: values(doc.defaults),
      sections: doc.sections.map((s) => [s.name, values(sectionItems(doc, s))]),
    };
  } catch (err) {
    if (err instanceof StorageError) return { code: err.code, line: err.context.line };
    throw err;
  }
}

describe('INI', () => {
  test.each(expected.ini)('$name reads as carbon’s OrderedConfigParser reads it', (c) => {
    const stricter = c.name.startsWith('stricter-');
    const want =
      'error' in c || stricter
        ? {
            code: 'STORAGE_ERR_INVALID_SCHEMA',
            line: 'error' in c && c.line !== null ? c.line : expect.any(Number),
          }
        : {
            defaults: c.sections.find(([name]) => name === 'DEFAULT')?.[1] ?? {},
            sections: c.sections.filter(([name]) => name !== 'DEFAULT'),
          };
    expect(readIni(c.text)).toEqual(want);
  });
});

describe.each(Object.entries(expected.configs))('the %s config', (name, carbon) => {
  test('loads the same rules in the same order', async () => {
    const policy = await readRetentionPolicy(join(DIR, name));
    const patternRules = (r: LoadResult) => (r.rules ?? []).filter((rule) => rule.class === 'PatternSchema');
    expect(policy.schemas.rules.map((r) => r.name)).toEqual(patternRules(carbon.schemas).map((r) => r.name));
    expect(policy.aggregation.rules.map((r) => [r.name, r.xFilesFactor, r.aggregationMethod])).toEqual(
      patternRules(carbon.aggregation).map((r) => [r.name, r.xFilesFactor, r.aggregationMethod]),
    );
  });

  test('picks the schema, archives, xFilesFactor and method carbon’s writer picks', async () => {
    const policy = await readRetentionPolicy(join(DIR, name));
    expect(carbon.metrics.map((pick) => [pick.metric, ourMatch(policy.match(pick.metric))])).toEqual(
      carbon.metrics.map((pick) => [pick.metric, carbonMatch(pick)]),
    );
  });
});

/** Each deviation file → the problem our error names, or null where we load what carbon ignores. */
const DEVIATIONS: Record<string, string | null> = {
  'schemas-bad-unit.conf': ' [default]: retentions "1x:1d": invalid precision "1x": unknown unit "x"',
  'schemas-whisper-unit.conf':
    ' [default]: retentions "1min:1d": invalid precision "1min": unknown unit "min"',
  'schemas-invalid-archive-list.conf':
    ' [bad]: retentions "60:1d,61:2d": higher precision archives\' precision',
  'schemas-missing-retentions.conf': ' [no_retentions]: retentions is missing',
  'schemas-missing-pattern.conf': ' [no_pattern]: neither pattern nor match-all = true is set',
  'schemas-empty-pattern.conf': ' [empty_pattern]: pattern is empty',
  'schemas-bad-regex.conf': ' [bad_regex]: pattern "^(carbon": is not a valid regular expression',
  'schemas-zero-points.conf':
    ' [zero_points]: retentions "60:30s": duration "30s" is shorter than the precision',
  'schemas-zero-precision.conf': ' [zero_precision]: retentions "0:60": precision must be at least 1 second',
  'schemas-zero-precision-unit.conf':
    ' [zero_precision]: retentions "0:1d": precision must be at least 1 second',
  'schemas-percent.conf': ':2: [percent] pattern: "%" must be followed by "%" or "("',
  'schemas-duplicate-section.conf': ':5: section [a] already defined at line 1',
  'schemas-duplicate-key.conf': ':3: key "pattern" in [a] already set at line 2',
  'schemas-header-trailing-text.conf': ':1: text after section header [carbon]',
  'schemas-indented-header.conf': ':4: indented [b] continues the value of "pattern"',
  'schemas-default-pattern.conf': ' [DEFAULT]: pattern may not be set in [DEFAULT]',
  'schemas-bom.conf': ':1: file starts with a byte-order mark (U+FEFF)',
  'schemas-match-all.conf': null,
  'schemas-priority.conf': null,
  'schemas-scoped-flags.conf':
    ' [scoped]: pattern "^(?i:carbon)\\.": scoped inline flags (?i:…) are not supported',
  'aggregation-bad-xff.conf': ' [half]: xFilesFactor "half" is not a number',
  'aggregation-empty-xff.conf': ' [empty]: xFilesFactor "" is not a number',
  'aggregation-xff-out-of-range.conf': ' [count]: xFilesFactor "2" is not between 0 and 1',
  'aggregation-bad-method.conf': ' [count]: aggregationMethod "avg" is not one of',
  'aggregation-missing-pattern.conf': ' [no_pattern]: pattern is missing',
};

function readDeviation(file: string): Promise<unknown> {
  const path = join(DIR, 'deviations', file);
  return file.startsWith('schemas-') ? readStorageSchemas(path) : readStorageAggregation(path);
}

describe('deviations from carbon', () => {
  test('every deviation file in the fixture has an expectation here', () => {
    expect(Object.keys(DEVIATIONS).sort()).toEqual(Object.keys(expected.deviations).sort());
  });

  test('whatever carbon refuses or logs about, we reject too', () => {
    const complained = Object.entries(expected.deviations)
      .filter(([, d]) => d.carbon.outcome === 'raised' || d.carbon.logs.length > 0)
      .map(([file]) => file);
    expect(complained.filter((file) => DEVIATIONS[file] === null)).toEqual(['schemas-match-all.conf']);
  });

  test.each(Object.entries(DEVIATIONS).filter((e): e is [string, string] => e[1] !== null))(
    '%s is rejected: …%s',
    async (file, problem) => {
      const err = await rejection(readDeviation(file));
      expect(err.code).toBe('STORAGE_ERR_INVALID_SCHEMA');
      expect(err.message).toContain(`${join(DIR, 'deviations', file)}${problem}`);
    },
  );

  test('match-all = true is honoured (carbon 0.9 did; carbon 1.1.7 skips the section)', async () => {
    const d = expected.deviations['schemas-match-all.conf'];
    expect(d?.carbon.logs).toEqual(["Schema everything missing 'pattern', skipping"]);
    expect(d?.metrics.find((m) => m.metric === 'other')?.schemaClass).toBe('DefaultSchema');
    const schemas = await readStorageSchemas(join(DIR, 'deviations', 'schemas-match-all.conf'));
    expect(schemas.match('other').schema).toBe('everything');
    expect(schemas.match('carbon.agents.a').schema).toBe('carbon');
  });

  test('priority reorders sections (go-carbon); carbon ignores the key and keeps file order', async () => {
    const d = expected.deviations['schemas-priority.conf'];
    const carbonPicks = ['carbon.agents.a', 'carbon.relays.r1'].map(
      (m) => d?.metrics.find((p) => p.metric === m)?.schema,
    );
    expect(carbonPicks).toEqual(['default', 'default']);
    const schemas = await readStorageSchemas(join(DIR, 'deviations', 'schemas-priority.conf'));
    expect(['carbon.agents.a', 'carbon.relays.r1', 'other'].map((m) => schemas.match(m).schema)).toEqual([
      'carbon',
      'carbon',
      'default',
    ]);
  });

  test('a missing storage-schemas.conf gives the defaults, where carbon refuses to start', async () => {
    expect(expected.missingFiles.schemas.error).toMatch(/^CarbonConfigException: Error: Missing config file/);
    expect(expected.missingFiles.aggregation.outcome).toBe('loaded');
    const policy = await readRetentionPolicy(join(DIR, 'no-such-dir'));
    expect(ourMatch(policy.match('any.metric'))).toEqual({
      archives: [[60, 10_080]],
      xFilesFactor: 0.5,
      aggregationMethod: 'average',
      schema: null,
      aggregation: null,
    });
  });
});
