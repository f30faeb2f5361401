// parse() tables: target → tree and target → {code, pos}, graphite-web's prefix reading, and the size limits.
import { describe, expect, test } from 'vitest';
import { RenderError } from '../../../render/errors.js';
import type { Node } from '../../../render/parser/ast.js';
import { parse } from '../../../render/parser/parser.js';

const path = (p: string, pos: number): Node => ({ type: 'path', path: p, pos });
const num = (raw: string, value: number, integer: boolean): Node => ({ type: 'number', value, integer, raw });
const str = (value: string, quote: '"' | "'" = '"'): Node => ({ type: 'string', value, quote });

describe('parse builds the tree', () => {
  test.each<[string, Node]>([
    ['a.b.c', path('a.b.c', 0)],
    ['  a.*.{x,y}[0-9]?  ', path('a.*.{x,y}[0-9]?', 2)],
    ['name;dc=us;host=a', path('name;dc=us;host=a', 0)],
    ['a.$env.c', path('a.$env.c', 0)],
    ['метрика.тест', path('метрика.тест', 0)],
    ['a\\(b\\)\\.c\\=d', path('a(b).c=d', 0)],
    [
      'sumSeries(a.b)',
      { type: 'call', name: 'sumSeries', args: [path('a.b', 10)], kwargs: [], raw: 'sumSeries(a.b)', pos: 0 },
    ],
    [
      'f(1,-2,1.5,-1e3,2E-1)',
      {
        type: 'call',
        name: 'f',
        args: [
          num('1', 1, true),
          num('-2', -2, true),
          num('1.5', 1.5, false),
          num('-1e3', -1000, false),
          num('2E-1', 0.2, false),
        ],
        kwargs: [],
        raw: 'f(1,-2,1.5,-1e3,2E-1)',
        pos: 0,
      },
    ],
    [
      'f(True,false,None,INF)',
      {
        type: 'call',
        name: 'f',
        args: [
          { type: 'boolean', value: true, raw: 'True' },
          { type: 'boolean', value: false, raw: 'false' },
          { type: 'none' },
          { type: 'inf', raw: 'INF' },
        ],
        kwargs: [],
        raw: 'f(True,false,None,INF)',
        pos: 0,
      },
    ],
    [
      'aliasSub(apps.*.requests.count, "(^.*$)", \'\\1 A\')',
      {
        type: 'call',
        name: 'aliasSub',
        args: [path('apps.*.requests.count', 9), str('(^.*$)'), str('\\1 A', "'")],
        kwargs: [],
        raw: 'aliasSub(apps.*.requests.count, "(^.*$)", \'\\1 A\')',
        pos: 0,
      },
    ],
    [
      'f(5min, 1a.b, -, k=)',
      {
        type: 'call',
        name: 'f',
        args: [path('5min', 2), path('1a.b', 8), path('-', 14), path('k=', 17)],
        kwargs: [],
        raw: 'f(5min, 1a.b, -, k=)',
        pos: 0,
      },
    ],
    [
      'perSecond(a.b, maxValue = 100)',
      {
        type: 'call',
        name: 'perSecond',
        args: [path('a.b', 10)],
        kwargs: [{ name: 'maxValue', value: num('100', 100, true) }],
        raw: 'perSecond(a.b, maxValue = 100)',
        pos: 0,
      },
    ],
    [
      'a.b | sumSeries() | alias("x")',
      {
        type: 'call',
        name: 'alias',
        args: [
          {
            type: 'call',
            name: 'sumSeries',
            args: [path('a.b', 0)],
            kwargs: [],
            raw: 'sumSeries()',
            pos: 6,
            piped: true,
          },
          str('x'),
        ],
        kwargs: [],
        raw: 'alias("x")',
        pos: 20,
        piped: true,
      },
    ],
    [
      'sumSeries(seriesByTag(\'a=b\', "c!=~d"))',
      {
        type: 'call',
        name: 'sumSeries',
        args: [
          {
            type: 'call',
            name: 'seriesByTag',
            args: [str('a=b', "'"), str('c!=~d')],
            kwargs: [],
            raw: 'seriesByTag(\'a=b\', "c!=~d")',
            pos: 10,
          },
        ],
        kwargs: [],
        raw: 'sumSeries(seriesByTag(\'a=b\', "c!=~d"))',
        pos: 0,
      },
    ],
    [
      'template(a.$1.$2, "x", 3)',
      { type: 'template', expr: path('a.$1.$2', 9), args: [str('x'), num('3', 3, true)], kwargs: [], pos: 0 },
    ],
    [
      'template(a.$host, host="web1")',
      {
        type: 'template',
        expr: path('a.$host', 9),
        args: [],
        kwargs: [{ name: 'host', value: str('web1') }],
        pos: 0,
      },
    ],
    [
      'seriesByTag\t("a=b")',
      {
        type: 'call',
        name: 'seriesByTag',
        args: [str('a=b')],
        kwargs: [],
        raw: 'seriesByTag     ("a=b")',
        pos: 0,
      },
    ],
  ])('%j', (input, expected) => {
    expect(parse(input)).toEqual(expected);
  });
});

test('quoted strings keep backslashes and doubled quotes as written', () => {
  expect(parse('f("a\\"b", \'it\'\'s\', "\\x41\\1")')).toMatchObject({
    args: [str('a\\"b'), str("it''s", "'"), str('\\x41\\1')],
  });
});

test('python int literals have no negative zero but floats do', () => {
  expect(parse('f(-0, -0.0)')).toMatchObject({ args: [{ value: 0 }, { value: -0 }] });
  expect(Object.is((parse('f(-0)') as { args: Array<{ value: number }> }).args[0]?.value, 0)).toBe(true);
});

test('non-ASCII decimal digits are numbers, as for python', () => {
  expect(parse('f(\u0663, -\u0661.\u0665)')).toMatchObject({
    args: [num('\u0663', 3, true), num('-\u0661.\u0665', -1.5, false)],
  });
});

describe('parse rejects with a position', () => {
  test.each<[string, string, number]>([
    ['sumSeries(a.b', 'RENDER_ERR_PARSE', 13],
    ['a.b)', 'RENDER_ERR_PARSE', 3],
    ['f(,)', 'RENDER_ERR_PARSE', 2],
    ['f(a,)', 'RENDER_ERR_PARSE', 4],
    ['f(a b)', 'RENDER_ERR_PARSE', 4],
    ['f(1.)', 'RENDER_ERR_PARSE', 3],
    ['f(true.x)', 'RENDER_ERR_PARSE', 6],
    ['f(k=1)', 'RENDER_ERR_PARSE', 2],
    ['f(a,k=1,b)', 'RENDER_ERR_PARSE', 8],
    ['f("abc)', 'RENDER_ERR_PARSE', 2],
    ['a..b', 'RENDER_ERR_PARSE', 1],
    ['a.{b, c}', 'RENDER_ERR_PARSE', 5],
    ['a|', 'RENDER_ERR_PARSE', 2],
    ['a|b', 'RENDER_ERR_PARSE', 2],
    ['', 'RENDER_ERR_PARSE', 0],
    ['(a)', 'RENDER_ERR_PARSE', 0],
    ['a\u00a0b', 'RENDER_ERR_PARSE', 1],
    ['template(a.$1, "x", k="y")', 'RENDER_ERR_PARSE', 0],
    ['f(template(a.b|g()))', 'RENDER_ERR_PARSE', 2],
  ])('%j → %s at %i', (input, code, pos) => {
    let error: unknown;
    try {
      parse(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RenderError);
    expect(error).toMatchObject({ code, context: { pos, target: input } });
  });
});

test('the parse error message names the position, what was expected and what was found', () => {
  expect(() => parse('sumSeries(a.b')).toThrow(
    'Expected "," or ")" at position 13 but found end of target in "sumSeries(a.b"',
  );
  expect(() => parse('a.b)')).toThrow('Expected end of target at position 3 but found ")"');
});

describe('the prefix option reads as graphite-web does, ignoring what does not parse', () => {
  test.each<[string, Node]>([
    ['sumSeries(a.b', path('sumSeries', 0)],
    ['a.b)))', path('a.b', 0)],
    ['a.b c', path('a.b', 0)],
    ['f(a) garbage', { type: 'call', name: 'f', args: [path('a', 2)], kwargs: [], raw: 'f(a)', pos: 0 }],
    [
      'template(a, b.c)',
      {
        type: 'call',
        name: 'template',
        args: [path('a', 9), path('b.c', 12)],
        kwargs: [],
        raw: 'template(a, b.c)',
        pos: 0,
      },
    ],
  ])('%j', (input, expected) => {
    expect(parse(input, { prefix: true })).toEqual(expected);
  });

  test('a target with no parsable prefix is still a parse error', () => {
    expect(() => parse('(a)', { prefix: true })).toThrow(
      expect.objectContaining({ code: 'RENDER_ERR_PARSE' }),
    );
  });
});

describe('limits', () => {
  test('a target longer than 65,536 characters is too complex', () => {
    expect(() => parse(`a${'.b'.repeat(40_000)}`)).toThrow(
      expect.objectContaining({ code: 'RENDER_ERR_TOO_COMPLEX' }),
    );
  });

  test('100,000 nested calls are too complex, not a stack overflow', () => {
    const deep = `${'f('.repeat(100_000)}a${')'.repeat(100_000)}`;
    expect(() => parse(deep)).toThrow(expect.objectContaining({ code: 'RENDER_ERR_TOO_COMPLEX' }));
  });

  test('30,000 unclosed calls are too complex, not a stack overflow', () => {
    expect(() => parse('f('.repeat(30_000))).toThrow(
      expect.objectContaining({ code: 'RENDER_ERR_TOO_COMPLEX' }),
    );
  });

  test('nesting beyond 128 calls is too complex even in a short target', () => {
    const deep = `${'f('.repeat(129)}a${')'.repeat(129)}`;
    expect(() => parse(deep)).toThrow(expect.objectContaining({ code: 'RENDER_ERR_TOO_COMPLEX' }));
    expect(() => parse(`${'f('.repeat(127)}a${')'.repeat(127)}`)).not.toThrow();
  });

  test('a long pipe chain nests the tree as deeply and is too complex', () => {
    expect(() => parse(`a${'|f()'.repeat(10_000)}`)).toThrow(
      expect.objectContaining({ code: 'RENDER_ERR_TOO_COMPLEX' }),
    );
  });

  test('more than 10,000 nodes is too complex', () => {
    expect(() => parse(`f(${'1,'.repeat(10_000)}1)`)).toThrow(
      expect.objectContaining({ code: 'RENDER_ERR_TOO_COMPLEX' }),
    );
    expect(() => parse(`f(${'1,'.repeat(9_000)}1)`)).not.toThrow();
  });

  test('templates nested in failing templates do not make parsing exponential', () => {
    // Each template(...) fails at its pipe and is parsed again as a call named template.
    const nested = `${'template(f('.repeat(40)}a${')|g())'.repeat(40)}`;
    expect(() => parse(nested)).toThrow(expect.objectContaining({ code: 'RENDER_ERR_PARSE' }));
  });

  test('keyword arguments nested in keyword arguments are parsed once', () => {
    const nested = `${'f(x,k='.repeat(60)}a${')'.repeat(60)}`;
    expect(parse(nested)).toMatchObject({ type: 'call', name: 'f' });
  });
});
