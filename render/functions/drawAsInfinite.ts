// drawAsInfinite(seriesList): graphs draw positive values as full-height vertical lines; renamed
// drawAsInfinite(x) and tagged drawAsInfinite=1 (graphite-web functions.py drawAsInfinite).
import { derive } from './common/alias-rename.js';
import type { FunctionDef } from './types.js';
import type { Series } from '../series.js';

export const drawAsInfinite: FunctionDef = {
  name: 'drawAsInfinite',
  group: 'Graph',
  description:
    'Draws a full-height vertical line where the value is above zero, nothing where it is zero, null ' +
    'or negative; for on/off metrics such as exit codes.',
  params: [{ name: 'seriesList', type: 'seriesList', required: true }],
  fn(_call, [seriesList]) {
    return (seriesList as Series[]).map((s) =>
      derive(s, { name: `drawAsInfinite(${s.name})` }, { drawAsInfinite: '1' }, { drawAsInfinite: true }),
    );
  },
};
