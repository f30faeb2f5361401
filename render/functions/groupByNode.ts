// groupByNode: graphite-web functions.py groupByNode — groupByNodes with a single node.
import type { Series } from '../series.js';
import { groupByNodesCore } from './groupByNodes.js';
import type { FunctionDef } from './types.js';

/** One series per node value, named by it. */
export const groupByNode: FunctionDef = {
  name: 'groupByNode',
  group: 'Combine',
  description:
    'Groups the series by the value of one node (or tag) and combines each group with an aggregation ' +
    'function or an aggregating series function (average by default); results are named by that value.',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'nodeNum', type: 'nodeOrTag', required: true },
    { name: 'callback', type: 'aggOrSeriesFunc', default: 'average' },
  ],
  fn: (call, [seriesList, nodeNum, callback]) =>
    groupByNodesCore(call, seriesList as Series[], callback as string, [nodeNum as number | string]),
};
