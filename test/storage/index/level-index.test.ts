// Runs the MetricIndex conformance suite on LevelMetricIndex, plus what only a persistent index has:
// data surviving close/reopen, a fast reopen at 100,000 series, and a locked directory.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { LevelMetricIndex } from '../../../storage/index/level-index.js';
import { suite } from './conformance.js';

const dirs: string[] = [];
async function freshDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'carbonado-index-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

suite('LevelMetricIndex', async () => LevelMetricIndex.open(await freshDir()));

test('series, tree and tags survive close and reopen', async () => {
  const dir = await freshDir();
  const first = await LevelMetricIndex.open(dir);
  await first.add([
    { name: 'a.b.c', seen: 10 },
    { name: 'cpu;host=web01', seen: 20 },
  ]);
  await first.close();
  const again = await LevelMetricIndex.open(dir);
  expect(await again.get('a.b.c')).toEqual({ name: 'a.b.c', firstSeen: 10, lastSeen: 10 });
  expect(await again.find('a.*')).toEqual([{ path: 'a.b', name: 'b', isLeaf: false }]);
  expect(await again.findSeries(['host=web01'])).toEqual(['cpu;host=web01']);
  expect(await again.size()).toBe(2);
  await again.close();
});

test('a directory held by another open index is STORAGE_ERR_INDEX', async () => {
  const dir = await freshDir();
  const held = await LevelMetricIndex.open(dir);
  await expect(LevelMetricIndex.open(dir)).rejects.toThrow(
    expect.objectContaining({ code: 'STORAGE_ERR_INDEX' }),
  );
  await held.close();
});

test('an index of 100,000 series reopens in well under a second and finds by prefix quickly', async () => {
  const dir = await freshDir();
  const index = await LevelMetricIndex.open(dir);
  const names: { name: string; seen: number }[] = [];
  for (let host = 0; host < 1000; host++) {
    for (let m = 0; m < 90; m++) names.push({ name: `servers.host${host}.cpu.metric${m}`, seen: 1 });
    for (let m = 0; m < 10; m++) names.push({ name: `app.req;host=host${host};code=${200 + m}`, seen: 1 });
  }
  const buildStart = performance.now();
  for (let i = 0; i < names.length; i += 10_000) await index.add(names.slice(i, i + 10_000));
  const buildMs = performance.now() - buildStart;
  await index.close();

  const openStart = performance.now();
  const reopened = await LevelMetricIndex.open(dir);
  const size = await reopened.size();
  const openMs = performance.now() - openStart;

  const findStart = performance.now();
  const found = await reopened.find('servers.host12*.cpu.metric1?');
  const findMs = performance.now() - findStart;
  const tagStart = performance.now();
  const tagged = await reopened.findSeries(['host=host7', 'code=~20[0-4]']);
  const tagMs = performance.now() - tagStart;
  await reopened.close();
  console.log(
    `100k series: build ${buildMs.toFixed(0)} ms, reopen ${openMs.toFixed(1)} ms, ` +
      `find ${found.length} nodes ${findMs.toFixed(1)} ms, findSeries ${tagged.length} ${tagMs.toFixed(1)} ms`,
  );
  expect([size, found.length, tagged.length]).toEqual([100_000, 110, 5]);
  expect(openMs).toBeLessThan(2000);
}, 120_000);

test('branches listed by a find stay in memory and follow later adds and removes', async () => {
  const index = await LevelMetricIndex.open(await freshDir());
  await index.add([
    { name: 'hosts.a.cpu', seen: 1 },
    { name: 'hosts.b.cpu', seen: 1 },
  ]);
  const paths = async (pattern: string) =>
    (await index.find(pattern)).map((n) => `${n.path}${n.isLeaf ? '' : '/'}`);
  expect(await paths('hosts.*.cpu')).toEqual(['hosts.a.cpu', 'hosts.b.cpu']); // fills the cache
  await index.add([
    { name: 'hosts.c.cpu', seen: 2 },
    { name: 'hosts.a.mem', seen: 2 },
  ]);
  expect(await paths('hosts.*.cpu')).toEqual(['hosts.a.cpu', 'hosts.b.cpu', 'hosts.c.cpu']);
  expect(await paths('hosts.a.*')).toEqual(['hosts.a.cpu', 'hosts.a.mem']);
  await index.remove(['hosts.b.cpu', 'hosts.a.mem']);
  expect(await paths('hosts.*')).toEqual(['hosts.a/', 'hosts.c/']);
  expect(await paths('hosts.a.*')).toEqual(['hosts.a.cpu']);
  await index.close();
});
