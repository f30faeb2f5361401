// aggregateWithWildcards: graphite-web functions.py aggregateWithWildcards — aggregate() per name with the
// given nodes ignored.
import type { Series } from '../series.js';
import { aggregateWithWildcardsCore } from './common/combine-defs.js';
import type { FunctionDef } from './types.js';

/** One aggregate per name with the given nodes removed, named by what remains. */
export const aggregateWithWildcards: FunctionDef = {
  name: 'aggregateWithWildcards',
  group: 'Combine',
  description:
    'Groups the series whose names are equal once the given nodes are ignored and aggregates each group ' +
    'with an aggregation function; each result is named by the remaining nodes.',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'func', type: 'aggFunc', required: true },
    { name: 'position', type: 'node', multiple: true },
  ],
  // graphite-web's signature names the *positions, its Param says position
  signature: 'aggregateWithWildcards(seriesList, func, *positions)',
  fn: (call, [seriesList, func, positions]) =>
    aggregateWithWildcardsCore(call, seriesList as Series[], func as string, positions as number[]),
};
