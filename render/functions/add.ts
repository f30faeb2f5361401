// add(seriesList, constant): adds a constant to every value (graphite-web functions.py add).
import type { Series } from '../series.js';
import { SERIES_LIST, floatTag, mapValues, pyIntFormat } from './common/transform-series.js';
import type { FunctionDef } from './types.js';

/** `add(x,%d)` — the name truncates the constant, the values do not; tag add=constant. */
export const add: FunctionDef = {
  name: 'add',
  group: 'Transform',
  description: 'Adds constant to every value.',
  params: [SERIES_LIST, { name: 'constant', type: 'float', required: true }],
  fn: (_call, [seriesList, constant]) => {
    const c = constant as number;
    return mapValues(
      seriesList as Series[],
      (n) => `add(${n},${pyIntFormat(c)})`,
      { add: floatTag(c) },
      (v) => (v === null ? null : v + c),
    );
  },
};
