// seriesByTag expressions, the linear-time Python regex matcher and tagged names, against
// test/fixtures/index/tags.json (Python re.match and graphite-web TaggedSeries). Spec: graphite.md §4.1, §4.3.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compilePythonRegex } from '../../../storage/index/python-re.js';
import {
  anchorRegex,
  canonicalTaggedName,
  parseTagExpression,
  parseTagExpressions,
  parseTaggedName,
} from '../../../storage/index/tag-expr.js';

interface TagsFixture {
  match: { regex: string; value: string; match: boolean | 'error' }[];
  parse: { name: string; canonical: string | { error: string } }[];
}
const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/index/tags.json'), 'utf8'),
) as TagsFixture;

// Python accepts these but the index refuses them: they cannot run in linear time.
const REFUSED = new Set(['(a)\\1', 'a(?=b)', 'a++']);

describe('anchored regexes match as Python re.match does', () => {
  const cases = fixture.match.filter((c) => c.match !== 'error' && !REFUSED.has(c.regex));
  test.each(cases)('re.match(^($regex), $value) is $match', ({ regex, value, match }) => {
    expect(compilePythonRegex(anchorRegex(regex)).match(value)).toBe(match);
  });
});

describe('regexes Python rejects, or the index refuses, are STORAGE_ERR_INVALID_TAG_EXPRESSION', () => {
  const regexes = [
    ...new Set(fixture.match.filter((c) => c.match === 'error' || REFUSED.has(c.regex)).map((c) => c.regex)),
  ];
  test.each(regexes)('%s', (regex) => {
    expect(() => parseTagExpression(`t=~${regex}`)).toThrow(
      expect.objectContaining({ code: 'STORAGE_ERR_INVALID_TAG_EXPRESSION' }),
    );
  });
  test('the refused list is non-empty', () => expect(regexes.length).toBeGreaterThanOrEqual(REFUSED.size));
});

test('a catastrophic-backtracking regex returns within milliseconds', () => {
  const expr = parseTagExpression('host=~(a+)+$');
  const start = performance.now();
  expect(expr.test(`${'a'.repeat(5000)}b`)).toBe(false);
  expect(expr.test('a'.repeat(5000))).toBe(true);
  const ms = performance.now() - start;
  console.log(`(a+)+$ on 5000 characters: ${ms.toFixed(1)} ms`);
  expect(ms).toBeLessThan(1000);
});

describe('tagged names parse and format like graphite-web TaggedSeries', () => {
  const valid = fixture.parse.flatMap((c) =>
    typeof c.canonical === 'string' ? [[c.name, c.canonical]] : [],
  );
  const invalid = fixture.parse.flatMap((c) => (typeof c.canonical === 'string' ? [] : [c.name]));
  test.each(valid)('%s is stored as %s', (name, canonical) => {
    expect(canonicalTaggedName(name)).toBe(canonical);
  });
  test.each(invalid)('%s is STORAGE_ERR_INVALID_TAG_EXPRESSION', (name) => {
    expect(() => canonicalTaggedName(name)).toThrow(
      expect.objectContaining({ code: 'STORAGE_ERR_INVALID_TAG_EXPRESSION' }),
    );
  });
  test('the fixture has both kinds', () =>
    expect([valid.length > 3, invalid.length > 3]).toEqual([true, true]));
});

test('parseTaggedName returns the metric name and every tag including name', () => {
  expect(parseTaggedName('cpu.load;host=web01;dc=us')).toEqual({
    name: 'cpu.load',
    tags: { name: 'cpu.load', host: 'web01', dc: 'us' },
  });
});

test.each([
  ['dc=us', '=', 'us', false],
  ['dc!=us', '!=', 'us', true],
  ['dc=~us-.*', '=~', 'us-.*', false],
  ['dc!=~us', '!=~', 'us', true],
  ['dc=', '=', '', true],
  ['dc!=', '!=', '', false],
  ['dc=~.*', '=~', '.*', true],
  ['dc!=~.*', '!=~', '.*', false],
] as const)(
  '%s parses as operator %s with spec %s, matching empty: %s',
  (expression, operator, spec, empty) => {
    expect(parseTagExpression(expression)).toMatchObject({ tag: 'dc', operator, spec, matchesEmpty: empty });
  },
);

test.each(['dc', '=us', 'd;c=us', 'dc=u;s', 'd!c=us'])('"%s" is not a tag expression', (expression) => {
  expect(() => parseTagExpression(expression)).toThrow(
    expect.objectContaining({ code: 'STORAGE_ERR_INVALID_TAG_EXPRESSION' }),
  );
});

test('a query whose every expression matches the empty string is refused', () => {
  expect(() => parseTagExpressions(['dc!=us', 'host=~.*'])).toThrow(
    /At least one tagspec must not match the empty string/,
  );
});

test('a query without expressions is refused', () => {
  expect(() => parseTagExpressions([])).toThrow(
    expect.objectContaining({ code: 'STORAGE_ERR_INVALID_TAG_EXPRESSION' }),
  );
});

test('counted repeats that would compile to a huge program are refused', () => {
  expect(() => compilePythonRegex('(a{1000}){1000}')).toThrow(/too large/);
});
