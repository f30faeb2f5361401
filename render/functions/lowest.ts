// lowest: the n series with the lowest aggregate, by func (average by default) (graphite-web functions.py
// lowest); Python's stable sort decides ties.
import type { Series } from '../series.js';
import { rankSeries } from './common/filter-rank.js';
import type { FunctionDef } from './types.js';

export const lowest: FunctionDef = {
  name: 'lowest',
  group: 'Filter Series',
  description:
    'Keeps the n series with the lowest value of func (average by default) over the time range; ties keep their input order.',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'n', type: 'integer', required: true },
    { name: 'func', type: 'aggFunc', default: 'average' },
  ],
  // graphite-web's signature shows n=1 although n is a required param
  signature: "lowest(seriesList, n=1, func='average')",
  fn: (call, [seriesList, n, func]) =>
    rankSeries(call.name, seriesList as Series[], n as number, func as string, false),
};
