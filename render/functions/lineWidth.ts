// lineWidth(seriesList, width): the line width a graph draws the series with (graphite-web functions.py
// lineWidth).
import { derive } from './common/alias-rename.js';
import type { FunctionDef } from './types.js';
import type { Series } from '../series.js';

export const lineWidth: FunctionDef = {
  name: 'lineWidth',
  group: 'Graph',
  description: 'Draws the series with a line of the given width instead of the graph-wide lineWidth.',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'width', type: 'float', required: true },
  ],
  fn(_call, [seriesList, width]) {
    return (seriesList as Series[]).map((s) => derive(s, {}, {}, { lineWidth: width }));
  },
};
