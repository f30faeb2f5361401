// Runs the EventStore conformance suite on LevelEventStore (a sublevel of the metric index's LevelDB), plus
// what only it has: events surviving close/reopen, sharing the database with the index, sortable time keys.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test as propTest } from '@fast-check/vitest';
import { afterAll, afterEach, expect, test } from 'vitest';
import { whenKey } from '../../../storage/events/level-event-store.js';
import { LevelMetricIndex } from '../../../storage/index/level-index.js';
import { suite } from './conformance.js';

const dirs: string[] = [];
const open: LevelMetricIndex[] = [];
async function freshDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'carbonado-events-'));
  dirs.push(dir);
  return dir;
}
async function openIndex(dir: string): Promise<LevelMetricIndex> {
  const index = await LevelMetricIndex.open(dir);
  open.push(index);
  return index;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((i) => i.close()));
});
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

suite('LevelEventStore', async () => (await openIndex(await freshDir())).events());

test('events, the id counter and known tags survive closing and reopening the LevelDB', async () => {
  const dir = await freshDir();
  const first = await LevelMetricIndex.open(dir);
  await first.events().add({ when: 100, what: 'release 1.1', tags: ['deploy', 'prod'], data: 'a' });
  const gone = await first.events().add({ when: 200, what: 'oops', tags: ['rollback'] });
  await first.events().delete(gone.id);
  await first.close();

  const again = await openIndex(dir);
  const events = again.events();
  expect(await events.find(0, 1000)).toEqual([
    { id: 1, when: 100, what: 'release 1.1', data: 'a', tags: ['deploy', 'prod'] },
  ]);
  expect((await events.add({ when: 300, what: 'release 1.2' })).id).toBe(3);
  expect(await events.find(0, 1000, ['deploy', 'rollback'])).toEqual([]);
});

test('the events sublevel and the metric index share one database without seeing each other', async () => {
  const index = await openIndex(await freshDir());
  await index.add([
    { name: 'a.b', seen: 1 },
    { name: 'cpu;host=web1', seen: 1 },
  ]);
  await index.events().add({ when: 5, what: 'e', tags: ['host'] });
  expect(await index.find('*')).toEqual([{ path: 'a', name: 'a', isLeaf: false }]);
  expect(await index.tags()).toEqual([
    { tag: 'host', count: 1 },
    { tag: 'name', count: 1 },
  ]);
  expect(await index.size()).toBe(2);
  expect(index.events()).toBe(index.events());
});

propTest.prop([fc.double({ noNaN: true }), fc.double({ noNaN: true })])(
  'time keys sort as the times they encode',
  (a, b) => {
    const byKey = whenKey(a) < whenKey(b) ? -1 : whenKey(a) > whenKey(b) ? 1 : 0;
    expect(byKey).toBe(Math.sign(a - b) || 0);
  },
);
