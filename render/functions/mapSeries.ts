// mapSeries: graphite-web functions.py mapSeries — splits a list into lists by node/tag values, for
// reduceSeries.
import type { Series } from '../series.js';
import { groupSeries } from './common/combine-aggregate.js';
import { aggKey } from './common/nodes.js';
import type { FunctionDef } from './types.js';

/** A list of series lists, one per node/tag value. */
export const mapSeries: FunctionDef = {
  name: 'mapSeries',
  group: 'Combine',
  description:
    'Splits the series into one list per value of the given nodes (or tags), in order of first ' +
    'appearance; meant as the input of reduceSeries.',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'mapNodes', type: 'nodeOrTag', required: true, multiple: true },
  ],
  fn: (_call, [seriesList, mapNodes]) => {
    const nodes = mapNodes as (number | string)[];
    const lists = [...groupSeries(seriesList as Series[], (s) => aggKey(s, nodes)).values()];
    // a list of series lists, as graphite-web returns: only reduceSeries (seriesLists) can take it
    return lists as unknown as Series[];
  },
};
