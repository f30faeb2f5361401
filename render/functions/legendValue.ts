// legendValue(seriesList, *valueTypes): appends aggregate values to each name, optionally formatted
// with si/binary prefixes (graphite-web functions.py legendValue).
import { pyFloatStr, pyPad } from './common/alias-pyformat.js';
import { renamed } from './common/alias-rename.js';
import { AGG_FUNC_NAMES } from './aggfuncs.js';
import { strictAggFunc } from './common/alias-aggfunc.js';
import { formatWithUnits, isUnitSystem } from './common/special-units.js';
import type { FunctionDef } from './types.js';
import type { Series, Value } from '../series.js';

/** Python str() of an aggregate: count is an int, the others floats, no value is None. */
function valueStr(valueType: string, value: Value): string {
  if (value === null) return 'None';
  return valueType === 'count' ? String(value) : pyFloatStr(value);
}

export const legendValue: FunctionDef = {
  name: 'legendValue',
  group: 'Alias',
  description:
    'Appends the given aggregates of each series (avg, last, max, …) to its name; a final "si" or ' +
    '"binary" formats them with unit prefixes in fixed columns.',
  signature: 'legendValue(seriesList, *valueTypes)',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    {
      name: 'valuesTypes',
      type: 'string',
      multiple: true,
      options: [...AGG_FUNC_NAMES, ...AGG_FUNC_NAMES.map((n) => `${n}Series`), 'si', 'binary'],
    },
  ],
  fn(_call, [seriesList, valueTypesArg]) {
    let valueTypes = valueTypesArg as string[];
    const last = valueTypes[valueTypes.length - 1];
    const system = isUnitSystem(last) ? last : undefined;
    if (system !== undefined) valueTypes = valueTypes.slice(0, -1);
    return (seriesList as Series[]).map((series) => {
      let name = series.name;
      for (const valueType of valueTypes) {
        // graphite-web prints (?) for what its getAggFunc refuses, the `<name>Series` forms included
        const func = strictAggFunc(valueType);
        const value = func === undefined ? undefined : func(series.points());
        if (system === undefined) {
          name += ` (${valueType}: ${value === undefined ? '(?)' : valueStr(valueType, value)})`;
        } else {
          const formatted =
            value === undefined ? '(?)' : value === null ? 'None' : formatWithUnits(value, system);
          name = pyPad(name, -20) + pyPad(valueType, -5) + pyPad(formatted, -10);
        }
      }
      return renamed(series, name);
    });
  },
};
