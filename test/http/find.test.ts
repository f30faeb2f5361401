// /metrics/find, /metrics/expand and /metrics/index.json as Grafana, graphite-web federation and carbonapi
// call them, against a running server's index.
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { unpack } from 'msgpackr';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { create } from '../../storage/index.js';
import type { App } from '../../src/app.js';
import { makeDirs, startApp } from '../server/harness.js';

let app: App;
const SERIES = [
  'apps.web.requests',
  'apps.web.errors',
  'apps.db.requests',
  'apps.db',
  'servers.host1.cpu',
  'servers.host2.cpu',
];

beforeAll(async () => {
  const dirs = makeDirs();
  for (const name of SERIES) {
    const file = join(dirs.whisperDir, ...name.split('.')) + '.wsp';
    mkdirSync(join(file, '..'), { recursive: true });
    create(file, [{ secondsPerPoint: 60, points: 1440 }]);
  }
  app = await startApp(dirs);
  await app.rescan();
});
afterAll(() => app.stop());

async function get(url: string) {
  return app.http.inject({ method: 'GET', url });
}

test('treejson (the default) lists branches then leaves with integer flags, a name both ways once', async () => {
  const res = await get('/metrics/find?query=apps.*');
  expect(res.statusCode).toBe(200);
  expect(res.headers['cache-control']).toBe('no-cache');
  expect(JSON.parse(res.body)).toEqual([
    { text: 'db', id: 'apps.db', allowChildren: 1, expandable: 1, leaf: 0 },
    { text: 'web', id: 'apps.web', allowChildren: 1, expandable: 1, leaf: 0 },
  ]);
  const leaves = JSON.parse((await get('/metrics/find?query=apps.db.*')).body);
  expect(leaves).toEqual([
    { text: 'requests', id: 'apps.db.requests', allowChildren: 0, expandable: 0, leaf: 1 },
  ]);
});

test('Grafana POSTs the query in a form body and from/until in the URL', async () => {
  const res = await app.http.inject({
    method: 'POST',
    url: '/metrics/find?from=1700000000&until=1700003600',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'query=servers.*',
  });
  expect(JSON.parse(res.body).map((n: { id: string }) => n.id)).toEqual(['servers.host1', 'servers.host2']);
});

test('treejson ids are the query prefix plus the name, so same-named matches collapse into one node', async () => {
  // graphite-web's tree_json: base_path comes from the query and nodes are de-duplicated by name.
  expect(JSON.parse((await get('/metrics/find?query=servers.*.cpu')).body)).toEqual([
    { text: 'cpu', id: 'servers.*.cpu', allowChildren: 0, expandable: 0, leaf: 1 },
  ]);
});

test('wildcards=1 adds a * node first when more than one node matches', async () => {
  const res = JSON.parse((await get('/metrics/find?query=servers.*&wildcards=1')).body);
  expect(res[0]).toEqual({ text: '*', id: 'servers.*', allowChildren: 1, expandable: 1, leaf: 0 });
  expect(res).toHaveLength(3);
});

test('completer, nodelist and json formats have graphite-web shapes', async () => {
  expect(JSON.parse((await get('/metrics/find?query=apps.w&format=completer')).body)).toEqual({
    metrics: [{ path: 'apps.web.', name: 'web', is_leaf: '0' }],
  });
  expect(
    JSON.parse((await get('/metrics/find?query=servers.*.cpu&format=nodelist&position=1')).body),
  ).toEqual({
    nodes: ['host1', 'host2'],
  });
  const json = JSON.parse((await get('/metrics/find?query=servers.host1.*&format=json')).body);
  expect(json).toHaveLength(1);
  expect(json[0].path).toBe('servers.host1.cpu');
  expect(json[0].is_leaf).toBe(true);
  expect(json[0].intervals[0].end - json[0].intervals[0].start).toBeGreaterThan(86_000);
});

test('msgpack answers carry both is_leaf and isLeaf with [start, end] intervals', async () => {
  const res = await get('/metrics/find?query=apps.db.*&format=msgpack&local=1');
  expect(res.headers['content-type']).toBe('application/x-msgpack');
  const nodes = unpack(res.rawPayload) as {
    path: string;
    is_leaf: boolean;
    isLeaf: boolean;
    intervals: number[][];
  }[];
  expect(nodes.map((n) => [n.path, n.is_leaf, n.isLeaf, n.intervals.length])).toEqual([
    ['apps.db.requests', true, true, 1],
  ]);
});

test('pickle answers unpickle in Python to graphite-web node dicts', async () => {
  const res = await get('/metrics/find?query=apps.*&format=pickle&local=1');
  expect(res.headers['content-type']).toBe('application/pickle');
  // Protocol 2, a list of dicts with path/is_leaf (and intervals for leaves): check the framing bytes.
  expect(res.rawPayload.subarray(0, 2)).toEqual(Buffer.from([0x80, 0x02]));
  expect(res.rawPayload.includes(Buffer.from('apps.db'))).toBe(true);
  expect(res.rawPayload.at(-1)).toBe(0x2e);
});

test('expand returns {"results": [...]} sorted, or grouped by query', async () => {
  expect(JSON.parse((await get('/metrics/expand?query=apps.*.requests&query=servers.*')).body)).toEqual({
    results: ['apps.db.requests', 'apps.web.requests', 'servers.host1', 'servers.host2'],
  });
  expect(JSON.parse((await get('/metrics/expand?query=apps.*&groupByExpr=1&leavesOnly=1')).body)).toEqual({
    results: { 'apps.*': ['apps.db'] },
  });
});

test('index.json lists every leaf, sorted', async () => {
  expect(JSON.parse((await get('/metrics/index.json')).body)).toEqual([...SERIES].sort());
});

test('a missing query or unknown format is a 400 with graphite-web’s message', async () => {
  const missing = await get('/metrics/find');
  expect(missing.statusCode).toBe(400);
  expect(missing.body).toContain("Missing required parameter 'query'");
  const bad = await get('/metrics/find?query=a&format=xml');
  expect(bad.statusCode).toBe(400);
  expect(bad.body).toContain("Invalid value for 'format' parameter");
  expect((await get('/metrics/find?query=a&leavesOnly=yes')).statusCode).toBe(400);
});
