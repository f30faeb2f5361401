// carbonado serve end to end, in process: real sockets on 127.0.0.1 into real whisper files.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { fetch, info } from '../../storage/index.js';
import type { App } from '../../src/app.js';
import { type Dirs, makeDirs, picklePoints, sendTcp, sendUdp, startApp, waitFor } from './harness.js';

const SCHEMAS = `[test]
pattern = ^test\\.
retentions = 10s:1h,1m:1d

[default]
pattern = .*
retentions = 60s:1d
`;
const AGGREGATION = `[count]
pattern = \\.count$
xFilesFactor = 0
aggregationMethod = sum
`;

let app: App | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

const now = () => Math.floor(Date.now() / 1000);
const wsp = (dirs: Dirs, name: string) => join(dirs.whisperDir, ...name.split('.')) + '.wsp';

/** The value stored for `name` at `ts` in its highest-precision archive, or undefined. */
function stored(dirs: Dirs, name: string, ts: number): number | null | undefined {
  if (!existsSync(wsp(dirs, name))) return undefined;
  // fetch's last slot is the interval holding `until`.
  const r = fetch(wsp(dirs, name), ts - 600, ts, now());
  return r?.values[r.values.length - 1];
}

test('plaintext TCP, plaintext UDP and pickle all reach whisper files created with the configured schema', async () => {
  const dirs = makeDirs(SCHEMAS, AGGREGATION);
  app = await startApp(dirs);
  const t = now() - 30;
  await sendTcp(app.ports.line!, `test.tcp.a 1.5 ${t}\ntest.requests.count 7 ${t}\nother.metric 3 ${t}\n`);
  await sendUdp(app.ports.udp!, `test.udp.b 2.25 ${t}\n`);
  await sendTcp(app.ports.pickle!, picklePoints([['test.pickle.c', t, 3.75]]));
  await waitFor(() => stored(dirs, 'test.pickle.c', t) === 3.75 && stored(dirs, 'test.udp.b', t) === 2.25);
  await waitFor(() => stored(dirs, 'test.tcp.a', t) === 1.5 && stored(dirs, 'other.metric', t) === 3);
  expect(info(wsp(dirs, 'test.tcp.a')).archives.map((a) => [a.secondsPerPoint, a.points])).toEqual([
    [10, 360],
    [60, 1440],
  ]);
  expect(info(wsp(dirs, 'test.tcp.a'))).toMatchObject({ aggregationMethod: 'average', xFilesFactor: 0.5 });
  expect(info(wsp(dirs, 'test.requests.count'))).toMatchObject({ aggregationMethod: 'sum', xFilesFactor: 0 });
  expect(info(wsp(dirs, 'other.metric')).archives.map((a) => [a.secondsPerPoint, a.points])).toEqual([
    [60, 1440],
  ]);
  expect(app.counters.metricsReceived).toBe(5);
});

test('bad lines among good ones are counted and skipped; the good ones and the connection survive', async () => {
  const dirs = makeDirs();
  app = await startApp(dirs);
  const t = now() - 120;
  const lines = [
    `good.one 1 ${t}`,
    'no.timestamp 5',
    `bad.value abc ${t}`,
    `nan.value nan ${t}`,
    `too many fields here ${t}`,
    `good.two 2 ${t}`,
    `bad.ts 1 yesterday`,
    `good.three 3 ${t}`,
  ];
  await sendTcp(app.ports.line!, lines.join('\n') + '\n');
  await waitFor(() => stored(dirs, 'good.three', t) === 3);
  expect([stored(dirs, 'good.one', t), stored(dirs, 'good.two', t)]).toEqual([1, 2]);
  expect(app.counters.metricsReceived).toBe(3);
  const r = app.counters.rejected;
  expect(r.fields + r.value + r.nan + r.timestamp).toBe(5);
  expect(existsSync(join(dirs.whisperDir, 'bad'))).toBe(false);
});

test('hostile metric names are rejected and nothing is written outside the whisper directory', async () => {
  const dirs = makeDirs();
  app = await startApp(dirs);
  const t = now() - 60;
  const hostile = [
    '../../escape',
    'a/../../../b',
    '..',
    '.hidden',
    'trailing.',
    'double..dot',
    'with/slash',
    'back\\slash',
    'nul\u0000byte',
    `${'x'.repeat(300)}.long`,
    '_tagged.sneaky',
  ];
  const body = [...hostile.map((n) => `${n} 1 ${t}`), `safe.metric 1 ${t}`].join('\n') + '\n';
  await sendTcp(app.ports.line!, body);
  await waitFor(() => stored(dirs, 'safe.metric', t) === 1);
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const p = join(dir, entry);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(relative(dirs.root, p));
    }
  };
  walk(dirs.root);
  expect(files.filter((f) => f.endsWith('.wsp'))).toEqual(['data/whisper/safe/metric.wsp']);
  // Besides whisper files, carbonado writes only its WAL and its metric index.
  const own = ['data/whisper/', 'data/wal/', 'data/index/', 'data/index-scan.json'];
  expect(files.filter((f) => !own.some((prefix) => f.startsWith(prefix)))).toEqual([]);
  expect(app.counters.rejected.name).toBe(hostile.length);
});

test('a full cache pauses the receivers instead of dropping, and every point still arrives', async () => {
  const dirs = makeDirs();
  app = await startApp(dirs, ['--set', 'cache.maxSize=200', '--set', 'cache.lowWatermark=0.5']);
  const t = now() - 3000;
  const lines: string[] = [];
  for (let k = 0; k < 40; k++) for (let m = 0; m < 50; m++) lines.push(`bp.m${m} ${k} ${t + k * 60}`);
  await sendTcp(app.ports.line!, lines.join('\n') + '\n');
  await waitFor(() => app!.cache.size + app!.cache.inflightSize === 0, 30_000);
  expect(app.flowControlPauses).toBeGreaterThan(0);
  for (const m of [0, 17, 49]) {
    const r = fetch(wsp(dirs, `bp.m${m}`), t - 60, t + 40 * 60, now());
    expect(r?.values.filter((v) => v !== null)).toEqual(Array.from({ length: 40 }, (_, k) => k));
  }
});

test('a point can be read through the server as soon as it is accepted, before its file exists', async () => {
  const dirs = makeDirs();
  app = await startApp(dirs, ['--set', 'persister.maxCreatesPerMinute=0']);
  const t = now() - 5;
  app.accept(['fresh.metric'], [t], [42]);
  expect(existsSync(wsp(dirs, 'fresh.metric'))).toBe(false);
  const r = app.storage.fetch('fresh.metric', t - 300, t + 1, now());
  expect(r?.step).toBe(60);
  expect(r?.values.filter((v) => v !== null)).toEqual([42]);
  expect(app.storage.fetch('never.sent', t - 300, t, now())).toBeNull();
});

test('metrics over the create budget wait parked in the cache instead of cycling through the workers', async () => {
  const dirs = makeDirs();
  app = await startApp(dirs, ['--set', 'persister.maxCreatesPerMinute=0']);
  const t = now() - 60;
  app.accept(
    Array.from({ length: 500 }, (_, i) => `parked.m${i}`),
    new Array(500).fill(t),
    new Array(500).fill(1),
  );
  await waitFor(() => app!.cache.parkedCount(0) + app!.cache.parkedCount(1) === 500);
  const tasks = app.persisterStats.tasks;
  await new Promise((r) => setTimeout(r, 500));
  expect(app.persisterStats.tasks).toBe(tasks);
  expect(app.persisterStats.droppedCreates).toBe(500);
  expect(app.cache.size).toBe(500);
  expect(existsSync(join(dirs.whisperDir, 'parked'))).toBe(false);
});

test('a failure while accepting a read (say the WAL cannot be written) closes that connection only', async () => {
  const dirs = makeDirs();
  app = await startApp(dirs);
  const t = now() - 60;
  const accept = app.accept.bind(app);
  app.accept = () => {
    throw new Error('injected: write-ahead log append failed');
  };
  await sendTcp(app.ports.line!, `lost.metric 1 ${t}\n`);
  expect(app.counters.rejected.failed).toBe(1);
  app.accept = accept;
  await sendTcp(app.ports.line!, `kept.metric 2 ${t}\n`);
  await waitFor(() => stored(dirs, 'kept.metric', t) === 2);
  expect(existsSync(wsp(dirs, 'lost.metric'))).toBe(false);
});
