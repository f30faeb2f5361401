// Properties of metric names: whatever arrives, a name is either rejected or maps to a path that stays inside
// the whisper directory; normalization is idempotent; tag order is Python's code point order.
import { posix } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  MAX_FILENAME_LENGTH,
  MAX_PATH_LENGTH,
  canonicalMetricName,
  compareCodePoints,
  isNormalizedAsciiName,
  metricRelativePath,
  normalizeMetricName,
} from '../../src/ingest/metric-name.js';

// Pieces that hit every rule: separators, dots, tag syntax, controls, surrogates, the reserved node.
const piece = fc.oneof(
  fc.constantFrom('.', '..', '/', '\\', '~', ';', '=', '{', '}', '"', ',', '\\"', ':', '!', '^', ' '),
  fc.constantFrom(
    '_tagged',
    'name',
    'a',
    'b',
    'é',
    '😀',
    '\u0000',
    '\u001f',
    '\u007f',
    '\u0085',
    '\ud800',
    '\udc00',
  ),
  fc.constantFrom('x'.repeat(120), 'é'.repeat(60)),
  fc.string({ unit: 'binary', maxLength: 4 }),
);
const word = fc.array(piece, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));
const tags = fc.array(fc.tuple(word, word), { minLength: 1, maxLength: 5 });
const anyName = fc.oneof(
  fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('')),
  fc.tuple(word, tags).map(([metric, pairs]) => metric + pairs.map(([t, v]) => `;${t}=${v}`).join('')),
  fc
    .tuple(word, tags)
    .map(([metric, pairs]) => `${metric}{${pairs.map(([t, v]) => `${t}="${v}"`).join(',')}}`),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 60 }),
);

/** Why a relative path could leave (or misbehave in) the whisper directory, or undefined if it cannot. */
function pathProblem(path: string): string | undefined {
  const segments = path.split('/');
  if (posix.normalize(path) !== path) return 'not normalized';
  if (path.startsWith('/') || path.startsWith('..')) return 'escapes';
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return 'empty or dot segment';
  if (!path.endsWith('.wsp')) return 'not a .wsp file';
  if (Buffer.byteLength(path) > MAX_PATH_LENGTH) return 'path too long';
  if (segments.some((s) => Buffer.byteLength(s) > MAX_FILENAME_LENGTH)) return 'segment too long';
  if (/[\p{Cc}]/u.test(path) || /\p{Cs}/u.test(path)) return 'control character or lone surrogate';
  return undefined;
}

describe('metric names', () => {
  test('any string is either rejected or yields a relative path that stays inside the whisper directory', () => {
    fc.assert(
      fc.property(anyName, (raw) => {
        const result = normalizeMetricName(raw);
        if (!result.ok) return result.reason.length > 0;
        return pathProblem(metricRelativePath(result.name)) === undefined;
      }),
      { numRuns: 20_000 },
    );
  });

  test('the property check itself catches escaping paths', () => {
    expect(
      ['../a.wsp', '/a.wsp', 'a//b.wsp', 'a/./b.wsp', 'a/b', 'a\u0000.wsp'].map(pathProblem),
    ).not.toContain(undefined);
  });

  test('normalizing a normalized name changes nothing', () => {
    fc.assert(
      fc.property(anyName, (raw) => {
        const once = normalizeMetricName(raw);
        if (!once.ok) return true;
        const twice = normalizeMetricName(once.name);
        return twice.ok && twice.name === once.name;
      }),
      { numRuns: 20_000 },
    );
  });

  test('the allocation-free fast path accepts only names the full checks accept unchanged', () => {
    fc.assert(
      fc.property(anyName, (raw) => {
        fc.pre(isNormalizedAsciiName(raw));
        expect(canonicalMetricName(raw)).toEqual({ ok: true, name: raw });
        expect(pathProblem(metricRelativePath(raw))).toBeUndefined();
      }),
      { numRuns: 5_000 },
    );
  });

  test('plain names map dot for slash and back', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z0-9_-]{1,12}$/), { minLength: 1, maxLength: 8 }),
        (nodes) => {
          fc.pre(nodes[0] !== '_tagged');
          const name = nodes.join('.');
          expect(normalizeMetricName(name)).toEqual({ ok: true, name });
          expect(metricRelativePath(name)).toBe(`${nodes.join('/')}.wsp`);
        },
      ),
    );
  });

  test('compareCodePoints orders strings by code point, as Python sorts str', () => {
    const byCodePoints = (a: string, b: string) => {
      const [x, y] = [[...a].map((c) => c.codePointAt(0)!), [...b].map((c) => c.codePointAt(0)!)];
      for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
      return x.length - y.length;
    };
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(byCodePoints(a, b)));
      }),
      { numRuns: 5_000 },
    );
  });
});
