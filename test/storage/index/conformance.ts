// The MetricIndex conformance suite (abstract-level's test/index.js pattern): every implementation runs
// `suite(name, open)`. find expectations come from graphite-web itself (test/fixtures/index/find.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { MetricIndex, SeriesInfo } from '../../../storage/index/metric-index.js';

interface FindCase {
  pattern: string;
  nodes: { path: string; isLeaf: boolean }[];
}
const fixtureDir = join(import.meta.dirname, '../../fixtures/index');
const tree = JSON.parse(readFileSync(join(fixtureDir, 'tree.json'), 'utf8')) as string[];
const cases = (JSON.parse(readFileSync(join(fixtureDir, 'find.json'), 'utf8')) as { cases: FindCase[] })
  .cases;

const TAGGED = [
  'cpu.load;dc=us-east;host=web01',
  'cpu.load;dc=us-west;host=web02',
  'cpu.load;dc=eu;host=db01;role=db',
  'mem.free;host=web01',
  'disk.used;dc=us-east;host=web01;mount=/',
];

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const code = (c: string, context?: Record<string, unknown>): unknown =>
  expect.objectContaining(
    context === undefined ? { code: c } : { code: c, context: expect.objectContaining(context) },
  );

/** Runs the conformance suite against indexes made by `open` (a fresh, empty index per test). */
export function suite(name: string, open: () => Promise<MetricIndex>): void {
  describe(name, () => {
    let index: MetricIndex;
    beforeEach(async () => {
      index = await open();
    });
    afterEach(async () => {
      await index.close();
    });

    test('add records first and last seen, get returns them, size counts series', async () => {
      await index.add([
        { name: 'a.b', seen: 100 },
        { name: 'a.c', seen: 200 },
      ]);
      expect(await index.get('a.b')).toEqual({ name: 'a.b', firstSeen: 100, lastSeen: 100 });
      expect(await index.get('a.x')).toBeUndefined();
      expect(await index.size()).toBe(2);
    });

    test('adding an existing series only refreshes lastSeen, never backwards', async () => {
      await index.add([{ name: 'a.b', seen: 100 }]);
      await index.add([{ name: 'a.b', seen: 300 }]);
      await index.add([{ name: 'a.b', seen: 200 }]);
      expect(await index.get('a.b')).toEqual({ name: 'a.b', firstSeen: 100, lastSeen: 300 });
      expect(await index.size()).toBe(1);
    });

    test('the same series twice in one add counts once', async () => {
      await index.add([
        { name: 'a.b', seen: 1 },
        { name: 'a.b', seen: 2 },
      ]);
      expect([await index.size(), await index.get('a.b')]).toEqual([
        1,
        { name: 'a.b', firstSeen: 1, lastSeen: 2 },
      ]);
    });

    test('remove returns how many existed and deletes branches left empty', async () => {
      await index.add(['a.b.c', 'a.b.d', 'a.e'].map((n) => ({ name: n, seen: 1 })));
      expect(await index.remove(['a.b.c', 'a.b.d', 'nope'])).toBe(2);
      expect(await index.find('a.*')).toEqual([{ path: 'a.e', name: 'e', isLeaf: true }]);
      expect(await index.remove(['a.e'])).toBe(1);
      expect([await index.find('*'), await index.size()]).toEqual([[], 0]);
    });

    test('removing a leaf that is also a branch keeps the branch, and the reverse', async () => {
      await index.add(['a.b', 'a.b.c'].map((n) => ({ name: n, seen: 1 })));
      await index.remove(['a.b']);
      expect(await index.find('a.*')).toEqual([{ path: 'a.b', name: 'b', isLeaf: false }]);
      await index.add([{ name: 'a.b', seen: 1 }]);
      await index.remove(['a.b.c']);
      expect(await index.find('a.*')).toEqual([{ path: 'a.b', name: 'b', isLeaf: true }]);
    });

    test('names with an empty segment are a RangeError', async () => {
      await expect(index.add([{ name: 'a..b', seen: 1 }])).rejects.toThrow(RangeError);
    });

    describe('find matches graphite-web StandardFinder on the fixture tree', () => {
      beforeEach(async () => {
        await index.add(tree.map((name) => ({ name, seen: 1 })));
      });
      test.each(cases)('find("$pattern")', async ({ pattern, nodes }) => {
        const found = await index.find(pattern);
        expect(found.map(({ path, isLeaf }) => ({ path, isLeaf }))).toEqual(nodes);
        expect(found.map((n) => n.name)).toEqual(nodes.map((n) => n.path.split('.').at(-1)));
      });
      test('leavesOnly drops the branches', async () => {
        expect(await index.find('servers.web0?', { leavesOnly: true })).toEqual([
          { path: 'servers.web01', name: 'web01', isLeaf: true },
        ]);
      });
      test('more nodes than the limit is STORAGE_ERR_LIMIT_EXCEEDED naming the limit', async () => {
        await expect(index.find('servers.*', { limit: 7 })).rejects.toThrow(
          code('STORAGE_ERR_LIMIT_EXCEEDED', { limit: 7 }),
        );
        await expect(index.find('servers.*', { limit: 7 })).rejects.toThrow(/limit of 7/);
        expect(await index.find('servers.*', { limit: 8 })).toHaveLength(8);
      });
      test('leaves lists every plain series, sorted', async () => {
        await index.add([{ name: TAGGED[0] ?? '', seen: 1 }]);
        expect(await collect(index.leaves())).toEqual([...tree].sort());
      });
    });

    describe('tags', () => {
      beforeEach(async () => {
        await index.add([...TAGGED, 'plain.series'].map((name) => ({ name, seen: 5 })));
      });
      test('tagged series are stored canonical and kept out of the find tree', async () => {
        await index.add([{ name: 'x;b=2;a=1', seen: 9 }]);
        expect(await index.get('x;a=1;b=2')).toEqual({ name: 'x;a=1;b=2', firstSeen: 9, lastSeen: 9 });
        expect(await index.find('*')).toEqual([{ path: 'plain', name: 'plain', isLeaf: false }]);
      });
      test('all yields every series with its times, size counts plain and tagged', async () => {
        const all: SeriesInfo[] = await collect(index.all());
        expect(all.map((s) => s.name)).toEqual([...TAGGED, 'plain.series'].sort());
        expect([all[0]?.firstSeen, await index.size()]).toEqual([5, 6]);
      });
      test('tags lists tags with series counts, sorted', async () => {
        expect(await index.tags()).toEqual([
          { tag: 'dc', count: 4 },
          { tag: 'host', count: 5 },
          { tag: 'mount', count: 1 },
          { tag: 'name', count: 5 },
          { tag: 'role', count: 1 },
        ]);
      });
      test('tags filters with a start-anchored regex and truncates at limit', async () => {
        expect((await index.tags({ filter: 'o' })).map((t) => t.tag)).toEqual([]);
        expect((await index.tags({ filter: 'ho|ro' })).map((t) => t.tag)).toEqual(['host', 'role']);
        expect((await index.tags({ filter: '^.*o' })).map((t) => t.tag)).toEqual(['host', 'mount', 'role']);
        expect((await index.tags({ limit: 2 })).map((t) => t.tag)).toEqual(['dc', 'host']);
      });
      test('tagValues lists values with counts, filtered, or undefined for an unknown tag', async () => {
        expect(await index.tagValues('dc')).toEqual([
          { value: 'eu', count: 1 },
          { value: 'us-east', count: 2 },
          { value: 'us-west', count: 1 },
        ]);
        expect(await index.tagValues('dc', { filter: 'us', limit: 1 })).toEqual([
          { value: 'us-east', count: 2 },
        ]);
        expect(await index.tagValues('nope')).toBeUndefined();
      });
      test.each([
        [['dc=us-east'], [TAGGED[0], TAGGED[4]]],
        [
          ['name=cpu.load', 'dc!=eu'],
          [TAGGED[0], TAGGED[1]],
        ],
        [
          ['name=cpu.load', 'dc=~us-'],
          [TAGGED[0], TAGGED[1]],
        ],
        [['name=~cpu', 'dc!=~us'], [TAGGED[2]]],
        [['host=web01', 'dc='], [TAGGED[3]]],
        [
          ['host=~web', 'dc!='],
          [TAGGED[0], TAGGED[4], TAGGED[1]],
        ],
        [
          ['host=web01', 'mount!=~/'],
          [TAGGED[0], TAGGED[3]],
        ],
        [['host=web01', 'mount!=~.*'], []],
        [['name=~.*', 'role=db'], [TAGGED[2]]],
        [['name=nope'], []],
        [['name=~cpu\\.l(o|x)ad$'], [TAGGED[0], TAGGED[1], TAGGED[2]]],
      ])('findSeries(%j) returns the matching series, sorted', async (expressions, expected) => {
        expect(await index.findSeries(expressions)).toEqual([...expected].sort());
      });
      test('findSeries refuses queries whose every expression matches the empty string', async () => {
        await expect(index.findSeries(['dc!=eu', 'host=~.*'])).rejects.toThrow(
          code('STORAGE_ERR_INVALID_TAG_EXPRESSION'),
        );
      });
      test('findSeries beyond its limit is STORAGE_ERR_LIMIT_EXCEEDED', async () => {
        await expect(index.findSeries(['name=cpu.load'], { limit: 2 })).rejects.toThrow(
          code('STORAGE_ERR_LIMIT_EXCEEDED', { limit: 2 }),
        );
        expect(await index.findSeries(['name=cpu.load'], { limit: 3 })).toHaveLength(3);
      });
      test('removing tagged series updates the postings and the counts', async () => {
        expect(await index.remove([TAGGED[2] ?? '', 'mem.free;host=web01'])).toBe(2);
        expect(await index.tagValues('role')).toBeUndefined();
        expect(await index.tagValues('host')).toEqual([
          { value: 'web01', count: 2 },
          { value: 'web02', count: 1 },
        ]);
        expect(await index.findSeries(['name=~cpu'])).toEqual([TAGGED[0], TAGGED[1]]);
      });
    });
  });
}
