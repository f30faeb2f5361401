// graphite-web's glyph.format_units (si/binary prefixes) as cactiStyle and legendValue print values:
// "%.2f%s" % format_units(v, system=…, units=…).
import { pyFixed } from './alias-pyformat.js';

const UNIT_SYSTEMS: Record<'si' | 'binary', readonly [string, number][]> = {
  binary: [
    ['Pi', 1024 ** 5],
    ['Ti', 1024 ** 4],
    ['Gi', 1024 ** 3],
    ['Mi', 1024 ** 2],
    ['Ki', 1024],
  ],
  si: [
    ['P', 1000 ** 5],
    ['T', 1000 ** 4],
    ['G', 1000 ** 3],
    ['M', 1000 ** 2],
    ['k', 1000],
  ],
};

export type UnitSystem = keyof typeof UNIT_SYSTEMS;

export function isUnitSystem(s: unknown): s is UnitSystem {
  return s === 'si' || s === 'binary';
}

/** format_units(v, system, units): the scaled value and its prefix (with `units` appended when given). */
export function formatUnits(v: number, system: UnitSystem, units?: string | null): [number, string] {
  for (const [prefix, size] of UNIT_SYSTEMS[system]) {
    if (Math.abs(v) >= size) {
      let v2 = v / size;
      if (v2 - Math.floor(v2) < 0.00000000001 && v > 1) v2 = Math.floor(v2);
      return [v2, units ? `${prefix}${units}` : prefix];
    }
  }
  const w = v - Math.floor(v) < 0.00000000001 && v > 1 ? Math.floor(v) : v;
  return [w, units ? units : ''];
}

/** "%.2f%s" % format_units(v, system) (`sep` is the " " cactiStyle puts before units). */
export function formatWithUnits(v: number, system: UnitSystem, units?: string | null, sep = ''): string {
  const [value, prefix] = formatUnits(v, system, units);
  return `${pyFixed(value, 2)}${sep}${prefix}`;
}
