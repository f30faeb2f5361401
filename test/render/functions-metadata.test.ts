// Every registered function describes itself as graphite-web 1.1.8 does in /functions (group, params with
// type/required/multiple/default/options/suggestions, signature text): Grafana's editor builds from it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { functionsMarkdown } from '../../render/functions/docs.js';
import { defaultRegistry, functionInfo } from '../../render/functions/registry.js';
import { FIXTURES } from './harness.js';

type Info = Record<string, unknown> & { params: Record<string, unknown>[] };
const graphiteWeb = JSON.parse(readFileSync(join(FIXTURES, 'graphite-web-functions.json'), 'utf8')) as Record<
  string,
  Info
>;
const registry = defaultRegistry();

/** graphite-web 1.1.8 functions carbonado does not have (docs/api.md says why). */
const NOT_IMPLEMENTED: string[] = [];

test('every registered function has graphite-web’s group, params and signature', () => {
  const diffs: string[] = [];
  for (const def of registry.all()) {
    const want = graphiteWeb[def.name];
    if (want === undefined) continue;
    const got = functionInfo(def, registry) as Info;
    for (const key of ['name', 'function', 'group', 'module'] as const) {
      if (JSON.stringify(got[key]) !== JSON.stringify(want[key]))
        diffs.push(`${def.name}.${key}: ${JSON.stringify(got[key])} != ${JSON.stringify(want[key])}`);
    }
    if (JSON.stringify(got.params) !== JSON.stringify(want.params))
      diffs.push(`${def.name}.params: ${JSON.stringify(got.params)} != ${JSON.stringify(want.params)}`);
  }
  expect(diffs).toEqual([]);
});

test('every function graphite-web 1.1.8 lists is registered, but for the documented exceptions', () => {
  const missing = Object.keys(graphiteWeb).filter((name) => registry.get(name) === undefined);
  expect(missing.sort()).toEqual(NOT_IMPLEMENTED);
});

test('every registered function has a description of its own', () => {
  for (const def of registry.all()) expect(def.description.length, def.name).toBeGreaterThan(20);
});

test('docs/functions.md is what `npm run gen:docs` writes from the registry', () => {
  const docs = readFileSync(join(import.meta.dirname, '../../docs/functions.md'), 'utf8');
  expect(docs).toBe(functionsMarkdown(registry));
});
