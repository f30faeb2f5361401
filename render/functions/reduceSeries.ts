// reduceSeries: graphite-web functions.py reduceSeries — runs a function over matched series of each
// mapSeries list and names the result "<prefix>.reduce.<function>".
import type { Series } from '../series.js';
import type { FunctionDef } from './types.js';

/** `<prefix>.reduce.<function>` per mapSeries list. */
export const reduceSeries: FunctionDef = {
  name: 'reduceSeries',
  group: 'Combine',
  description:
    'For each list (usually from mapSeries), picks the series whose node reduceNode equals each matcher ' +
    'and calls reduceFunction with them as separate arguments, in matcher order; each result is named ' +
    '"<nodes before reduceNode>.reduce.<reduceFunction>".',
  params: [
    { name: 'seriesLists', type: 'seriesLists', required: true },
    { name: 'reduceFunction', type: 'string', required: true },
    { name: 'reduceNode', type: 'node', required: true },
    { name: 'reduceMatchers', type: 'string', required: true, multiple: true },
  ],
  fn: async (call, [seriesLists, reduceFunction, reduceNode, reduceMatchers]) => {
    const fname = reduceFunction as string;
    const at = reduceNode as number;
    const matchers = (reduceMatchers as unknown[]).map(String);
    const slots = new Map<string, (Series | undefined)[]>();
    for (const list of seriesLists as Series[][]) {
      for (const series of list) {
        const nodes = series.name.split('.');
        const index = at < 0 ? nodes.length + at : at;
        const node = nodes[index];
        if (node === undefined || !matchers.includes(node)) continue;
        const key = `${nodes.slice(0, index).join('.')}.reduce.${fname}`;
        let slot = slots.get(key);
        if (slot === undefined) {
          slot = matchers.map(() => undefined);
          slots.set(key, slot);
        }
        slot[matchers.indexOf(node)] = series;
      }
    }
    const out: Series[] = [];
    for (const [key, slot] of slots) {
      // graphite-web fails on a missing match (it passes [None]); such a group is skipped here
      if (slot.some((s) => s === undefined)) continue;
      const result = (
        await call.callFunction(
          fname,
          (slot as Series[]).map((s) => [s]),
        )
      )[0];
      if (result === undefined) continue;
      result.name = key;
      out.push(result);
    }
    return out;
  },
};
