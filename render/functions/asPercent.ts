// asPercent: graphite-web functions.py asPercent — each series as a percentage of a total.
import type { Series } from '../series.js';
import { percentByNodes, percentOfTotal } from './common/combine-percent.js';
import { normalize } from './common/normalize.js';
import type { FunctionDef } from './types.js';

/** `asPercent(<series>,<total>)` per series, with graphite-web's MISSING series when matching by nodes. */
export const asPercent: FunctionDef = {
  name: 'asPercent',
  group: 'Combine',
  description:
    'Each series as a percentage of a total: a number, one series, a list of as many series (paired by ' +
    'sorted name), or by default the sum of the list. With nodes, series and totals are paired by those ' +
    'node/tag values (totals summed per group); unpaired ones give all-null "MISSING" series.',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'total', type: 'any' },
    { name: 'nodes', type: 'nodeOrTag', multiple: true },
  ],
  aggregator: true,
  fn: (call, [seriesList, total, nodes]) => {
    const list = seriesList as Series[];
    // graphite-web normalizes the list first: an empty list ends the call with no result
    if (normalize([list]) === null) return [];
    const nodeList = nodes as (number | string)[];
    if (nodeList.length > 0) return percentByNodes(call, list, total ?? null, nodeList);
    return percentOfTotal(call, list, total ?? null);
  },
};
