// Metric name normalization and the name → path mapping: hostile names, carbon's tag canonicalization
// (against carbon's own TaggedSeries, test/fixtures/ingest/carbon-names.json), and the .wsp paths.
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  MAX_FILENAME_LENGTH,
  MAX_PATH_LENGTH,
  canonicalMetricName,
  compareCodePoints,
  metricRelativePath,
  normalizeMetricName,
} from '../../src/ingest/metric-name.js';
import { readFixture } from './recording-sink.js';

const x = (n: number) => 'x'.repeat(n);
const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('normalizeMetricName rejects names that could escape or corrupt the data directory', () => {
  const hostile: [string, RegExp, string?][] = [
    ['', /empty metric name/],
    ['../../etc/passwd', /empty node \(leading '\.'\)/],
    ['a/../../b', /contains '\/'/],
    ['/etc/passwd', /contains '\/'/],
    ['a/b', /contains '\/'/],
    ['a\\b', /contains '\\'/],
    ['..\\..\\x', /empty node/],
    ['a..b', /empty node \(consecutive '\.'\)/],
    ['.a', /empty node \(leading '\.'\)/],
    ['a.', /empty node \(trailing '\.'\)/],
    ['.', /empty node/],
    ['..', /empty node/],
    ['a\u0000b', /control character U\+0000 at position 1/],
    ['a\tb', /control character U\+0009/],
    ['a\u001bb', /control character U\+001B/],
    ['a\u007fb', /control character U\+007F/],
    ['a\u0085b', /control character U\+0085/],
    ['a\ud800b', /lone UTF-16 surrogate/],
    ['a\udc00', /lone UTF-16 surrogate/],
    ['_tagged.x', /reserved node "_tagged"/],
    ['_tagged', /reserved node "_tagged"/],
    [`a.${x(256)}.b`, /node of 256 bytes/, 'a 256-byte directory node'],
    [`a.${x(252)}`, /node of 256 bytes with \.wsp/, 'a 252-byte last node (256 with .wsp)'],
    ['é'.repeat(126), /node of 256 bytes with \.wsp/, '126 × é (252 UTF-8 bytes)'],
    [Array.from({ length: 50 }, () => x(99)).join('.'), /makes a 5003-byte path/, 'a 4999-byte name'],
    ['~', /only '~'/],
    ['~~~', /only '~'/],
    ['cpu;host', /invalid segment "host"/],
    [';a=b', /no metric before its tags/],
    ['a\u0000;b=c', /control character/],
    ['cpu;b=c\u0001', /control character/],
    ['../x;name=y', /empty node/],
    ['a;b{c="d"}', /no stable canonical form/],
    ['a{b="c"}{d="e"}', /more than one '\{'/],
    ['cpu{host=a"}', /invalid segment/],
  ];
  test.each(hostile.map(([raw, reason, label]) => [label ?? JSON.stringify(raw), raw, reason] as const))(
    '%s is rejected',
    (_title, raw, reason) => {
      const result = normalizeMetricName(raw);
      expect(result.ok).toBe(false);
      expect(result.ok ? '' : result.reason).toMatch(reason);
    },
  );
});

describe('normalizeMetricName accepts ordinary and unusual but safe names', () => {
  const safe: [string, string, string, string?][] = [
    ['servers.host042.cpu.user', 'servers.host042.cpu.user', 'servers/host042/cpu/user.wsp'],
    ['métrique.é', 'métrique.é', 'métrique/é.wsp'],
    ['😀.x', '😀.x', '😀/x.wsp'],
    ['~a.b', 'a.b', 'a/b.wsp'],
    ['a~.b~', 'a~.b~', 'a~/b~.wsp'],
    ['_taggedx._tagged', '_taggedx._tagged', '_taggedx/_tagged.wsp'],
    ['a{b}', 'a{b}', 'a{b}.wsp'],
    ['a b', 'a b', 'a b.wsp'],
    [`a.${x(251)}`, `a.${x(251)}`, `a/${x(251)}.wsp`, 'a 251-byte last node (255 with .wsp)'],
    [`${x(255)}.b`, `${x(255)}.b`, `${x(255)}/b.wsp`, 'a 255-byte directory node'],
    ['é'.repeat(125), 'é'.repeat(125), `${'é'.repeat(125)}.wsp`, '125 × é (250 UTF-8 bytes)'],
    ['cpu;name=other', 'cpu', 'cpu.wsp'],
  ];
  test.each(safe.map(([raw, name, path, label]) => [label ?? JSON.stringify(raw), raw, name, path] as const))(
    '%s is accepted and stored at its path',
    (_title, raw, name, path) => {
      expect(normalizeMetricName(raw)).toEqual({ ok: true, name });
      expect(metricRelativePath(name)).toBe(path);
    },
  );

  test('the longest accepted plain path is MAX_PATH_LENGTH bytes', () => {
    const nodes = Array.from({ length: 16 }, () => x(250));
    nodes.push(x(MAX_PATH_LENGTH - 16 * 251 - '.wsp'.length));
    const name = nodes.join('.');
    expect(normalizeMetricName(name).ok).toBe(true);
    expect(Buffer.byteLength(metricRelativePath(name))).toBe(MAX_PATH_LENGTH);
    expect(normalizeMetricName(`${name}x`).ok).toBe(false);
    expect(MAX_FILENAME_LENGTH).toBe(255);
  });
});

describe('tagged names', () => {
  test.each([
    ['cpu;host=a;dc=x', 'cpu;dc=x;host=a'],
    ['cpu;dc=x;host=a;dc=y', 'cpu;dc=y;host=a'],
    ['cpu{host="a",dc="x"}', 'cpu;dc=x;host=a'],
    ['cpu{host="a\\"b"}', 'cpu;host=a"b'],
    ['~cpu;host=a', 'cpu;host=a'],
    ['../../etc;x=y', '../../etc;x=y'],
    ['a;\u{1F600}=1;\uff01=2', 'a;\uff01=2;\u{1F600}=1'],
  ])('%j canonicalizes to %j and lives under _tagged/ by its sha256', (raw, canonical) => {
    expect(normalizeMetricName(raw)).toEqual({ ok: true, name: canonical });
    const h = sha(canonical);
    expect(metricRelativePath(canonical)).toBe(`_tagged/${h.slice(0, 3)}/${h.slice(3, 6)}/${h}.wsp`);
  });

  test('sorting follows code points, as Python does, not UTF-16 units', () => {
    expect(['\u{1F600}', '\uff01', 'a'].sort(compareCodePoints)).toEqual(['a', '\uff01', '\u{1F600}']);
    expect(['\uff01', '\u{1F600}'].sort()).toEqual(['\u{1F600}', '\uff01']);
  });
});

describe("agreement with carbon's TaggedSeries", () => {
  type NameCase = { raw: string; path?: string; file?: string; error?: string };
  const cases = readFixture<NameCase[]>('carbon-names.json');

  test('canonicalMetricName gives carbon’s path, or fails where carbon raises', () => {
    const disagree = cases.filter(({ raw, path }) => {
      const ours = canonicalMetricName(raw);
      return path === undefined ? ours.ok : !ours.ok || ours.name !== path;
    });
    expect(disagree).toEqual([]);
    expect(cases.filter((c) => c.error !== undefined).length).toBeGreaterThan(1000);
    expect(cases.filter((c) => c.path?.includes(';')).length).toBeGreaterThan(300);
  });

  test('normalizeMetricName only ever narrows carbon: an accepted name is carbon’s canonical path', () => {
    const disagree = cases.filter(({ raw, path }) => {
      const ours = normalizeMetricName(raw);
      return ours.ok && ours.name !== path;
    });
    expect(disagree).toEqual([]);
  });

  test('metricRelativePath gives the file carbon writes with TAG_HASH_FILENAMES', () => {
    const accepted = cases.filter(({ raw }) => normalizeMetricName(raw).ok);
    expect(accepted.filter(({ path, file }) => metricRelativePath(path!) !== file)).toEqual([]);
    expect(accepted.length).toBeGreaterThan(500);
  });
});

describe('metricRelativePath', () => {
  test('refuses a plain name that was not normalized, instead of building an unsafe path', () => {
    expect(() => metricRelativePath('../etc/passwd')).toThrow(RangeError);
    expect(() => metricRelativePath('a\u0000b')).toThrow(/control character/);
    expect(() => metricRelativePath('_tagged.abc')).toThrow(/reserved/);
  });
});
