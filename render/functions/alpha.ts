// alpha(seriesList, alpha): the transparency a graph draws the series with (graphite-web functions.py alpha).
import { derive } from './common/alias-rename.js';
import type { FunctionDef } from './types.js';
import type { Series } from '../series.js';

export const alpha: FunctionDef = {
  name: 'alpha',
  group: 'Graph',
  description: 'Draws the series with the given opacity, from 0 (transparent) to 1 (opaque).',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'alpha', type: 'float', required: true },
  ],
  fn(_call, [seriesList, value]) {
    return (seriesList as Series[]).map((s) => derive(s, {}, {}, { alpha: value }));
  },
};
