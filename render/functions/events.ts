// events(*tags): how many graphite events happened in each second of the request window, from the events
// store (graphite-web functions.py events; the store follows events/models.py find_events).
import { Series, type Value } from '../series.js';
import type { FunctionDef } from './types.js';

export const events: FunctionDef = {
  name: 'events',
  group: 'Special',
  description:
    'The number of events carrying all the given tags in each second of the time range ("*" for every ' +
    'event), null where there were none; pair it with drawAsInfinite to mark deploys on a graph.',
  params: [{ name: 'tags', type: 'string', required: true, multiple: true }],
  async fn(call, [tagArgs]) {
    const tags = (tagArgs as unknown[]).map(String);
    const start = Math.floor(call.ctx.startTime);
    const end = Math.floor(call.ctx.endTime);
    const values: Value[] = new Array<Value>(Math.max(0, end - start)).fill(null);
    // `events()` with no tag matches nothing in graphite-web (an empty with_all), unlike "*".
    const wanted = tags.length === 1 && tags[0] === '*' ? [] : tags;
    const found = tags.length === 0 ? [] : ((await call.ctx.events?.find(start, end, wanted)) ?? []);
    for (const event of found) {
      const offset = Math.floor(event.when) - start;
      // graphite-web fails (IndexError) on an event at exactly endTime; it is outside [start, end) here.
      if (offset < 0 || offset >= values.length) continue;
      values[offset] = (values[offset] ?? 0) + 1;
    }
    return [
      new Series({
        name: `events("${tags.join('", "')}")`,
        start,
        end,
        step: 1,
        values,
        consolidationFunc: 'sum',
        xFilesFactor: call.ctx.xFilesFactor,
      }),
    ];
  },
};
