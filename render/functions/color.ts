// color(seriesList, theColor): the colour a graph draws the series in (graphite-web functions.py color).
import { derive } from './common/alias-rename.js';
import type { FunctionDef } from './types.js';
import type { Series } from '../series.js';

export const color: FunctionDef = {
  name: 'color',
  group: 'Graph',
  description:
    'Draws the series in the given colour: a name (red, green, …) or hex RGB/RGBA (ff0000, 6464ffaa).',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'theColor', type: 'string', required: true },
  ],
  fn(_call, [seriesList, theColor]) {
    return (seriesList as Series[]).map((s) => derive(s, {}, {}, { color: theColor }));
  },
};
