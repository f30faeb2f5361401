// Graphite glob semantics against test/fixtures/index/find.json (Python 3.11 fnmatch, graphite-web
// expand_braces), plus the walkable structure compileGlob produces. Spec: graphite.md §3.4.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { fc, test as propTest } from '@fast-check/vitest';
import {
  MAX_BRACE_EXPANSION,
  compileFnmatch,
  compileGlob,
  expandBraces,
} from '../../../storage/index/glob.js';

interface FindFixture {
  fnmatch: { name: string; pattern: string; match: boolean }[];
  braces: { text: string; expanded: string[] }[];
}
const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/index/find.json'), 'utf8'),
) as FindFixture;

describe('compileFnmatch agrees with Python fnmatch.fnmatchcase', () => {
  test.each(fixture.fnmatch)('fnmatch($name, $pattern) is $match', ({ name, pattern, match }) => {
    expect(compileFnmatch(pattern).match(name)).toBe(match);
  });
});

describe('expandBraces agrees with graphite-web expand_braces', () => {
  test.each(fixture.braces)('$text expands to $expanded', ({ text, expanded }) => {
    expect(expandBraces(text)).toEqual(expanded);
  });
});

test('the fixture covers every fnmatch form', () => {
  const patterns = new Set(fixture.fnmatch.map((c) => c.pattern));
  for (const p of ['[!a-c]', '[^a]', '[', '[z-a]', '[]a]', '?', '*']) expect(patterns).toContain(p);
});

test('a literal segment compiles to a lookup, a wildcard to its literal prefix, ** to a globstar', () => {
  const glob = compileGlob('servers.web*.{cpu,m?m}.**');
  expect(
    glob.segments.map((alts) => alts.map((a) => (a.kind === 'wildcard' ? `${a.kind}:${a.prefix}` : a.kind))),
  ).toEqual([['literal'], ['wildcard:web'], ['literal', 'wildcard:m'], ['globstar']]);
});

test('braces expand within one segment only, after the split on dots', () => {
  expect(
    compileGlob('a.{b.c,d}').segments.map((s) => s.map((a) => (a.kind === 'literal' ? a.name : a.kind))),
  ).toEqual([['a'], ['{b'], ['c,d}']]);
});

test('backslashes are stripped and an escaped segment is remembered with its pattern text', () => {
  const glob = compileGlob('misc.a\\*b.c');
  expect(glob.segments[1]?.[0]?.kind).toBe('wildcard');
  expect([...glob.escapedFields]).toEqual([[1, 'a*b']]);
});

test('a wildcard never matches a name starting with a dot', () => {
  const seg = compileGlob('*').segments[0]?.[0];
  expect(seg?.kind === 'wildcard' && seg.match('.hidden')).toBe(false);
});

test('an empty pattern is STORAGE_ERR_INVALID_PATTERN', () => {
  expect(() => compileGlob('')).toThrow(expect.objectContaining({ code: 'STORAGE_ERR_INVALID_PATTERN' }));
});

test('braces expanding past the limit are STORAGE_ERR_INVALID_PATTERN naming the limit', () => {
  const pattern = '{a,b,c,d}'.repeat(8);
  expect(() => compileGlob(pattern)).toThrow(
    expect.objectContaining({
      code: 'STORAGE_ERR_INVALID_PATTERN',
      context: { pattern, limit: MAX_BRACE_EXPANSION },
    }),
  );
});

test('a pathological wildcard pattern runs in linear time', () => {
  const { match } = compileFnmatch(`${'*a'.repeat(40)}b`);
  const start = performance.now();
  expect(match('a'.repeat(5000))).toBe(false);
  expect(performance.now() - start).toBeLessThan(1000);
});

propTest.prop([
  fc.string({ unit: fc.constantFrom('a', 'b', '.', '-') }),
  fc.string({ unit: fc.constantFrom('a', 'b', '*', '?') }),
])('star-and-question patterns agree with a regular-expression reference', (name, pattern) => {
  const source = [...pattern].map((c) => (c === '*' ? '[^]*' : c === '?' ? '[^]' : c)).join('');
  expect(compileFnmatch(pattern).match(name)).toBe(new RegExp(`^${source}$`).test(name));
});
