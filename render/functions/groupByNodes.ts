// groupByNodes: graphite-web functions.py groupByNodes — groups by node/tag values, a callback per group.
import type { Series } from '../series.js';
import { applyCallback, groupSeries } from './common/combine-aggregate.js';
import { aggKey } from './common/nodes.js';
import type { Call, FunctionDef } from './types.js';

/**
 * Groups `seriesList` by the values of `nodes` (indices or tag names) joined with '.', runs `callback` on
 * each group and names each result by its key, groups in order of first appearance.
 */
export async function groupByNodesCore(
  call: Call,
  seriesList: Series[],
  callback: string,
  nodes: readonly (number | string)[],
): Promise<Series[]> {
  const out: Series[] = [];
  for (const [key, group] of groupSeries(seriesList, (s) => aggKey(s, nodes))) {
    const result = await applyCallback(call, callback, group);
    if (result === undefined) continue;
    result.name = key;
    out.push(result);
  }
  return out;
}

/** One series per joined node/tag values, named by them. */
export const groupByNodes: FunctionDef = {
  name: 'groupByNodes',
  group: 'Combine',
  description:
    'Groups the series by the values of several nodes (or tags), joined with ".", and combines each group ' +
    'with an aggregation function or an aggregating series function; results are named by the key.',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'callback', type: 'aggOrSeriesFunc', required: true },
    { name: 'nodes', type: 'nodeOrTag', multiple: true },
  ],
  fn: (call, [seriesList, callback, nodes]) =>
    groupByNodesCore(call, seriesList as Series[], callback as string, nodes as (number | string)[]),
};
