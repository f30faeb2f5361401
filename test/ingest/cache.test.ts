import { expect, test } from 'vitest';
import { WriteCache } from '../../src/ingest/cache.js';

function cache(options: Partial<ConstructorParameters<typeof WriteCache>[0]> = {}) {
  return new WriteCache({ shards: 1, maxSize: 1_000, lowWatermark: 0.5, ...options });
}

test('taken points are de-duplicated by timestamp with the last received winning, chronological', () => {
  const c = cache();
  c.add('a', 30, 1, 1);
  c.add('a', 10, 2, 1);
  c.add('a', 30, 3, 1);
  c.add('a', 20, 4, 1);
  const [item] = c.take(0, 100, 100);
  expect(Array.from(item!.timestamps)).toEqual([10, 20, 30]);
  expect(Array.from(item!.values)).toEqual([2, 4, 3]);
  expect(c.size).toBe(0);
  expect(c.inflightSize).toBe(3);
});

test('naive order takes the longest-waiting metric first and a re-filled metric goes to the back', () => {
  const c = cache();
  for (const name of ['a', 'b', 'c']) c.add(name, 1, 1, 1);
  const first = c.take(0, 100, 1);
  c.settle(0, first[0]!, 'done');
  c.add('a', 2, 2, 1);
  expect(c.take(0, 100, 10).map((i) => i.name)).toEqual(['b', 'c', 'a']);
});

test('sorted order writes the metrics holding most points first, each once per round', () => {
  const c = cache({ strategy: 'sorted' });
  c.add('small', 1, 1, 1);
  for (let t = 0; t < 5; t++) c.add('big', t, t, 1);
  for (let t = 0; t < 3; t++) c.add('mid', t, t, 1);
  expect(c.take(0, 100, 10).map((i) => i.name)).toEqual(['big', 'mid', 'small']);
});

test('a metric being written is not taken again until it settles, and requeued points stay older', () => {
  const c = cache();
  c.add('a', 10, 1, 1);
  const [item] = c.take(0, 100, 100);
  c.add('a', 10, 2, 2);
  expect(c.take(0, 100, 100)).toEqual([]);
  c.settle(0, item!, 'requeue');
  const [again] = c.take(0, 100, 100);
  expect(Array.from(again!.values)).toEqual([2]);
  expect(again!.seg).toBe(1);
});

test('pending() returns in-flight then waiting points, so reads see everything not yet on disk', () => {
  const c = cache();
  c.add('a', 10, 1, 1);
  c.take(0, 100, 100);
  c.add('a', 20, 2, 1);
  expect(c.pending('a')).toEqual({ timestamps: [10, 20], values: [1, 2] });
  expect(c.pending('b')).toEqual({ timestamps: [], values: [] });
});

test('the cache reports full at maxSize and drained below the low watermark', () => {
  const events: string[] = [];
  const c = cache({
    maxSize: 4,
    lowWatermark: 0.5,
    onFull: () => events.push('full'),
    onDrained: () => events.push('drained'),
  });
  for (let t = 0; t < 4; t++) c.add('a', t, t, 1);
  expect(events).toEqual(['full']);
  const [item] = c.take(0, 100, 100);
  expect(events).toEqual(['full']); // in-flight points still count
  c.settle(0, item!, 'done');
  expect(events).toEqual(['full', 'drained']);
  expect(c.full).toBe(false);
});

test('the oldest live WAL segment is the oldest one any waiting or in-flight point came from', () => {
  const c = cache();
  c.add('a', 1, 1, 3);
  c.add('b', 1, 1, 5);
  expect(c.oldestLiveSegment()).toBe(3);
  const [a] = c.take(0, 100, 1);
  expect(c.oldestLiveSegment()).toBe(3);
  c.settle(0, a!, 'done');
  expect(c.oldestLiveSegment()).toBe(5);
  c.settle(0, c.take(0, 100, 1)[0]!, 'done');
  expect(c.oldestLiveSegment()).toBeUndefined();
});

test('a parked metric is not taken until unparked, and keeps the points that arrive meanwhile', () => {
  const c = cache();
  c.add('new', 10, 1, 1);
  const [item] = c.take(0, 100, 100);
  c.add('new', 20, 2, 1);
  c.settle(0, item!, 'park');
  c.add('new', 30, 3, 1);
  expect(c.take(0, 100, 100)).toEqual([]);
  expect([c.parkedCount(0), c.size, c.queues]).toEqual([1, 3, 1]);
  expect(c.pending('new').timestamps).toEqual([10, 20, 30]);
  expect(c.unpark(0, 5)).toEqual(['new']);
  const [again] = c.take(0, 100, 100);
  expect(Array.from(again!.timestamps)).toEqual([10, 20, 30]);
});
