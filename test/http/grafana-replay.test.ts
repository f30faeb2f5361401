// Requests exactly as Grafana's Graphite datasource sends them (grafana-federation.md §1.2, §1.5, errata),
// against a running server: metric tree browsing, template variables and tag autocomplete.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { create } from '../../storage/index.js';
import type { App } from '../../src/app.js';
import { makeDirs, startApp } from '../server/harness.js';

let app: App;

beforeAll(async () => {
  const dirs = makeDirs();
  for (const name of [
    'prod.web01.cpu.user',
    'prod.web01.cpu.system',
    'prod.web02.cpu.user',
    'staging.web01.cpu.user',
  ]) {
    const file = join(dirs.whisperDir, ...name.split('.')) + '.wsp';
    mkdirSync(join(file, '..'), { recursive: true });
    create(file, [{ secondsPerPoint: 60, points: 10 }]);
  }
  app = await startApp(dirs);
  await app.rescan();
  await app.index!.add([
    { name: 'http.requests;env=prod;host=web01', seen: 1 },
    { name: 'http.requests;env=staging;host=web01', seen: 1 },
  ]);
});
afterAll(() => app.stop());

/** Grafana's FE requestMetricFind: POST, form body `query=<raw, not url-encoded>`, from/until in the URL. */
async function treeBrowse(query: string): Promise<{ text: string; expandable: number }[]> {
  const res = await app.http.inject({
    method: 'POST',
    url: '/metrics/find?from=1700000000&until=1700003600',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: `query=${query}`,
  });
  expect(res.statusCode).toBe(200);
  return JSON.parse(res.body);
}

test('the query editor walks the tree one segment at a time with `*`', async () => {
  expect((await treeBrowse('*')).map((n) => [n.text, n.expandable])).toEqual([
    ['prod', 1],
    ['staging', 1],
  ]);
  expect((await treeBrowse('prod.*')).map((n) => n.text)).toEqual(['web01', 'web02']);
  expect((await treeBrowse('prod.web01.cpu.*')).map((n) => [n.text, n.expandable])).toEqual([
    ['system', 0],
    ['user', 0],
  ]);
});

test('typing filters a segment with *prefix* and template variables use {a,b} values', async () => {
  expect((await treeBrowse('prod.*eb0*')).map((n) => n.text)).toEqual(['web01', 'web02']);
  expect((await treeBrowse('{prod,staging}.web01.cpu.*')).map((n) => n.text)).toEqual(['system', 'user']);
});

test('expand(...) variables read results from GET /metrics/expand', async () => {
  const res = await app.http.inject({
    method: 'GET',
    url: '/metrics/expand?query=prod.*.cpu.user&from=1700000000&until=1700003600',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(JSON.parse(res.body)).toEqual({ results: ['prod.web01.cpu.user', 'prod.web02.cpu.user'] });
});

test('tag autocomplete as the Go backend sends it: empty tagPrefix and limit=0 every time', async () => {
  const tags = await app.http.inject({ method: 'GET', url: '/tags/autoComplete/tags?limit=0&tagPrefix=' });
  expect(JSON.parse(tags.body)).toEqual(['env', 'host', 'name']);
  const values = await app.http.inject({
    method: 'GET',
    url: '/tags/autoComplete/values?expr=name%3Dhttp.requests&limit=0&tag=env&valuePrefix=',
  });
  expect(JSON.parse(values.body)).toEqual(['prod', 'staging']);
  const variable = await app.http.inject({
    method: 'GET',
    url: '/tags/autoComplete/values?expr=env%3Dprod&tag=host&limit=10000',
  });
  expect(JSON.parse(variable.body)).toEqual(['web01']);
});
