// alias(seriesList, newName): every series takes the given name (graphite-web functions.py alias).
import { renamed } from './common/alias-rename.js';
import type { FunctionDef } from './types.js';
import type { Series } from '../series.js';

export const alias: FunctionDef = {
  name: 'alias',
  group: 'Alias',
  description: 'Names every series in the list newName; tags and path expression are unchanged.',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'newName', type: 'string', required: true },
  ],
  fn(_call, [seriesList, newName]) {
    return (seriesList as Series[]).map((s) => renamed(s, newName as string));
  },
};
