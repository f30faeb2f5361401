// The events API on a running server (127.0.0.1): events posted as Grafana's docs and curl users do,
// read back as Grafana's annotation query (browser and Go backend) does, kept across a restart.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { App } from '../../src/app.js';
import { type Dirs, makeDirs, startApp } from '../server/harness.js';

const TOKEN = 's3cret';
const NOW = Math.floor(Date.now() / 1000);
let dirs: Dirs;
let app: App;
let base: string;

/** A request with full control of headers and body (fetch always adds a content type to string bodies). */
function raw(
  method: string,
  path: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: app.ports.http, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: text }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

const post = (body: string, type = 'application/x-www-form-urlencoded') =>
  raw('POST', '/events/', body, { 'content-type': type });
const getJson = async (path: string): Promise<unknown> => {
  const res = await fetch(base + path);
  expect(res.status).toBe(200);
  return res.json();
};

beforeAll(async () => {
  dirs = makeDirs();
  app = await startApp(dirs, ['--set', `admin.token=${TOKEN}`]);
  base = `http://127.0.0.1:${app.ports.http}`;
  // As Grafana's docs show it: curl -X POST <url>/events/ -d '{"what": …, "tags": [...], …}' (a form POST).
  const first = await post(
    JSON.stringify({ what: 'release 1.2', tags: ['deploy', 'prod'], when: NOW - 3600, data: 'v1.2 to web' }),
  );
  expect(first).toMatchObject({ status: 200, body: '' });
  expect(
    (
      await post(
        JSON.stringify({ what: 'staging 1.3', tags: 'deploy staging', when: NOW - 1800 }),
        'application/json',
      )
    ).status,
  ).toBe(200);
  expect(
    (
      await raw(
        'POST',
        '/events',
        JSON.stringify({ what: 'old', tags: ['deploy', 'prod'], when: NOW - 8 * 3600 }),
      )
    ).status,
  ).toBe(200);
  expect(
    (await post(JSON.stringify({ what: 'outage', tags: ['prod', 'outage'], when: NOW - 600.75 }))).status,
  ).toBe(200);
});
afterAll(() => app.stop());

describe('reading events back', () => {
  test('Grafana annotations: relative from/until and space-separated tags select with every tag', async () => {
    // Grafana's browser datasource puts the tags in the URL unencoded; fetch encodes the space as %20.
    expect(await getJson('/events/get_data?from=-6h&until=now&tags=deploy prod')).toEqual([
      { when: NOW - 3600, what: 'release 1.2', data: 'v1.2 to web', tags: ['deploy', 'prod'], id: 1 },
    ]);
  });

  test("Grafana's Go backend: epoch seconds and a form-encoded space (+)", async () => {
    const found = (await getJson(`/events/get_data?from=${NOW - 7200}&until=${NOW}&tags=deploy`)) as {
      id: number;
    }[];
    expect(found.map((e) => e.id)).toEqual([1, 2]);
    expect(await getJson(`/events/get_data/?from=${NOW - 7200}&until=${NOW}&tags=prod+outage`)).toEqual([
      { when: NOW - 601, what: 'outage', data: '', tags: ['prod', 'outage'], id: 4 },
    ]);
  });

  test('without from and until every event up to now is listed, ordered by time, with integer times', async () => {
    const all = (await getJson('/events/get_data')) as { id: number; when: unknown }[];
    expect(all.map((e) => e.id)).toEqual([3, 1, 2, 4]);
    expect(all.every((e) => Number.isInteger(e.when))).toBe(true);
  });

  test('set=union matches any tag, set=intersection needs them all', async () => {
    const ids = async (q: string) =>
      ((await getJson(`/events/get_data?${q}`)) as { id: number }[]).map((e) => e.id);
    expect(await ids('tags=staging%20outage&set=union')).toEqual([2, 4]);
    expect(await ids('tags=deploy%20prod&set=intersection')).toEqual([3, 1]);
    expect(await ids('tags=deploy%20typo')).toEqual([3, 1, 2]);
    expect(await ids('tags=deploy%20typo&set=intersection')).toEqual([]);
  });

  test('jsonp wraps the answer as graphite-web does', async () => {
    const res = await raw('GET', `/events/get_data?from=${NOW - 700}&until=${NOW}&jsonp=cb`);
    expect(res.type).toMatch(/^text\/javascript/);
    expect(res.body).toBe(
      'cb([{"when":' + (NOW - 601) + ',"what":"outage","data":"","tags":["prod","outage"],"id":4}])',
    );
  });

  test('GET /events/ lists events as JSON (graphite-web shows an HTML table there)', async () => {
    const res = await fetch(`${base}/events/`);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await res.json()) as unknown[]).length).toBe(4);
  });

  test('/events/<id> is the event with an ISO time; an unknown id is a 404', async () => {
    expect(await getJson('/events/1')).toEqual({
      id: 1,
      when: new Date((NOW - 3600) * 1000).toISOString().replace('.000Z', 'Z'),
      what: 'release 1.2',
      data: 'v1.2 to web',
      tags: ['deploy', 'prod'],
    });
    expect(((await getJson('/events/4/')) as { when: string }).when).toBe(
      new Date((NOW - 601) * 1000 + 250).toISOString(),
    );
    for (const path of ['/events/99', '/events/99/', '/events/abc']) {
      const res = await raw('GET', path);
      expect({ status: res.status, body: JSON.parse(res.body) as unknown }).toEqual({
        status: 404,
        body: { error: 'Event matching query does not exist' },
      });
    }
  });
});

describe('bad input', () => {
  test("tags that are neither an array nor a string are graphite-web's 400", async () => {
    for (const tags of [5, { a: 1 }, ['ok', 7]]) {
      const res = await post(JSON.stringify({ what: 'x', tags }));
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body)).toEqual({ error: '"tags" must be an array or space-separated string' });
    }
  });

  test('a missing what, a non-JSON body and other wrong fields are 400s that say what is wrong', async () => {
    const cases: [string, RegExp][] = [
      [JSON.stringify({ tags: ['deploy'] }), /"what" is required/],
      ['{"what": "x",', /must be a JSON object/],
      ['', /must be a JSON object/],
      ['[1, 2]', /must be a JSON object/],
      [JSON.stringify({ what: 'x', when: 'yesterday' }), /"when" must be a number/],
      [JSON.stringify({ what: 'x', when: 1e15 }), /"when" must be a number/],
      [JSON.stringify({ what: 'x', data: { k: 1 } }), /"data" must be a string/],
    ];
    for (const [body, message] of cases) {
      const res = await post(body, 'application/json');
      expect(res.status).toBe(400);
      expect((JSON.parse(res.body) as { error: string }).error).toMatch(message);
    }
    expect(((await getJson('/events/get_data')) as unknown[]).length).toBe(4);
  });

  test('HEAD answers like GET, without a body', async () => {
    expect(await raw('HEAD', '/events/get_data')).toMatchObject({ status: 200, body: '' });
    expect((await raw('HEAD', '/events/1')).status).toBe(200);
  });

  test('other methods are 405', async () => {
    expect((await raw('PUT', '/events/')).status).toBe(405);
    expect((await raw('PATCH', '/events')).status).toBe(405);
    expect((await raw('DELETE', '/events/get_data')).status).toBe(405);
    expect((await raw('PUT', '/events/1')).status).toBe(405);
  });

  test('a from that parseATTime rejects is a 400', async () => {
    const res = await raw('GET', '/events/get_data?from=notatime');
    expect(res.status).toBe(400);
  });
});

describe('deleting and restarting', () => {
  test('DELETE /events/<id> needs the admin token', async () => {
    expect((await raw('DELETE', '/events/2')).status).toBe(401);
    expect((await raw('DELETE', '/events/2', undefined, { authorization: 'Bearer wrong' })).status).toBe(401);
    const res = await raw('DELETE', '/events/2/', undefined, { authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ id: 2, what: 'staging 1.3' });
    expect((await raw('DELETE', '/events/2', undefined, { authorization: `Bearer ${TOKEN}` })).status).toBe(
      404,
    );
  });

  test('events and the id sequence survive a restart', async () => {
    await app.stop();
    app = await startApp(dirs, ['--set', `admin.token=${TOKEN}`]);
    base = `http://127.0.0.1:${app.ports.http}`;
    expect(((await getJson('/events/get_data')) as { id: number }[]).map((e) => e.id)).toEqual([3, 1, 4]);
    expect((await post(JSON.stringify({ what: 'after restart' }))).status).toBe(200);
    const latest = (await getJson('/events/5')) as { what: string; when: string };
    expect(latest.what).toBe('after restart');
    expect(Math.abs(Date.parse(latest.when) / 1000 - Date.now() / 1000)).toBeLessThan(600);
  });

  test('a comma-separated tag string (a common copy of the docs) matches each tag, shown as graphite-web shows it', async () => {
    expect((await post(JSON.stringify({ what: 'commas', tags: 'tag1, tag2', when: NOW - 60 }))).status).toBe(
      200,
    );
    expect(await getJson(`/events/get_data?from=${NOW - 120}&until=${NOW}&tags=tag2`)).toEqual([
      { when: NOW - 60, what: 'commas', data: '', tags: ['tag1,', 'tag2'], id: 6 },
    ]);
    expect(await getJson(`/events/get_data?from=${NOW - 120}&until=${NOW}&tags=tag1`)).toHaveLength(1);
  });

  test('without an admin token deleting is refused', async () => {
    const other = await startApp(makeDirs());
    try {
      const res = await other.http.inject({ method: 'DELETE', url: '/events/1' });
      expect(res.statusCode).toBe(403);
    } finally {
      await other.stop();
    }
  });
});
