// formatNode(): canonical targets print back unchanged, and whatever it prints parses back to the same tree.
import { readFileSync } from 'node:fs';
import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import type { CallNode, KwArg, Node } from '../../../render/parser/ast.js';
import { formatNode } from '../../../render/parser/format.js';
import { parse } from '../../../render/parser/parser.js';
import { shape } from './normalize.js';

describe('canonical targets print back unchanged', () => {
  test.each([
    'a.b.c',
    'a.*.{x,y}[0-9]?',
    'name;dc=us;host=a',
    'sumSeries(a.b)',
    'f(1,-2,1.5,-1e3,2E-1,True,false,None,inf)',
    'aliasSub(apps.*.requests.count,"(^.*$)","\\1 A")',
    'seriesByTag(\'a=b\',"c!=~d")',
    'a.b|sumSeries()|alias("x")',
    'f(a|g(),b|h(1))',
    'perSecond(a.b,maxValue=100)',
    'template(a.$1.$2,"x",3)',
    'template(a.$host,host="web1")|sumSeries()',
    'f(template(sumSeries(a.$1),1))',
    'a\\(b\\)|f()',
    'f(x,k\\=v)',
    'f(\u0663)',
    'f(5min,1a.b,-)',
  ])('%s', (target) => {
    expect(formatNode(parse(target))).toBe(target);
  });
});

test('optional spaces are dropped and escapes reduced to the needed ones', () => {
  expect(formatNode(parse(' a.b | f( 1 , k = "x" ) '))).toBe('a.b|f(1,k="x")');
  expect(formatNode(parse('a\\.b\\=c'))).toBe('a.b=c');
  expect(formatNode(parse('f(x, k=)'))).toBe('f(x,k=)');
  expect(formatNode(parse('f(x, k\\==1)'))).toBe('f(x,k\\=\\=1)');
});

test('a path that would read as something else is escaped where it stands', () => {
  const dotted: Node = { type: 'path', path: 'a..b,c', pos: 0 };
  const call: CallNode = {
    type: 'call',
    name: 'f',
    args: [{ type: 'path', path: 'a=b', pos: 0 }],
    kwargs: [],
    raw: '',
    pos: 0,
  };
  expect(formatNode(dotted)).toBe('a\\.\\.b\\,c');
  expect(formatNode(call)).toBe('f(a\\=b)');
});

test('literals print as arguments; non-canonical number spellings are rewritten', () => {
  expect(formatNode({ type: 'number', value: 1e21, integer: false, raw: '' })).toBe('1e21');
  expect(formatNode({ type: 'number', value: 2, integer: false, raw: '' })).toBe('2.0');
  expect(formatNode({ type: 'number', value: -0, integer: false, raw: '' })).toBe('-0.0');
  expect(formatNode({ type: 'number', value: 3, integer: true, raw: '3.0' })).toBe('3');
});

describe('trees no target produces are a RangeError', () => {
  const path = (p: string): Node => ({ type: 'path', path: p, pos: 0 });
  const call = (name: string, args: Node[], kwargs: KwArg[] = []): CallNode => ({
    type: 'call',
    name,
    args,
    kwargs,
    raw: '',
    pos: 0,
  });
  test.each<[string, Node]>([
    ['a path with a space', path('a b')],
    ['an empty path', path('')],
    ['a path argument that reads as a boolean', call('f', [path('true')])],
    ['a path argument that reads as a number', call('f', [path('1')])],
    ['a call named template', call('template', [path('a')])],
    ['a bad function name', call('1f', [])],
    ['keyword arguments alone', call('f', [], [{ name: 'k', value: path('a') }])],
    ['an argument calling a keyword-named function', call('f', [call('none', [])])],
    ['a string holding its quote', { type: 'string', value: 'a"b', quote: '"' }],
    [
      'a template with a non-literal argument',
      { type: 'template', expr: path('a'), args: [path('b')], kwargs: [], pos: 0 },
    ],
  ])('%s', (_, node) => {
    expect(() => formatNode(node)).toThrow(RangeError);
  });
});

test('every target graphite-web parses in the fixture reads back the same after formatting', () => {
  const fixture = JSON.parse(
    readFileSync(new URL('../../fixtures/render/parser/expected.json', import.meta.url), 'utf8'),
  ) as { cases: Array<{ target: string; ok: boolean }> };
  const targets = fixture.cases.filter((c) => c.ok).map((c) => c.target);
  expect(targets.length).toBeGreaterThan(100);
  for (const target of targets) {
    const tree = parse(target);
    const text = formatNode(tree);
    expect({ target, tree: shape(parse(text)) }).toEqual({ target, tree: shape(tree) });
    expect(formatNode(parse(text))).toBe(text);
  }
});

const name = fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,5}$/).filter((n) => n !== 'template');
const pathText = fc
  .array(fc.stringMatching(/^[a-z0-9*?[\]{},;=$#\-é(){}'"\\|.]{1,6}$/), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join('.'));
const literal: fc.Arbitrary<Node> = fc.oneof(
  fc
    .integer({ min: -1e6, max: 1e6 })
    .map((value): Node => ({ type: 'number', value, integer: true, raw: '' })),
  fc.double({ noNaN: true }).map((value): Node => ({ type: 'number', value, integer: false, raw: '' })),
  fc
    .tuple(fc.stringMatching(/^[a-z ,()|.\\1$^*=]{0,8}$/), fc.constantFrom<'"' | "'">('"', "'"))
    .map(([value, quote]): Node => ({ type: 'string', value, quote })),
  fc.boolean().map((value): Node => ({ type: 'boolean', value, raw: String(value) })),
  fc.constant<Node>({ type: 'none' }),
  fc.constant<Node>({ type: 'inf', raw: 'inf' }),
);
const { tree } = fc.letrec<{ tree: Node; expr: Node; call: Node }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    pathText.map((p): Node => ({ type: 'path', path: p, pos: 0 })),
    tie('call'),
  ),
  call: fc
    .record({
      name,
      args: fc.array(fc.oneof(tie('expr'), literal), { maxLength: 3 }),
      kwargs: fc.array(fc.record({ name, value: fc.oneof(tie('expr'), literal) }), { maxLength: 2 }),
      piped: fc.boolean(),
    })
    .map(({ name: n, args, kwargs, piped }): Node => {
      const head = args[0];
      const pipeable =
        head !== undefined &&
        (head.type === 'path' || head.type === 'call') &&
        (args.length > 1 || kwargs.length === 0);
      return {
        type: 'call',
        name: n,
        args,
        kwargs,
        raw: '',
        pos: 0,
        ...(piped && pipeable ? { piped: true } : {}),
      };
    }),
  tree: fc.oneof(tie('expr'), tie('call')),
}));

propTest.prop([tree], { numRuns: 2000 })('parse reads back any tree formatNode can write', (node) => {
  let text: string;
  try {
    text = formatNode(node);
  } catch (error) {
    expect(error).toBeInstanceOf(RangeError);
    return;
  }
  expect(shape(parse(text))).toEqual(shape(node));
});
