// removeBelowPercentile(seriesList, n): sets the values below the nth percentile of the series to null; renamed
// removeBelowPercentile(x, n) (graphite-web functions.py removeBelowPercentile).
import { removeByPercentile } from './common/special-remove.js';
import type { FunctionDef } from './types.js';
import type { Series } from '../series.js';

export const removeBelowPercentile: FunctionDef = {
  name: 'removeBelowPercentile',
  group: 'Filter Data',
  description: 'Sets the values below the nth percentile of the series to null.',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'n', type: 'float', required: true },
  ],
  fn(_call, [seriesList, n]) {
    return removeByPercentile(seriesList as Series[], 'removeBelowPercentile', n as number, 'above');
  },
};
