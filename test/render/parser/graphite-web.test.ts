// Replays test/fixtures/render/parser/expected.json (graphite-web 1.1.8's own grammar run over cases.py by
// generate.py): every target must parse, or fail to, as it does there, and to the same tree.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { RenderError } from '../../../render/errors.js';
import { parse } from '../../../render/parser/parser.js';
import { normalize, normalizeFixture, type Normal } from './normalize.js';

interface Case {
  target: string;
  ok: boolean;
  lenient: boolean;
  tree?: Normal;
  /** graphite-web's own (prefix) parse, when it differs from the whole-target one. */
  prefixTree?: Normal;
}

const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/render/parser/expected.json', import.meta.url), 'utf8'),
) as { cases: Case[]; random: Case[] };
const accepted = fixture.cases.filter((c) => c.ok);
const rejected = fixture.cases.filter((c) => !c.ok);

describe('targets graphite-web parses', () => {
  test.each(accepted.map((c) => [JSON.stringify(c.target), c] as const))(
    '%s parses to the same tree',
    (_, c) => {
      expect(normalize(parse(c.target))).toEqual(normalizeFixture(c.tree as Normal));
    },
  );
});

describe('targets graphite-web does not parse as a whole', () => {
  test.each(rejected.map((c) => [JSON.stringify(c.target), c] as const))(
    '%s is a RENDER_ERR_PARSE',
    (_, c) => {
      expect(() => parse(c.target)).toThrow(RenderError);
      expect(() => parse(c.target)).toThrow(expect.objectContaining({ code: 'RENDER_ERR_PARSE' }));
    },
  );
});

test('random and mutated targets parse exactly when graphite-web parses them, to the same tree', () => {
  const disagreements = fixture.random
    .map((c) => {
      let tree: Normal | 'error';
      try {
        tree = normalize(parse(c.target));
      } catch (error) {
        if (!(error instanceof RenderError)) throw error;
        tree = 'error';
      }
      return { target: c.target, tree, expected: c.ok ? normalizeFixture(c.tree as Normal) : 'error' };
    })
    .filter((r) => JSON.stringify(r.tree) !== JSON.stringify(r.expected));
  expect(fixture.random.length).toBeGreaterThan(1000);
  expect(disagreements).toEqual([]);
});

test('with the prefix option, every target reads as graphite-web reads it, trailing text ignored', () => {
  const disagreements = [...fixture.cases, ...fixture.random]
    .map((c) => {
      let tree: Normal | 'error';
      try {
        tree = normalize(parse(c.target, { prefix: true }));
      } catch (error) {
        if (!(error instanceof RenderError)) throw error;
        tree = 'error';
      }
      const expected = c.prefixTree ?? c.tree;
      return {
        target: c.target,
        tree,
        expected: expected === undefined ? 'error' : normalizeFixture(expected),
      };
    })
    .filter((r) => JSON.stringify(r.tree) !== JSON.stringify(r.expected));
  expect(disagreements).toEqual([]);
});

test('the fixture covers several hundred targets', () => {
  expect(fixture.cases.length).toBeGreaterThan(300);
  expect(accepted.length).toBeGreaterThan(150);
  expect(rejected.length).toBeGreaterThan(100);
});
