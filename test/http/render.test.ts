// /render, /functions and /version on a running server over 127.0.0.1: points sent over the carbon line
// protocol come back in every format, with the request shapes Grafana and graphite-web federation send.
import { unpack } from 'msgpackr';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { App } from '../../src/app.js';
import { makeDirs, sendTcp, startApp, waitFor } from '../server/harness.js';

let app: App;
let base: string;
const NOW = Math.floor(Date.now() / 1000);
const T0 = NOW - (NOW % 60) - 600; // ten minutes of 60 s points ending before now

beforeAll(async () => {
  app = await startApp(makeDirs('[default]\npattern = .*\nretentions = 60s:1d\n'));
  base = `http://127.0.0.1:${app.ports.http}`;
  const lines: string[] = [];
  for (let k = 0; k < 10; k++) {
    lines.push(`apps.web1.requests.count ${k + 1} ${T0 + k * 60}`);
    lines.push(`apps.web2.requests.count ${10 * (k + 1)} ${T0 + k * 60}`);
    lines.push(`disk.used;host=a;dc=east ${100 + k} ${T0 + k * 60}`);
    lines.push(`disk.used;host=b;dc=west ${200 + k} ${T0 + k * 60}`);
  }
  await sendTcp(app.ports.line as number, `${lines.join('\n')}\n`);
  await waitFor(async () => (await app.index?.findSeries(['name=disk.used']))?.length === 2);
});
afterAll(() => app.stop());

const range = `from=${T0 - 60}&until=${T0 + 600}`;

async function post(body: string): Promise<Response> {
  return fetch(`${base}/render`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
}

interface JsonSeries {
  target: string;
  tags: Record<string, string>;
  datapoints: [number | null, number][];
}

test('a point accepted over TCP is rendered at once, value first and timestamp second', async () => {
  const res = await fetch(`${base}/render?target=apps.web1.requests.count&format=json&${range}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const [series] = (await res.json()) as JsonSeries[];
  expect(series?.target).toBe('apps.web1.requests.count');
  expect(series?.tags).toEqual({ name: 'apps.web1.requests.count' });
  expect(series?.datapoints[0]).toEqual([1, T0]);
  expect(series?.datapoints.filter((p) => p[0] !== null).map((p) => p[0])).toEqual([
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
  ]);
});

test('Grafana’s POST with an aliasSub-wrapped target gets the refId after a space', async () => {
  const target = encodeURIComponent('aliasSub(sumSeries(apps.*.requests.count), "(^.*$)", "\\1 A")');
  const res = await post(`target=${target}&${range}&format=json&maxDataPoints=1320`);
  expect(res.status).toBe(200);
  const [series] = (await res.json()) as JsonSeries[];
  expect(series?.target).toBe('sumSeries(apps.*.requests.count) A');
  expect(series?.datapoints.find((p) => p[1] === T0)?.[0]).toBe(11);
});

test('Save & test: constantLine(100) without from/until answers a json array', async () => {
  const res = await post('target=constantLine(100)&format=json&maxDataPoints=100');
  expect(res.status).toBe(200);
  const body = (await res.json()) as JsonSeries[];
  expect(body[0]?.datapoints.every((p) => p[0] === 100)).toBe(true);
});

test('seriesByTag finds tagged series, named by their canonical tagged path, tags parsed', async () => {
  const res = await post(
    `target=${encodeURIComponent("seriesByTag('name=disk.used', 'dc=east')")}&${range}&format=json`,
  );
  const body = (await res.json()) as JsonSeries[];
  expect(body.map((s) => s.target)).toEqual(['disk.used;dc=east;host=a']);
  expect(body[0]?.tags).toEqual({ name: 'disk.used', dc: 'east', host: 'a' });
});

test('a target that does not parse is a 400 naming the position, never a 500', async () => {
  const res = await fetch(`${base}/render?target=${encodeURIComponent('sumSeries(a.b')}&format=json`);
  expect(res.status).toBe(400);
  const body = (await res.json()) as { error: string; code: string };
  expect(body.code).toBe('RENDER_ERR_PARSE');
  expect(body.error).toMatch(/position/);
});

test('an unknown function is a 400 naming it', async () => {
  const res = await fetch(`${base}/render?target=${encodeURIComponent('frobnicate(a.b)')}&format=json`);
  expect(res.status).toBe(400);
  expect(await res.json()).toMatchObject({
    code: 'RENDER_ERR_UNKNOWN_FUNCTION',
    error: expect.stringContaining('frobnicate'),
  });
});

test('a bad argument is a 400 naming the function and the parameter', async () => {
  const res = await fetch(
    `${base}/render?target=${encodeURIComponent('movingAverage(a.b, "5x")')}&format=json`,
  );
  expect(res.status).toBe(400);
  const body = (await res.json()) as { error: string; code: string };
  expect(body.code).toBe('RENDER_ERR_BAD_ARGUMENT');
  expect(body.error).toMatch(/movingAverage.*windowSize/);
});

test('image formats are a clear 400 until graphs land, never a fake image', async () => {
  for (const q of ['format=png', 'format=svg', '']) {
    const res = await fetch(`${base}/render?target=a.b&${q}`);
    expect(res.status, q).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'RENDER_ERR_UNSUPPORTED_FORMAT' });
  }
});

test('an empty time range is a 400; reversed from/until are swapped', async () => {
  expect((await fetch(`${base}/render?target=a.b&format=json&from=${T0}&until=${T0}`)).status).toBe(400);
  const res = await fetch(
    `${base}/render?target=apps.web1.requests.count&format=json&from=${T0 + 600}&until=${T0 - 60}`,
  );
  expect(((await res.json()) as JsonSeries[])[0]?.datapoints[0]).toEqual([1, T0]);
});

test('graphite-web federation: pickle with local=1 and noCache=1 echoes the pathExpression', async () => {
  const res = await fetch(
    `${base}/render/?format=pickle&local=1&noCache=1&${range}&target=apps.*.requests.count&now=${NOW}`,
  );
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pickle');
  expect(res.headers.get('cache-control')).toMatch(/no-cache/);
  const text = Buffer.from(await res.arrayBuffer()).toString('latin1');
  expect(text.startsWith('\x80\x02')).toBe(true);
  expect(text).toContain('apps.*.requests.count');
  expect(text).toContain('apps.web2.requests.count');
});

test('carbonapi msgpack: exact content type, integer start/end/step, float64 values', async () => {
  const res = await fetch(`${base}/render/?format=msgpack&${range}&target=apps.web1.requests.count`);
  expect(res.headers.get('content-type')).toBe('application/x-msgpack');
  const buf = Buffer.from(await res.arrayBuffer());
  const [series] = unpack(buf) as { name: string; start: number; step: number; values: (number | null)[] }[];
  expect(series).toMatchObject({ name: 'apps.web1.requests.count', start: T0, step: 60 });
  expect(buf.includes(Buffer.from('cb3ff0000000000000', 'hex'))).toBe(true); // 1.0 as float64
});

test('template() substitutes positional and keyword values, template[k] overrides', async () => {
  const target = encodeURIComponent('template(apps.$host.requests.count, host="web1")');
  const plain = (await (
    await fetch(`${base}/render?target=${target}&format=json&${range}`)
  ).json()) as JsonSeries[];
  expect(plain.map((s) => s.target)).toEqual(['apps.web1.requests.count']);
  const over = (await (
    await fetch(`${base}/render?target=${target}&template[host]=web2&format=json&${range}`)
  ).json()) as JsonSeries[];
  expect(over.map((s) => s.target)).toEqual(['apps.web2.requests.count']);
});

test('/functions answers graphite-web’s ungrouped shape, /functions/<name> one entry, unknown a 404', async () => {
  const all = (await (await fetch(`${base}/functions`)).json()) as Record<
    string,
    { name: string; group: string }
  >;
  expect(all.aliasSub).toMatchObject({
    name: 'aliasSub',
    group: 'Alias',
    module: 'graphite.render.functions',
  });
  const grouped = (await (await fetch(`${base}/functions?grouped=1`)).json()) as Record<string, object>;
  expect(Object.keys(grouped.Combine ?? {})).toContain('sumSeries');
  const one = await fetch(`${base}/functions/movingAverage`);
  expect(((await one.json()) as { function: string }).function).toBe(
    'movingAverage(seriesList, windowSize, xFilesFactor=None)',
  );
  const missing = await fetch(`${base}/functions/nope`);
  expect(missing.status).toBe(404);
  expect(await missing.json()).toEqual({ error: 'Function "nope" not found' });
  expect((await fetch(`${base}/functions`, { method: 'POST' })).status).toBe(405);
});

test('/version answers a 1.1 semver, as Grafana expects', async () => {
  const res = await fetch(`${base}/version`);
  expect(await res.text()).toMatch(/^1\.1\.\d+$/);
});
