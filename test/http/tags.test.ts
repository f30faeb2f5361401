// The tag API as Grafana's editor and graphite-web peers call it, against a running server's index.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { App } from '../../src/app.js';
import { makeDirs, startApp } from '../server/harness.js';

let app: App;

beforeAll(async () => {
  app = await startApp(makeDirs());
  const res = await app.http.inject({
    method: 'POST',
    url: '/tags/tagMultiSeries',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: [
      'path=cpu.load;host=web1;dc=us-east',
      'path=cpu.load;dc=us-west;host=web2',
      'path=disk.used;host=web1;dc=us-east;mount=/',
      'path[]=mem.free;host=db1;dc=eu',
    ].join('&'),
  });
  expect(JSON.parse(res.body)).toEqual([
    'cpu.load;dc=us-east;host=web1',
    'cpu.load;dc=us-west;host=web2',
    'disk.used;dc=us-east;host=web1;mount=/',
    'mem.free;dc=eu;host=db1',
  ]);
});
afterAll(() => app.stop());

const get = async (url: string) => app.http.inject({ method: 'GET', url });
const json = async (url: string) => JSON.parse((await get(url)).body) as unknown;

test('/tags lists tags sorted with ids, and filters by an anchored regex', async () => {
  expect(await json('/tags')).toEqual([
    { id: 1, tag: 'dc' },
    { id: 2, tag: 'host' },
    { id: 3, tag: 'mount' },
    { id: 4, tag: 'name' },
  ]);
  expect(await json('/tags?filter=m')).toEqual([{ id: 1, tag: 'mount' }]);
});

test('/tags/<tag> lists values with counts; an unknown tag is null', async () => {
  expect(await json('/tags/dc')).toEqual({
    id: 1,
    tag: 'dc',
    values: [
      { id: 1, value: 'eu', count: 1 },
      { id: 2, value: 'us-east', count: 2 },
      { id: 3, value: 'us-west', count: 1 },
    ],
  });
  expect(await json('/tags/nope')).toBeNull();
});

test('findSeries evaluates every operator and needs at least one expression', async () => {
  expect(await json('/tags/findSeries?expr=name=cpu.load')).toEqual([
    'cpu.load;dc=us-east;host=web1',
    'cpu.load;dc=us-west;host=web2',
  ]);
  expect(await json('/tags/findSeries?expr=dc=~us-.*&expr=host!=web2')).toEqual([
    'cpu.load;dc=us-east;host=web1',
    'disk.used;dc=us-east;host=web1;mount=/',
  ]);
  expect(await json('/tags/findSeries?expr=host=web1&expr=mount=')).toEqual([
    'cpu.load;dc=us-east;host=web1',
  ]);
  const none = await get('/tags/findSeries');
  expect(none.statusCode).toBe(400);
  expect(JSON.parse(none.body)).toEqual({ error: 'no tag expressions specified' });
  const empty = await get('/tags/findSeries?expr=mount=');
  expect(empty.statusCode).toBe(400);
});

test('autoComplete answers Grafana: limit=0 and empty prefixes mean no limit, exprs narrow the series', async () => {
  expect(await json('/tags/autoComplete/tags?tagPrefix=&limit=0')).toEqual(['dc', 'host', 'mount', 'name']);
  expect(await json('/tags/autoComplete/tags?tagPrefix=h')).toEqual(['host']);
  expect(await json('/tags/autoComplete/tags?expr=name=mem.free')).toEqual(['dc', 'host']);
  expect(await json('/tags/autoComplete/values?tag=host&valuePrefix=web&limit=10000')).toEqual([
    'web1',
    'web2',
  ]);
  expect(await json('/tags/autoComplete/values?tag=host&expr=dc=eu')).toEqual(['db1']);
  expect((await get('/tags/autoComplete/values')).statusCode).toBe(400);
});

test('delSeries removes series; tagSeries answers the canonical name; wrong methods are 405', async () => {
  const del = await app.http.inject({
    method: 'POST',
    url: '/tags/delSeries',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'path=mem.free;host=db1;dc=eu',
  });
  expect(JSON.parse(del.body)).toBe(true);
  expect(await json('/tags/findSeries?expr=dc=eu')).toEqual([]);
  const tag = await app.http.inject({
    method: 'POST',
    url: '/tags/tagSeries',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'path=x.y;b=2;a=1',
  });
  expect(JSON.parse(tag.body)).toBe('x.y;a=1;b=2');
  expect((await get('/tags/tagSeries')).statusCode).toBe(405);
});
