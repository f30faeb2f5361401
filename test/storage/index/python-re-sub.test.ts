// re.search / re.sub for render functions, replayed against Python's own answers in
// test/fixtures/regex/sub.json (made by test/fixtures/regex/generate.py), plus the linear-time guarantee.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compileRenderRegex } from '../../../storage/index.js';

interface SubCase {
  pattern: string;
  replacement: string;
  input: string;
  search?: boolean;
  sub?: string;
  error?: 'pattern' | 'replacement';
}
const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/regex/sub.json'), 'utf8'),
) as { cases: SubCase[] };

// Python runs these; the engine refuses them because they cannot run in linear time.
const REFUSED = new Set(['(a)\\1', 'a(?=b)']);

type Outcome = { search: boolean; sub: string } | { search: boolean; error: 'replacement' } | 'error';

function expected(c: SubCase): Outcome {
  if (c.error === 'pattern' || REFUSED.has(c.pattern)) return 'error';
  if (c.error === 'replacement') return { search: c.search as boolean, error: 'replacement' };
  return { search: c.search as boolean, sub: c.sub as string };
}

function actual(c: SubCase): Outcome {
  let regex;
  try {
    regex = compileRenderRegex(c.pattern);
  } catch (err) {
    expect(err).toMatchObject({ code: 'STORAGE_ERR_INVALID_TAG_EXPRESSION' });
    return 'error';
  }
  const search = regex.search(c.input);
  try {
    return { search, sub: regex.sub(c.replacement, c.input) };
  } catch (err) {
    expect(err).toMatchObject({ code: 'STORAGE_ERR_INVALID_TAG_EXPRESSION' });
    return { search, error: 'replacement' };
  }
}

const groups = new Map<string, SubCase[]>();
for (const c of fixture.cases) {
  const key = JSON.stringify([c.pattern, c.replacement]);
  groups.set(key, [...(groups.get(key) ?? []), c]);
}

describe('search and sub agree with Python re on every fixture input', () => {
  test.each([...groups.entries()].map(([key, cases]) => ({ key, cases })))(
    're.sub($key) over every input',
    ({ cases }) => {
      expect(cases.map((c) => ({ input: c.input, outcome: actual(c) }))).toEqual(
        cases.map((c) => ({ input: c.input, outcome: expected(c) })),
      );
    },
  );
});

describe('compileRenderRegex', () => {
  test('Grafana’s refId alias appends the suffix to the whole name', () => {
    expect(compileRenderRegex('(^.*$)').sub('\\1 A', 'servers.web01.cpu')).toBe('servers.web01.cpu A');
  });

  test('alternation prefers the first branch that matches, as a backtracking engine does', () => {
    expect(compileRenderRegex('a|ab').sub('[\\g<0>]', 'ab')).toBe('[a]b');
    expect(compileRenderRegex('ab|a').sub('[\\g<0>]', 'ab')).toBe('[ab]');
  });

  test('lazy and greedy repeats capture different spans', () => {
    expect(compileRenderRegex('(.*?)(\\d+)').sub('\\1|\\2', 'ab123')).toBe('ab|123');
    expect(compileRenderRegex('(.*)(\\d+)').sub('\\1|\\2', 'ab123')).toBe('ab12|3');
  });

  test('an empty match right after another match is replaced too (Python 3.7+)', () => {
    expect(compileRenderRegex('x*').sub('-', 'abxd')).toBe('-a-b--d-');
  });

  test('named groups are referenced by name or number', () => {
    expect(compileRenderRegex('(?P<a>\\w)(?P<b>\\w)').sub('\\g<b>\\g<a>\\2', 'xy')).toBe('yxy');
  });

  test('unmatched groups are replaced by the empty string', () => {
    expect(compileRenderRegex('(x)|(y)').sub('[\\1\\2]', 'xy')).toBe('[x][y]');
  });

  test('positions count code points, not UTF-16 units', () => {
    expect(compileRenderRegex('^.(.)').sub('\\1', '\u{1F600}\u{1F601}z')).toBe('\u{1F601}z');
  });

  test('the same pattern compiles once and is served from the cache', () => {
    expect(compileRenderRegex('cached.*')).toBe(compileRenderRegex('cached.*'));
  });

  test('an unknown group name in the replacement is STORAGE_ERR_INVALID_TAG_EXPRESSION', () => {
    expect(() => compileRenderRegex('(a)').sub('\\g<nope>', 'a')).toThrow(
      expect.objectContaining({ code: 'STORAGE_ERR_INVALID_TAG_EXPRESSION' }),
    );
  });

  test('nested quantifiers over a 10,000-character input return instead of backtracking forever', () => {
    const input = `${'a'.repeat(10_000)}!`;
    expect(compileRenderRegex('(a+)+$').search(input)).toBe(false);
    expect(compileRenderRegex('(a|aa)*b').sub('x', input)).toBe(input);
    expect(compileRenderRegex('(a*)*$').sub('<\\1>', input)).toBe(`${'a'.repeat(10_000)}!<>`);
  });
});
