// The EventStore conformance suite: every implementation runs `suite(name, open)`. The tag-set semantics
// were checked against a running graphite-web 1.1.8 (django-tagging's with_all / with_any / intersection).
import { beforeEach, describe, expect, test } from 'vitest';
import type { EventStore, NewEvent } from '../../../storage/events/event-store.js';

const ev = (when: number, what: string, tags: string[] = [], data = ''): NewEvent => ({
  when,
  what,
  tags,
  data,
});

/** Runs the conformance suite against stores made by `open` (a fresh, empty store per test). */
export function suite(name: string, open: () => Promise<EventStore>): void {
  describe(name, () => {
    let store: EventStore;
    beforeEach(async () => {
      store = await open();
    });

    test('add hands out ids from 1 upwards and fills in empty data and tags', async () => {
      const a = await store.add({ when: 100, what: 'first' });
      const b = await store.add(ev(50, 'second', ['deploy'], 'v1.2'));
      expect(a).toEqual({ id: 1, when: 100, what: 'first', data: '', tags: [] });
      expect(b).toEqual({ id: 2, when: 50, what: 'second', data: 'v1.2', tags: ['deploy'] });
    });

    test('concurrent adds get distinct consecutive ids', async () => {
      const added = await Promise.all(Array.from({ length: 20 }, (_, i) => store.add(ev(i, `e${i}`))));
      expect(added.map((e) => e.id).sort((x, y) => x - y)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
    });

    test('tags containing whitespace are split, and empty tags dropped, as graphite-web joins and splits', async () => {
      const e = await store.add(ev(1, 'x', ['deploy prod', '', '  web\tapi ']));
      expect(e.tags).toEqual(['deploy', 'prod', 'web', 'api']);
      expect((await store.get(e.id))?.tags).toEqual(['deploy', 'prod', 'web', 'api']);
    });

    test('get returns a stored event and undefined for an unknown id', async () => {
      const e = await store.add(ev(1700000000.25, 'release 1.2', ['deploy'], 'notes'));
      expect(await store.get(e.id)).toEqual(e);
      expect(await store.get(99)).toBeUndefined();
      expect(await store.get(0)).toBeUndefined();
      expect(await store.get(-1)).toBeUndefined();
    });

    test('find returns events with from ≤ when ≤ until ordered by when, then id', async () => {
      await store.add(ev(30, 'c'));
      await store.add(ev(10, 'a'));
      await store.add(ev(20, 'b1'));
      await store.add(ev(20, 'b2'));
      await store.add(ev(40, 'd'));
      await store.add(ev(20.5, 'b3'));
      const whats = async (from: number, until: number) => (await store.find(from, until)).map((e) => e.what);
      expect(await whats(0, 100)).toEqual(['a', 'b1', 'b2', 'b3', 'c', 'd']);
      expect(await whats(20, 30)).toEqual(['b1', 'b2', 'b3', 'c']);
      expect(await whats(20.5, 29.9)).toEqual(['b3']);
      expect(await whats(41, 100)).toEqual([]);
      expect(await whats(30, 20)).toEqual([]);
      expect(await whats(-Infinity, Infinity)).toHaveLength(6);
    });

    test('find orders negative, zero, fractional and far-future times numerically', async () => {
      const times = [253402300799, -1.5, 0, 1e9, -62135596800, 0.5, -1, 2 ** 31];
      for (const t of times) await store.add(ev(t, String(t)));
      const found = await store.find(-Infinity, Infinity);
      expect(found.map((e) => e.when)).toEqual([...times].sort((a, b) => a - b));
      expect((await store.find(-1.5, 0)).map((e) => e.when)).toEqual([-1.5, -1, 0]);
    });

    describe('tag sets', () => {
      beforeEach(async () => {
        await store.add(ev(1, 'prod deploy', ['deploy', 'prod']));
        await store.add(ev(2, 'staging deploy', ['deploy', 'staging']));
        await store.add(ev(3, 'prod outage', ['outage', 'prod']));
        await store.add(ev(4, 'untagged'));
      });
      const whats = async (tags: string[] | null, set?: 'union' | 'intersection') =>
        (await store.find(0, 10, tags, set)).map((e) => e.what);

      test('no tags or an empty list means every event', async () => {
        expect(await whats(null)).toHaveLength(4);
        expect(await whats([])).toHaveLength(4);
      });

      test('by default an event needs every tag that any event has', async () => {
        expect(await whats(['deploy'])).toEqual(['prod deploy', 'staging deploy']);
        expect(await whats(['deploy', 'prod'])).toEqual(['prod deploy']);
        expect(await whats(['prod', 'prod'])).toEqual(['prod deploy', 'prod outage']);
      });

      test('by default tags no event ever had are ignored, and only-unknown tags match nothing', async () => {
        expect(await whats(['deploy', 'typo'])).toEqual(['prod deploy', 'staging deploy']);
        expect(await whats(['typo'])).toEqual([]);
        expect(await whats([''])).toEqual([]);
      });

      test('union matches events with any known tag', async () => {
        expect(await whats(['staging', 'outage', 'typo'], 'union')).toEqual([
          'staging deploy',
          'prod outage',
        ]);
        expect(await whats(['typo'], 'union')).toEqual([]);
      });

      test('intersection needs every tag asked for, unknown ones included, and never matches a repeat', async () => {
        expect(await whats(['prod', 'deploy'], 'intersection')).toEqual(['prod deploy']);
        expect(await whats(['prod', 'typo'], 'intersection')).toEqual([]);
        expect(await whats(['prod', 'prod'], 'intersection')).toEqual([]);
      });

      test('tags with commas or quotes are shown split on spaces but matched as django-tagging parses them', async () => {
        await store.add(ev(5, 'comma', ['web1, web 2']));
        await store.add(ev(6, 'quoted', ['"blue green" canary']));
        expect((await store.find(5, 5))[0]?.tags).toEqual(['web1,', 'web', '2']);
        expect(await whats(['web1'])).toEqual(['comma']);
        expect(await whats(['web 2'])).toEqual(['comma']);
        expect(await whats(['web1,'])).toEqual([]);
        expect(await whats(['blue green', 'canary'])).toEqual(['quoted']);
        expect(await whats(['web1', 'web'], 'intersection')).toEqual([]);
      });

      test('tags are matched case-sensitively', async () => {
        expect(await whats(['Deploy'])).toEqual([]);
      });

      test('a tag stays known after its last event is deleted, as django-tagging keeps Tag rows', async () => {
        await store.delete(3);
        expect(await whats(['prod', 'outage'])).toEqual([]);
        expect(await whats(['outage'])).toEqual([]);
      });
    });

    test('delete removes an event and returns it; ids are not reused', async () => {
      const a = await store.add(ev(1, 'a', ['t']));
      const b = await store.add(ev(2, 'b'));
      expect(await store.delete(b.id)).toEqual(b);
      expect(await store.delete(b.id)).toBeUndefined();
      expect(await store.get(b.id)).toBeUndefined();
      expect(await store.find(0, 10)).toEqual([a]);
      expect((await store.add(ev(3, 'c'))).id).toBe(3);
      expect(await store.delete(42)).toBeUndefined();
    });

    test('returned events are copies the caller may change', async () => {
      const e = await store.add(ev(1, 'a', ['t']));
      e.tags.push('x');
      const [found] = await store.find(0, 10);
      found?.tags.push('y');
      expect((await store.get(1))?.tags).toEqual(['t']);
    });

    test('an event without a string what or with a time out of range is a programmer error', async () => {
      await expect(store.add({ when: 1, what: undefined as unknown as string })).rejects.toThrow(TypeError);
      await expect(store.add({ when: Number.NaN, what: 'x' })).rejects.toThrow(RangeError);
      await expect(store.add({ when: 1e12, what: 'x' })).rejects.toThrow(RangeError);
      await expect(store.find(Number.NaN, 1)).rejects.toThrow(RangeError);
    });
  });
}
