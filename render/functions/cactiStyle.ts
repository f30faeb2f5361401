// cactiStyle(seriesList, system?, units?): column-aligned "name Current:x Max:y Min:z" names, values
// optionally with si/binary prefixes and a unit (graphite-web functions.py cactiStyle).
import { safeLast, safeMax, safeMin } from './aggfuncs.js';
import { pyFixed, pyLen, pyPad } from './common/alias-pyformat.js';
import { renamed } from './common/alias-rename.js';
import { formatWithUnits, isUnitSystem } from './common/special-units.js';
import type { FunctionDef } from './types.js';
import type { Series, Value } from '../series.js';

export const cactiStyle: FunctionDef = {
  name: 'cactiStyle',
  group: 'Special',
  description:
    'Appends the current, maximum and minimum values to each name in aligned columns, like Cacti; ' +
    'system "si" or "binary" adds unit prefixes, units a suffix.',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'system', type: 'string', options: ['si', 'binary'] },
    { name: 'units', type: 'string' },
  ],
  fn(_call, [seriesList, systemArg, unitsArg]) {
    const list = seriesList as Series[];
    if (list.length === 0) return list;
    const system = isUnitSystem(systemArg) ? systemArg : undefined;
    const units = typeof unitsArg === 'string' && unitsArg !== '' ? unitsArg : undefined;
    const fmt = (x: number): string => {
      if (system !== undefined) return formatWithUnits(x, system, units, units === undefined ? '' : ' ');
      return units === undefined ? pyFixed(x, 2) : `${pyFixed(x, 2)} ${units}`;
    };
    // Column widths come from int(value or 3), as graphite-web sizes them
    const width = (pick: (v: Value[]) => Value): number =>
      Math.max(0, ...list.map((s) => pyLen(fmt(Math.trunc(pick(s.points()) || 3))))) + 3;
    const nameLen = Math.max(0, ...list.map((s) => pyLen(s.name)));
    const lastLen = width(safeLast);
    const maxLen = width(safeMax);
    const minLen = width(safeMin);
    const show = (v: Value): string => (v === null ? 'nan' : fmt(v));
    return list.map((s) => {
      const values = s.points();
      const name =
        `${pyPad(s.name, -nameLen)} Current:${pyPad(show(safeLast(values)), -lastLen)}` +
        ` Max:${pyPad(show(safeMax(values)), -maxLen)} Min:${pyPad(show(safeMin(values)), -minLen)} `;
      return renamed(s, name);
    });
  },
};
