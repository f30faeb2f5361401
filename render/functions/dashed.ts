// dashed(seriesList, dashLength=5): draws the series dashed; renamed dashed(x, n) and tagged dashed=n
// (graphite-web functions.py dashed).
import { pyFormatG } from '../python-format.js';
import { derive } from './common/alias-rename.js';
import type { FunctionDef } from './types.js';
import type { Series } from '../series.js';

export const dashed: FunctionDef = {
  name: 'dashed',
  group: 'Graph',
  description: 'Draws the series as a dashed line with segments dashLength pixels long.',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'dashLength', type: 'integer', default: 5 },
  ],
  fn(_call, [seriesList, dashLength]) {
    const n = dashLength as number;
    return (seriesList as Series[]).map((s) =>
      derive(s, { name: `dashed(${s.name}, ${pyFormatG(n)})` }, { dashed: String(n) }, { dashed: n }),
    );
  },
};
