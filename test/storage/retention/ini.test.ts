// The INI reader against configparser's rules (carbon's OrderedConfigParser); configparser's own answers for
// the same snippets are replayed in carbon-compat.test.ts.
import { describe, expect, test } from 'vitest';
import { type IniDocument, parseIni, sectionItems } from '../../../storage/retention/ini.js';
import { storageError } from './helpers.js';

const FILE = 'storage-schemas.conf';

/** Every section as `{ name: { key: value } }`, values interpolated, in file order. */
function read(text: string): [string, Record<string, string>][] {
  const doc: IniDocument = parseIni(text, FILE);
  return doc.sections.map((s) => [
    s.name,
    Object.fromEntries([...sectionItems(doc, s)].map(([k, v]) => [k, v.value])),
  ]);
}

describe('parseIni accepts what configparser accepts', () => {
  test('keys and values split at the first = or :, whitespace around them dropped', () => {
    expect(read('[a]\nk1 = v1\nk2: v2\nk3=v3\nk4 :v4\npattern = ^a:b=c\n')).toEqual([
      ['a', { k1: 'v1', k2: 'v2', k3: 'v3', k4: 'v4', pattern: '^a:b=c' }],
    ]);
  });

  test('keys are lower-cased, section names are kept exactly', () => {
    expect(read('[Carbon Stats]\nPattern = x\nRETENTIONS = 60:1d\n')).toEqual([
      ['Carbon Stats', { pattern: 'x', retentions: '60:1d' }],
    ]);
    expect(read('[ spaced ]\nk = v\n[a]b]\nk = v\n').map(([name]) => name)).toEqual([' spaced ', 'a]b']);
  });

  test('# and ; start full-line comments only; later in a line they belong to the value', () => {
    expect(read('# top\n; top\n[a]\n   # indented\nk = v # kept\nj = v ; kept\n')).toEqual([
      ['a', { k: 'v # kept', j: 'v ; kept' }],
    ]);
  });

  test('deeper-indented lines continue a value; blank lines inside stay, comment lines do not', () => {
    expect(read('[a]\nk = one,\n  two,\n\n  # comment\n\tthree\nj = x\n\n\n')).toEqual([
      ['a', { k: 'one,\ntwo,\n\nthree', j: 'x' }],
    ]);
  });

  test('a value may be empty and keys may be indented when no value is open', () => {
    expect(read('[a]\n  k =\n  j:\n')).toEqual([['a', { k: '', j: '' }]]);
  });

  test('CRLF and lone CR end lines, as in Python’s universal newlines', () => {
    expect(read('[a]\r\nk = v\r\n  w\r\n[b]\rk = x\r')).toEqual([
      ['a', { k: 'v\nw' }],
      ['b', { k: 'x' }],
    ]);
  });

  test('Python whitespace is stripped (\\x1c, \\x85) but a zero-width no-break space is not', () => {
    expect(read('[a]\nk = \x1cv\x85\nj = \ufeffw\n')).toEqual([['a', { k: 'v', j: '\ufeffw' }]]);
  });

  test('sections keep file order and line numbers', () => {
    const doc = parseIni('[z]\nk = 1\n\n[a]\nk = 2\n', FILE);
    expect(doc.sections.map((s) => [s.name, s.line, s.options.get('k')?.line])).toEqual([
      ['z', 1, 2],
      ['a', 4, 5],
    ]);
  });

  test('[DEFAULT] is not a section but every section inherits its keys and may override them', () => {
    const doc = parseIni('[DEFAULT]\nretentions = 60:1d\nk = d\n[a]\npattern = ^a\n[b]\nk = own\n', FILE);
    expect(doc.sections.map((s) => s.name)).toEqual(['a', 'b']);
    expect(read('[DEFAULT]\nretentions = 60:1d\nk = d\n[a]\npattern = ^a\n[b]\nk = own\n')).toEqual([
      ['a', { retentions: '60:1d', k: 'd', pattern: '^a' }],
      ['b', { retentions: '60:1d', k: 'own' }],
    ]);
  });

  test('%% is a percent sign and %(key)s the value of another key, resolved recursively', () => {
    expect(
      read('[DEFAULT]\nbase = ^app\n[a]\npattern = %(BASE)s\\.x\npct = 50%%\nend = %(pattern)s$\n'),
    ).toEqual([['a', { base: '^app', pattern: '^app\\.x', pct: '50%', end: '^app\\.x$' }]]);
  });
});

describe('parseIni rejects, naming file and line', () => {
  test.each([
    ['a key before any section', 'k = v\n[a]\n', 1, '"k = v" appears before the first [section] header'],
    [
      'a line without = or :',
      '[a]\nk = v\njust words\n',
      3,
      'expected "key = value" in [a], found "just words"',
    ],
    ['an empty key', '[a]\n= v\n', 2, 'expected "key = value" in [a], found "= v"'],
    ['a section defined twice', '[a]\nk = v\n[b]\n[a]\n', 4, 'section [a] already defined at line 1'],
    [
      'a key set twice, in any case',
      '[a]\nk = v\n\nK = w\n',
      4,
      'key "k" in [a] already set at line 2 (keys are case-insensitive)',
    ],
    [
      'a key set twice in [DEFAULT]',
      '[DEFAULT]\nk = v\n[DEFAULT]\nk = w\n',
      4,
      'key "k" in [DEFAULT] already set',
    ],
    [
      'text after a section header (carbon would drop the section)',
      '[a] ; note\nk = v\n',
      1,
      'text after section header [a]: "[a] ; note" (carbon would skip the section)',
    ],
    [
      'an indented section header (configparser continues a value, carbon sees a section)',
      '[a]\nk = v\n  [b]\n',
      3,
      'indented [b] continues the value of "k"; carbon would also read it as a section (unindent it)',
    ],
    ['a byte-order mark', '\ufeff[a]\nk = v\n', 1, 'file starts with a byte-order mark (U+FEFF)'],
  ])('%s', (_what, text, line, problem) => {
    const err = storageError(() => parseIni(text, FILE));
    expect(err.code).toBe('STORAGE_ERR_INVALID_SCHEMA');
    expect(err.message).toContain(`${FILE}:${line}: ${problem}`);
    expect(err.context).toMatchObject({ file: FILE, line });
  });

  test.each([
    ['a bare %', '[a]\npattern = ^load%\n', 2, '[a] pattern: "%" must be followed by "%" or "(" in "^load%"'],
    [
      'an unknown %(key)s',
      '[a]\nk = %(nope)s\n',
      2,
      '[a] k: %(nope)s refers to a key that [a] does not have',
    ],
    [
      'a malformed reference',
      '[a]\nk = %(j\n',
      2,
      '[a] k: bad interpolation reference "%(j" (expected %(name)s)',
    ],
    [
      'a reference loop',
      '[a]\nk = %(j)s\nj = %(k)s\n',
      2,
      '[a] k: %(…)s references nest deeper than 10 levels',
    ],
    [
      'a bare % in an inherited key',
      '[DEFAULT]\nnote = 5%\n[a]\nk = v\n',
      2,
      '[a] note: "%" must be followed',
    ],
  ])('interpolating %s fails when the section is read', (_what, text, line, problem) => {
    const doc = parseIni(text, FILE);
    const section = doc.sections[0];
    if (section === undefined) throw new Error('the snippet needs a section');
    const err = storageError(() => sectionItems(doc, section));
    expect(err.code).toBe('STORAGE_ERR_INVALID_SCHEMA');
    expect(err.message).toContain(`${FILE}:${line}: ${problem}`);
  });
});
