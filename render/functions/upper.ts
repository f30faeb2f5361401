// upper(seriesList, *pos): upper-cases series names, wholly or at the given character positions
// (graphite-web 1.1.10 functions.py toUpperCase, registered as 'upper'; lower.ts shares recase).
import type { Series } from '../series.js';
import { renamed } from './common/alias-rename.js';
import type { FunctionDef } from './types.js';

/**
 * `name` with `convert` applied to all of it, or only to the characters at `positions` (Python indexing:
 * negative counts from the end, out of range is skipped). Positions count code points, as Python's str.
 */
export function recase(name: string, positions: readonly number[], convert: (s: string) => string): string {
  if (positions.length === 0) return convert(name);
  const chars = Array.from(name);
  const n = chars.length;
  for (const pos of positions) {
    const i = pos < 0 ? pos + n : pos;
    // each slot keeps its own index even when a character converts to two (ß → SS), as a Python list does
    if (i >= 0 && i < n) chars[i] = convert(chars[i] as string);
  }
  return chars.join('');
}

/** Renames each series (tags, path expression and graph options unchanged, as graphite-web's in-place rename). */
export function recaseAll(
  seriesList: Series[],
  positions: readonly number[],
  convert: (s: string) => string,
): Series[] {
  return seriesList.map((s) => renamed(s, recase(s.name, positions, convert)));
}

export const upper: FunctionDef = {
  name: 'upper',
  group: 'Alias',
  description:
    'Upper-cases every series name, or only the characters at the given positions (negative positions count from the end).',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'pos', type: 'integer', multiple: true },
  ],
  fn(_call, [seriesList, pos]) {
    return recaseAll(seriesList as Series[], (pos ?? []) as number[], (s) => s.toUpperCase());
  },
};
