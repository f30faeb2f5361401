// removeAboveValue(seriesList, n): sets the values above the given value to null; renamed
// removeAboveValue(x, n) (graphite-web functions.py removeAboveValue).
import { removeByValue } from './common/special-remove.js';
import type { FunctionDef } from './types.js';
import type { Series } from '../series.js';

export const removeAboveValue: FunctionDef = {
  name: 'removeAboveValue',
  group: 'Filter Data',
  description: 'Sets the values above the given value to null.',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'n', type: 'float', required: true },
  ],
  fn(_call, [seriesList, n]) {
    return removeByValue(seriesList as Series[], 'removeAboveValue', n as number, 'below');
  },
};
