// group: graphite-web functions.py group — several series lists as one.
import type { Series } from '../series.js';
import type { FunctionDef } from './types.js';

/** The lists concatenated. */
export const group: FunctionDef = {
  name: 'group',
  group: 'Combine',
  description: 'Joins several series lists into one list, in order, without changing any series.',
  params: [{ name: 'seriesLists', type: 'seriesList', multiple: true }],
  fn: (_call, [seriesLists]) => (seriesLists as Series[][]).flat(),
};
