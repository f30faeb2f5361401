// aliasByNode(seriesList, *nodes): names each series by the chosen nodes of its path or by tag values,
// joined by '.' (graphite-web functions.py aliasByNode via aggKey: wrapped names use their first path).
import { aggKey } from './common/nodes.js';
import { renamed } from './common/alias-rename.js';
import type { FunctionDef } from './types.js';
import type { Series } from '../series.js';

export const aliasByNode: FunctionDef = {
  name: 'aliasByNode',
  group: 'Alias',
  description:
    'Names each series by one or more nodes of its name (0-based, negative from the end) or tag values, ' +
    "joined by '.'. A function-wrapped name uses the first path expression inside it.",
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'nodes', type: 'nodeOrTag', required: true, multiple: true },
  ],
  fn(_call, [seriesList, nodes]) {
    const keys = nodes as (number | string)[];
    return (seriesList as Series[]).map((s) => renamed(s, aggKey(s, keys)));
  },
};
