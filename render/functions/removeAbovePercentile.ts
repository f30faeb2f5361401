// removeAbovePercentile(seriesList, n): sets the values above the nth percentile of the series to null; renamed
// removeAbovePercentile(x, n) (graphite-web functions.py removeAbovePercentile).
import { removeByPercentile } from './common/special-remove.js';
import type { FunctionDef } from './types.js';
import type { Series } from '../series.js';

export const removeAbovePercentile: FunctionDef = {
  name: 'removeAbovePercentile',
  group: 'Filter Data',
  description: 'Sets the values above the nth percentile of the series to null.',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'n', type: 'float', required: true },
  ],
  fn(_call, [seriesList, n]) {
    return removeByPercentile(seriesList as Series[], 'removeAbovePercentile', n as number, 'below');
  },
};
