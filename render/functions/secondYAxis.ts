// secondYAxis(seriesList): draws the series against the right-hand Y axis; renamed secondYAxis(x) and
// tagged secondYAxis=1 (graphite-web functions.py secondYAxis).
import { derive } from './common/alias-rename.js';
import type { FunctionDef } from './types.js';
import type { Series } from '../series.js';

export const secondYAxis: FunctionDef = {
  name: 'secondYAxis',
  group: 'Graph',
  description: 'Draws the series against the secondary (right-hand) Y axis.',
  params: [{ name: 'seriesList', type: 'seriesList', required: true }],
  fn(_call, [seriesList]) {
    return (seriesList as Series[]).map((s) =>
      derive(s, { name: `secondYAxis(${s.name})` }, { secondYAxis: '1' }, { secondYAxis: true }),
    );
  },
};
