// offset(seriesList, factor): adds a constant to every value (graphite-web functions.py offset).
import { pyFormatG } from '../python-format.js';
import type { Series } from '../series.js';
import { SERIES_LIST, floatTag, mapValues } from './common/transform-series.js';
import type { FunctionDef } from './types.js';

/** `offset(x,%g)`: v + factor, nulls kept; tag offset=factor. */
export const offset: FunctionDef = {
  name: 'offset',
  group: 'Transform',
  description: 'Adds factor to every value.',
  params: [SERIES_LIST, { name: 'factor', type: 'float', required: true }],
  fn: (_call, [seriesList, factor]) => {
    const f = factor as number;
    return mapValues(
      seriesList as Series[],
      (n) => `offset(${n},${pyFormatG(f)})`,
      { offset: floatTag(f) },
      (v) => (v === null ? null : v + f),
    );
  },
};
