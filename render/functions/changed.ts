// changed(seriesList): 1 where the value differs from the last non-null one, else 0 (graphite-web
// functions.py changed: the first non-null value after leading nulls counts as unchanged).
import { derive } from './common/alias-rename.js';
import type { FunctionDef } from './types.js';
import type { Series, Value } from '../series.js';

export const changed: FunctionDef = {
  name: 'changed',
  group: 'Special',
  description:
    'Outputs 1 where a value differs from the previous non-null value, 0 where it is null or the same.',
  params: [{ name: 'seriesList', type: 'seriesList', required: true }],
  fn(_call, [seriesList]) {
    return (seriesList as Series[]).map((series) => {
      const name = `changed(${series.name})`;
      let previous: Value = null;
      const values = series.values.map((value): Value => {
        if (previous === null) {
          previous = value;
          return 0;
        }
        if (value !== null && previous !== value) {
          previous = value;
          return 1;
        }
        return 0;
      });
      return derive(series, { name, pathExpression: name, values });
    });
  },
};
