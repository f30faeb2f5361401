// multiplySeries: graphite-web functions.py multiplySeries — aggregate() with multiply.
import type { Series } from '../series.js';
import { aggregateSeries } from './common/combine-aggregate.js';
import type { FunctionDef } from './types.js';

/** `multiplySeries(<paths>)`, or the lone series itself. */
export const multiplySeries: FunctionDef = {
  name: 'multiplySeries',
  group: 'Combine',
  description: 'Multiplies the series point by point; a point is null when any series is null there.',
  params: [{ name: 'seriesLists', type: 'seriesList', required: true, multiple: true }],
  aggregator: true,
  fn: (call, [seriesLists]) => {
    const lists = seriesLists as Series[][];
    // graphite-web's legacy rule: one list holding one series is returned unchanged
    if (lists.length === 1 && lists[0]?.length === 1) return lists[0];
    return aggregateSeries(call, lists, 'multiply');
  },
};
