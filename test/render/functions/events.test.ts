// events(*tags) over a fake EventsSource: per-second counts, graphite-web's series name, "*" for all.
import { beforeAll, expect, test } from 'vitest';
import type { EventsSource, RenderEvent } from '../../../render/context.js';
import { events } from '../../../render/functions/events.js';
import { invoke, registry } from '../helpers.js';

beforeAll(() => {
  // Until the coordinator lists it in lists/special.ts, put it in the helpers' registry for this file.
  if (registry.get('events') === undefined) registry.register(events);
});

const stored: RenderEvent[] = [
  { id: 1, when: 100, what: 'a', data: '', tags: ['deploy', 'prod'] },
  { id: 2, when: 100.9, what: 'b', data: '', tags: ['deploy'] },
  { id: 3, when: 103, what: 'c', data: '', tags: ['prod'] },
  { id: 4, when: 110, what: 'd', data: '', tags: ['deploy'] },
];

/** Answers like the store (all tags by default), and records what it was asked. */
function fakeSource(asked: [number, number, readonly string[]][] = []): EventsSource {
  return {
    async find(from, until, tags) {
      asked.push([from, until, [...tags]]);
      return stored.filter((e) => e.when >= from && e.when <= until && tags.every((t) => e.tags.includes(t)));
    },
  };
}

test('counts the events of each second in [startTime, endTime) with step 1, null where none', async () => {
  const asked: [number, number, readonly string[]][] = [];
  const [series] = await invoke('events', ['deploy'], {
    ctx: { startTime: 99, endTime: 105, events: fakeSource(asked) },
  });
  expect(series?.name).toBe('events("deploy")');
  expect(series?.tags).toEqual({ name: 'events("deploy")' });
  expect([series?.start, series?.end, series?.step]).toEqual([99, 105, 1]);
  expect(series?.values).toEqual([null, 2, null, null, null, null]);
  expect(series?.consolidationFunc).toBe('sum');
  expect(asked).toEqual([[99, 105, ['deploy']]]);
});

test('several tags are named as graphite-web quotes them and all must match', async () => {
  const [series] = await invoke('events', ['deploy', 'prod'], {
    ctx: { startTime: 99, endTime: 105, events: fakeSource() },
  });
  expect(series?.name).toBe('events("deploy", "prod")');
  expect(series?.values).toEqual([null, 1, null, null, null, null]);
});

test('"*" asks the source for every event', async () => {
  const asked: [number, number, readonly string[]][] = [];
  const [series] = await invoke('events', ['*'], {
    ctx: { startTime: 100, endTime: 104, events: fakeSource(asked) },
  });
  expect(series?.name).toBe('events("*")');
  expect(series?.values).toEqual([2, null, null, 1]);
  expect(asked).toEqual([[100, 104, []]]);
});

test('fractional window bounds are truncated to whole seconds, as graphite-web epoch() does', async () => {
  const [series] = await invoke('events', ['prod'], {
    ctx: { startTime: 100.7, endTime: 103.2, events: fakeSource() },
  });
  expect([series?.start, series?.end]).toEqual([100, 103]);
  expect(series?.values).toEqual([1, null, null]);
});

test('an event exactly at endTime is left out instead of failing as graphite-web does', async () => {
  const [series] = await invoke('events', ['deploy'], {
    ctx: { startTime: 105, endTime: 110, events: fakeSource() },
  });
  expect(series?.values).toEqual([null, null, null, null, null]);
});

test('without an events source every value is null', async () => {
  const [series] = await invoke('events', ['deploy'], { ctx: { startTime: 99, endTime: 102 } });
  expect(series?.values).toEqual([null, null, null]);
});

test('the series carries the request xFilesFactor', async () => {
  const [series] = await invoke('events', ['deploy'], {
    ctx: { startTime: 99, endTime: 102, xFilesFactor: 0.5, events: fakeSource() },
  });
  expect(series?.xFilesFactor).toBe(0.5);
});

test('its metadata matches graphite-web /functions', () => {
  expect({ group: events.group, params: events.params }).toEqual({
    group: 'Special',
    params: [{ name: 'tags', type: 'string', required: true, multiple: true }],
  });
});
