// sortByName(seriesList, natural=False, reverse=False): the series by name, optionally in natural order
// (digit runs compared as numbers: server2 before server11) (graphite-web functions.py sortByName).
import { sortSeries } from './common/special-sort.js';
import type { FunctionDef } from './types.js';
import type { Series } from '../series.js';

/** graphite-web's natSortKey: each run of digits as its integer, zero-padded to 10 digits. */
export function naturalKey(name: string): string {
  return name.replace(/\d+/g, (digits) => BigInt(digits).toString().padStart(10, '0'));
}

export const sortByName: FunctionDef = {
  name: 'sortByName',
  group: 'Sorting',
  description:
    'Orders the series by name, alphabetically or, with natural, with numbers in names compared by ' +
    'value (server2 before server11); reverse for descending.',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'natural', type: 'boolean', default: false },
    { name: 'reverse', type: 'boolean', default: false },
  ],
  fn(_call, [seriesList, natural, reverse]) {
    const key = natural === true ? (s: Series) => naturalKey(s.name) : (s: Series) => s.name;
    return sortSeries(seriesList as Series[], key, reverse === true);
  },
};
