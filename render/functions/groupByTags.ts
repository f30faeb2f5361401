// groupByTags: graphite-web functions.py groupByTags — groups by tag values, results named as tagged series.
import { badArgument } from '../errors.js';
import { parseTags, type Series } from '../series.js';
import { applyCallback, groupSeries } from './common/combine-aggregate.js';
import type { FunctionDef } from './types.js';

/** One tagged series `<name>;tag=value;…` per combination of tag values. */
export const groupByTags: FunctionDef = {
  name: 'groupByTags',
  group: 'Combine',
  description:
    'Groups the series by the values of the given tags and combines each group with an aggregation ' +
    'function or an aggregating series function; each result is a tagged series "<name>;tag=value;…" ' +
    'whose name is the common name tag (or the callback when names differ).',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'callback', type: 'aggOrSeriesFunc', required: true },
    { name: 'tags', type: 'tag', required: true, multiple: true },
  ],
  fn: async (call, [seriesList, callback, tags]) => {
    const list = seriesList as Series[];
    const cb = callback as string;
    const tagNames = (tags as unknown[]).map(String);
    if (tagNames.length === 0) throw badArgument(call.name, 'tags', 'groupByTags(): no tags specified');
    const byName = tagNames.includes('name');
    const names = new Set(list.map((s) => s.tags.name ?? ''));
    const common = names.size === 1 ? ([...names][0] as string) : cb;
    const keyOf = (s: Series): string => {
      const pairs = tagNames.filter((t) => !byName || t !== 'name').map((t) => `${t}=${s.tags[t] ?? ''}`);
      return [byName ? (s.tags.name ?? '') : common, ...pairs.sort()].join(';');
    };
    const out: Series[] = [];
    for (const [key, group] of groupSeries(list, keyOf)) {
      const result = await applyCallback(call, cb, group);
      if (result === undefined) continue;
      result.name = key;
      result.pathExpression = key;
      result.tags = parseTags(key);
      out.push(result);
    }
    return out;
  },
};
