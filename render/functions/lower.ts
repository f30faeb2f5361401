// lower(seriesList, *pos): lower-cases series names, wholly or at the given character positions
// (graphite-web 1.1.10 functions.py toLowerCase, registered as 'lower').
import type { Series } from '../series.js';
import type { FunctionDef } from './types.js';
import { recaseAll } from './upper.js';

export const lower: FunctionDef = {
  name: 'lower',
  group: 'Alias',
  description:
    'Lower-cases every series name, or only the characters at the given positions (negative positions count from the end).',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'pos', type: 'integer', multiple: true },
  ],
  fn(_call, [seriesList, pos]) {
    return recaseAll(seriesList as Series[], (pos ?? []) as number[], (s) => s.toLowerCase());
  },
};
