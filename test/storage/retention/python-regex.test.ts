// Python → JavaScript regex translation: what each construct becomes, and what is refused. Python's own
// re.search answers for these constructs are replayed in carbon-compat.test.ts.
import { describe, expect, test } from 'vitest';
import { translatePythonRegex } from '../../../storage/retention/python-regex.js';
import { storageError } from './helpers.js';

describe('translatePythonRegex', () => {
  test.each([
    ['^carbon\\.', '^carbon\\.', ''],
    ['(?P<app>[a-z]+)\\.(?P=app)', '(?<app>[a-z]+)\\.\\k<app>', ''],
    ['\\Aexact\\Z', '^exact$', ''],
    ['(?i)^foo', '^foo', 'i'],
    ['\\.count$', '\\.count(?=\\n?$)', ''],
    ['(?m)^a$', '(?<![^\\n])a(?![^\\n])', ''],
    ['a.b', 'a[^\\n]b', ''],
    ['(?s)a.b', 'a[\\s\\S]b', ''],
    ['(?a)\\d\\w', '[0-9][A-Za-z0-9_]', ''],
    ['\\d', '[\\p{Nd}]', ''],
    ['[]a]', '[\\]a]', ''],
    ['[^]a]', '[^\\]a]', ''],
    ['[a-]', '[a\\-]', ''],
    ['x{,2}', 'x{0,2}', ''],
    ['a{', 'a\\{', ''],
    ['a{}', 'a\\{\\}', ''],
    ['a{2,}?', 'a{2,}?', ''],
    ['(?#note)a', 'a', ''],
    ['\\141\\0', 'a\\x00', ''],
    ['(a)\\1', '(a)\\1(?:)', ''],
    ['a\\-b\\_c', 'a-b_c', ''],
    ['\\x41\\u00e9\\U0001F600', 'Aé😀', ''],
    ['a]b}', 'a\\]b\\}', ''],
  ])('%j becomes /%s/u%s', (pattern, source, flags) => {
    const re = translatePythonRegex(pattern);
    expect(re.source).toBe(source);
    expect(re.flags).toBe(`${flags}u`);
  });

  test('is unanchored, like re.search', () => {
    expect(translatePythonRegex('carbon').test('stats.carbon.x')).toBe(true);
  });

  test('\\w, \\d and \\b follow Python’s Unicode meaning, not JavaScript’s ASCII one', () => {
    expect(translatePythonRegex('^\\w+$').test('café')).toBe(true);
    expect(translatePythonRegex('\\d').test('\u0663')).toBe(true);
    expect(translatePythonRegex('\\bfoo').test('éfoo')).toBe(false);
    expect(translatePythonRegex('(?a)^\\w+$').test('café')).toBe(false);
  });

  test('$ also matches before a final newline, \\Z only at the very end', () => {
    expect(translatePythonRegex('a$').test('a\n')).toBe(true);
    expect(translatePythonRegex('a$').test('a\n\n')).toBe(false);
    expect(translatePythonRegex('a\\Z').test('a\n')).toBe(false);
  });

  test('. stops only at \\n (JavaScript would also stop at \\r and \\u2028)', () => {
    expect(translatePythonRegex('a.b').test('a\rb')).toBe(true);
    expect(translatePythonRegex('a.b').test('a\u2028b')).toBe(true);
    expect(translatePythonRegex('a.b').test('a\nb')).toBe(false);
  });

  test.each([
    [
      '(?i:a)',
      'scoped inline flags (?i:…) are not supported by JavaScript on Node 20; use a leading (?i) at position 0',
    ],
    ['(?-i:a)', 'scoped inline flags'],
    ['a*+', 'possessive quantifiers (*+, ++, ?+, {m,n}+) are not supported by JavaScript at position 2'],
    ['a{2}+', 'possessive quantifiers'],
    ['(?>a)', 'atomic groups (?>…) are not supported by JavaScript at position 0'],
    ['(a)?(?(1)b|c)', 'conditional groups (?(…)…) are not supported by JavaScript at position 4'],
    ['(?x)a b', 'verbose patterns (?x) are not supported'],
    ['\\N{DIGIT ONE}', 'named escapes \\N{…} are not supported'],
    ['[\\W]', '\\W inside [...] has no JavaScript equivalent'],
    ['[\\S]', '\\S inside [...] has no JavaScript equivalent'],
    ['a(?i)', 'global flags not at the start of the expression at position 1'],
    ['(?L)a', 'the (?L) flag is not allowed for text patterns'],
    ['(?au)a', "flags 'a' and 'u' are incompatible"],
    ['\\z', 'bad escape \\z at position 0'],
    ['a\\', 'bad escape (end of pattern) at position 1'],
    ['\\8', 'invalid group reference 8 at position 0'],
    ['(a)\\2', 'invalid group reference 2 at position 3'],
    ['[\\s-z]', 'bad character range \\s-z at position 1'],
    ['[z-a]', 'bad character range z-a'],
    ['[a', 'unterminated character set at position 0'],
    ['\\x4', 'incomplete escape \\x4'],
    ['\\U00110000', 'bad escape \\U00110000'],
    ['\\777', 'octal escape value \\777 outside of range 0-0o377'],
    ['(?#open', 'missing ), unterminated comment'],
    ['(?P<a', 'missing >, unterminated name'],
    ['(?Q)', 'unknown extension (?Q)'],
    [
      '^(carbon',
      'is not a valid regular expression (Invalid regular expression: /^(carbon/u: Unterminated group)',
    ],
    ['a**', 'is not a valid regular expression'],
  ])('rejects %j: %s', (pattern, problem) => {
    const err = storageError(() => translatePythonRegex(pattern));
    expect(err.code).toBe('STORAGE_ERR_INVALID_SCHEMA');
    expect(err.message.startsWith(`pattern "${pattern}": `)).toBe(true);
    expect(err.message).toContain(problem);
    expect(err.context).toMatchObject({ pattern });
  });
});
