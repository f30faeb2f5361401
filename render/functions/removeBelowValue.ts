// removeBelowValue(seriesList, n): sets the values below the given value to null, renamed
// removeBelowValue(x, n) (graphite-web functions.py removeBelowValue).
import { removeByValue } from './common/special-remove.js';
import type { FunctionDef } from './types.js';
import type { Series } from '../series.js';

export const removeBelowValue: FunctionDef = {
  name: 'removeBelowValue',
  group: 'Filter Data',
  description: 'Sets the values below the given value to null.',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'n', type: 'float', required: true },
  ],
  fn(_call, [seriesList, n]) {
    return removeByValue(seriesList as Series[], 'removeBelowValue', n as number, 'above');
  },
};
