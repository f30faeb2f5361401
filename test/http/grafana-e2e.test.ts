// A whole Grafana session against a real carbonado on 127.0.0.1 with real data sent over the carbon line
// protocol: every request Grafana's Graphite datasource makes (grafana-federation.md §1.2–1.8), in its exact
// shape, with assertions on the fields Grafana parses (FE convertResponseToDataFrames, Go toDataFrames).
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { App } from '../../src/app.js';
import { makeDirs, sendTcp, startApp, waitFor } from '../server/harness.js';

let app: App;
let base: string;
const NOW = Math.floor(Date.now() / 1000);
const STEP = 60;
const FIRST = NOW - (NOW % STEP) - 6 * 3600; // six hours of data

beforeAll(async () => {
  app = await startApp(makeDirs('[default]\npattern = .*\nretentions = 60s:2d\n'));
  base = `http://127.0.0.1:${app.ports.http}`;
  const lines: string[] = [];
  for (let t = FIRST; t < NOW; t += STEP) {
    const k = (t - FIRST) / STEP;
    lines.push(`apps.web01.requests.count ${10 + (k % 7)} ${t}`);
    lines.push(`apps.web02.requests.count ${20 + (k % 5)} ${t}`);
    lines.push(`apps.web01.errors.count ${k % 3} ${t}`);
    lines.push(`http.latency;env=prod;host=web01 ${k % 11} ${t}`);
    lines.push(`http.latency;env=staging;host=web02 ${k % 13} ${t}`);
  }
  await sendTcp(app.ports.line as number, `${lines.join('\n')}\n`);
  await waitFor(async () => (await app.index?.find('apps.*.*.count', { leavesOnly: true }))?.length === 3);
  await waitFor(async () => (await app.index?.findSeries(['name=http.latency']))?.length === 2);
});
afterAll(() => app.stop());

/** Grafana FE's translateTime for a DateTime: epoch seconds, from −1 s and until +1 s when seconds ≠ 0. */
function feRange(from: number, until: number): { from: number; until: number } {
  return { from: from % 60 !== 0 ? from - 1 : from, until: until % 60 !== 0 ? until + 1 : until };
}

/** buildGraphiteParams: `target=<encodeURIComponent>` per visible target, then from, until, format, maxDataPoints. */
function feBody(targets: string[], from: number, until: number, maxDataPoints: number): string {
  return [
    ...targets.map((t) => `target=${encodeURIComponent(t)}`),
    `from=${from}`,
    `until=${until}`,
    'format=json',
    `maxDataPoints=${maxDataPoints}`,
  ].join('&');
}

async function postForm(path: string, body: string): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
}

interface TargetResponse {
  target: string;
  tags: Record<string, unknown>;
  datapoints: [number | null, number][];
}

/** What the FE does with a /render answer: refId from the last space-separated token, ms timestamps. */
function feFrames(
  body: unknown,
): { name: string; refId: string; labels: Record<string, unknown>; points: number }[] {
  if (!Array.isArray(body)) throw new Error('Missing series in result');
  return (body as TargetResponse[]).map((s) => {
    const parts = s.target.split(' ');
    const refId = parts.length > 1 ? (parts.pop() as string) : '';
    for (const [value, ts] of s.datapoints) {
      if (value !== null && typeof value !== 'number') throw new Error('bad value');
      if (!Number.isInteger(ts)) throw new Error('failed to parse data point timestamp');
    }
    return { name: parts.join(' '), refId, labels: s.tags, points: s.datapoints.length };
  });
}

test('the datasource reads /version as semver ≥ 1.1 (function index supported)', async () => {
  const res = await fetch(`${base}/version`);
  const [major, minor] = (await res.text()).trim().split('.').map(Number);
  expect(major === 1 && (minor ?? 0) >= 1).toBe(true);
});

test('the query editor loads /functions as text and parses it the way gfunc.parseFuncDefs does', async () => {
  const text = await (await fetch(`${base}/functions`)).text();
  const defs = JSON.parse(text.replace(/"default": ?Infinity/g, '"default": 1e9999')) as Record<
    string,
    {
      name: string;
      group: string;
      params: { name: string; type: string; required?: boolean; options?: unknown[] }[];
    }
  >;
  const editor = new Map<string, { category: string; params: string[] }>();
  for (const def of Object.values(defs)) {
    if (def.group === 'Graph') continue;
    let params = def.params;
    // the first param: dropped when it is the series list, kept (as optional) when it repeats
    if (/^seriesLists?$/.test(params[0]?.type ?? '') && !(params[0] as { multiple?: boolean }).multiple)
      params = params.slice(1);
    editor.set(def.name, { category: def.group, params: params.map((p) => `${p.name}:${p.type}`) });
  }
  expect(editor.get('aliasByNode')).toEqual({ category: 'Alias', params: ['nodes:nodeOrTag'] });
  expect(editor.get('movingAverage')?.params).toEqual(['windowSize:intOrInterval', 'xFilesFactor:float']);
  expect(editor.get('groupByNode')?.category).toBe('Combine');
  expect(editor.has('secondYAxis')).toBe(false);
});

test('the tree browser POSTs query= in the body with from/until in the URL and gets integer flags', async () => {
  const res = await postForm(`/metrics/find?from=${FIRST}&until=${NOW}`, 'query=apps.*');
  const nodes = (await res.json()) as { text: string; expandable: number; leaf: number }[];
  expect(nodes.map((n) => [n.text, n.expandable, n.leaf])).toEqual([
    ['web01', 1, 0],
    ['web02', 1, 0],
  ]);
});

test('template variables: expand(), tags() and tag_values() as Grafana dispatches them', async () => {
  const expand = (await (await fetch(`${base}/metrics/expand?query=apps.*.requests.count`)).json()) as {
    results: string[];
  };
  expect(expand.results).toEqual(['apps.web01.requests.count', 'apps.web02.requests.count']);
  const tags = (await (
    await fetch(`${base}/tags/autoComplete/tags?expr=${encodeURIComponent('name=http.latency')}&limit=10000`)
  ).json()) as string[];
  expect(tags).toEqual(['env', 'host']);
  const values = (await (
    await fetch(
      `${base}/tags/autoComplete/values?expr=${encodeURIComponent('name=http.latency')}&tag=env&limit=0`,
    )
  ).json()) as string[];
  expect(values).toEqual(['prod', 'staging']);
});

test('a panel (current FE): aliasSub-wrapped targets, epoch range, maxDataPoints — refIds and labels come back', async () => {
  const { from, until } = feRange(NOW - 3 * 3600 + 17, NOW);
  const targets = [
    'aliasSub(aliasByNode(apps.*.requests.count, 1), "(^.*$)", "\\1 A")',
    'aliasSub(sumSeries(apps.*.requests.count), "(^.*$)", "\\1 B")',
    `aliasSub(seriesByTag('name=http.latency', 'env=prod'), "(^.*$)", "\\1 C")`,
  ];
  const res = await postForm('/render', feBody(targets, from, until, 100));
  expect(res.status).toBe(200);
  const frames = feFrames(await res.json());
  expect(frames.map((f) => [f.name, f.refId])).toEqual([
    ['web01', 'A'],
    ['web02', 'A'],
    ['sumSeries(apps.*.requests.count)', 'B'],
    ['http.latency;env=prod;host=web01', 'C'],
  ]);
  expect(frames[3]?.labels).toEqual({ name: 'http.latency', env: 'prod', host: 'web01' });
  for (const f of frames) expect(f.points).toBeLessThanOrEqual(100);
});

test('the Go backend: one POST per query, keys sorted, no-space aliasSub, strict decoding', async () => {
  const target = 'aliasSub(movingAverage(apps.web01.requests.count,5),"(^.*$)","\\1 A")';
  const body = new URLSearchParams([
    ['format', 'json'],
    ['from', String(NOW - 3600)],
    ['maxDataPoints', '500'],
    ['target', target],
    ['until', String(NOW)],
  ]).toString();
  const res = await postForm('/render', body);
  const decoded = (await res.json()) as TargetResponse[];
  expect(decoded).toHaveLength(1);
  expect(decoded[0]?.target).toBe('movingAverage(apps.web01.requests.count,5) A');
  const values = decoded[0]?.datapoints.map((p) => p[0]).filter((v) => v !== null) ?? [];
  expect(values.length).toBeGreaterThan(50);
  expect(values.every((v) => typeof v === 'number' && v >= 10 && v <= 16)).toBe(true);
});

test('health checks: the Go constantLine(100) and the FE aliasSub(constantLine(100)) both parse', async () => {
  const go = await postForm(
    '/render',
    `target=constantLine(100)&from=${NOW - 3600}&until=${NOW}&maxDataPoints=100&format=json`,
  );
  expect(((await go.json()) as TargetResponse[])[0]?.datapoints[0]?.[0]).toBe(100);
  const fe = await postForm(
    '/render',
    feBody(['aliasSub(constantLine(100), "(^.*$)", "\\1 A")'], NOW - 3600, NOW, 300),
  );
  // graphite-web names constantLine's series by the value as a float
  expect(feFrames(await fe.json())[0]).toMatchObject({ name: '100.0', refId: 'A' });
});

test('old FE sends relative from/until and still gets data', async () => {
  const res = await postForm(
    '/render',
    `target=apps.web01.errors.count&from=-1h&until=now&format=json&maxDataPoints=60`,
  );
  const frames = feFrames(await res.json());
  expect(frames).toHaveLength(1);
  expect(frames[0]?.points).toBeLessThanOrEqual(60);
});

test('annotations from events: POST an event, then get_data with relative times and unencoded tags', async () => {
  const posted = await fetch(`${base}/events/`, {
    method: 'POST',
    body: JSON.stringify({ what: 'release 1.4.2', tags: ['deploy', 'prod'], data: 'rolled out by CI' }),
  });
  expect(posted.status).toBe(200);
  const res = await fetch(`${base}/events/get_data?from=-6h&until=now&tags=deploy prod`);
  const events = (await res.json()) as { when: number; what: string; tags: string[]; data: string }[];
  expect(events).toHaveLength(1);
  expect(Number.isInteger(events[0]?.when)).toBe(true);
  expect(events[0]).toMatchObject({
    what: 'release 1.4.2',
    tags: ['deploy', 'prod'],
    data: 'rolled out by CI',
  });
});

test('annotations from a target: truthy points become annotations', async () => {
  const res = await postForm(
    '/render',
    feBody(['removeBelowValue(apps.web01.errors.count, 2)'], NOW - 3600, NOW, 100),
  );
  const [series] = (await res.json()) as TargetResponse[];
  const annotations = series?.datapoints.filter(([v]) => v) ?? [];
  expect(annotations.length).toBeGreaterThan(10);
  expect(annotations.every(([v]) => v === 2)).toBe(true);
});

test('Metric Name and Value variable queries go through /render', async () => {
  const res = await postForm('/render', feBody(['apps.*.requests.count'], NOW - 6 * 3600, NOW, 1000));
  const frames = feFrames(await res.json());
  expect(frames.map((f) => f.name)).toEqual(['apps.web01.requests.count', 'apps.web02.requests.count']);
});
