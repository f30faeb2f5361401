// Fuzzing parse() with random, token-soup and mutated targets: it only ever throws RenderError, and what it
// accepts keeps exact raw texts and survives a format round trip.
import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { RenderError } from '../../../render/errors.js';
import type { Node } from '../../../render/parser/ast.js';
import { formatNode } from '../../../render/parser/format.js';
import { childNodes } from '../../../render/parser/limits.js';
import { parse } from '../../../render/parser/parser.js';
import { shape } from './normalize.js';

const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/render/parser/expected.json', import.meta.url), 'utf8'),
) as { cases: Array<{ target: string }> };
const valid = fixture.cases.map((c) => c.target);

const pieces = [
  'f(',
  'template(',
  'seriesByTag(',
  ')',
  ',',
  ' ',
  'a',
  'b.c',
  '.',
  '*',
  '{',
  '}',
  '1',
  '-',
  '1.5',
  'e3',
  '"s"',
  "'t'",
  '"',
  "'",
  '\\',
  '|',
  '=',
  'k=',
  'true',
  'None',
  'inf',
  '$1',
  ';t=v',
  '\n',
  '\t',
  '\u0663',
  'é',
  '😀',
  '\ud800',
  '(',
  '[',
  '?',
  '\u00a0',
];
const soup = fc.array(fc.constantFrom(...pieces), { maxLength: 20 }).map((p) => p.join(''));
const mutated = fc
  .tuple(
    fc.constantFrom(...valid),
    fc.array(fc.tuple(fc.nat(), fc.nat(2), fc.constantFrom(...pieces)), { minLength: 1, maxLength: 4 }),
  )
  .map(([target, edits]) =>
    edits.reduce((text, [at, op, piece]) => {
      const i = text.length === 0 ? 0 : at % text.length;
      if (op === 0) return text.slice(0, i) + text.slice(i + 1);
      return text.slice(0, i) + piece + text.slice(op === 1 ? i : i + 1);
    }, target),
  );
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme-ascii' }),
  soup,
  mutated,
);

/** Parses, letting only RenderError through as undefined: anything else fails the property. */
function tryParse(target: string): Node | undefined {
  try {
    return parse(target);
  } catch (error) {
    if (error instanceof RenderError) return undefined;
    throw error;
  }
}

test.prop([anyText], { numRuns: 5000 })('parse only ever throws RenderError', (target) => {
  tryParse(target);
});

test.prop([fc.oneof(mutated, soup)], { numRuns: 3000 })(
  'every call raw text is the source text at its position',
  (target) => {
    const tree = tryParse(target);
    // Tabs are expanded before parsing, so positions only match the target when it has none.
    const stack = tree === undefined || target.includes('\t') ? [] : [tree];
    const calls: Array<{ raw: string; pos: number }> = [];
    for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
      if (node.type === 'call') calls.push({ raw: node.raw, pos: node.pos });
      stack.push(...childNodes(node));
    }
    for (const call of calls) expect(target.slice(call.pos, call.pos + call.raw.length)).toBe(call.raw);
  },
);

test.prop([mutated], { numRuns: 3000 })(
  'whatever parses formats to text that parses to the same tree',
  (target) => {
    const tree = tryParse(target);
    const again = tree === undefined ? undefined : parse(formatNode(tree));
    expect(again && shape(again)).toEqual(tree && shape(tree));
  },
);
