// substr(seriesList, start=0, stop=0): names each series by a slice of the dot-separated nodes of the
// innermost parenthesised part of its name (graphite-web functions.py substr, Python slice semantics).
import { renamed } from './common/alias-rename.js';
import type { FunctionDef } from './types.js';
import type { Series } from '../series.js';

/** Python's seq[start:stop] bounds (stop undefined = to the end). */
function pySlice<T>(items: readonly T[], start: number, stop?: number): T[] {
  const n = items.length;
  const norm = (i: number): number => (i < 0 ? Math.max(0, n + i) : Math.min(n, i));
  return items.slice(norm(start), stop === undefined ? n : norm(stop));
}

/** The name substr(series, start, stop) gives a series (shared with aliasByMetric). */
export function substrName(name: string, start: number, stop: number): string {
  const left = name.lastIndexOf('(') + 1;
  let right = name.indexOf(')');
  if (right < 0) right = name.length + 1;
  const clean = left < right ? name.slice(left, right) : '';
  const nodes = clean.split('.');
  const picked = stop === 0 ? pySlice(nodes, start) : pySlice(nodes, start, stop);
  // graphite-web drops a trailing argument list: substr(func(a.b,'c'),1) is b, not b,'c'
  return picked.join('.').replace(/,[^\n]*(?=\n?$)/, '');
}

export const substr: FunctionDef = {
  name: 'substr',
  group: 'Special',
  description:
    'Names each series by the nodes start..stop (0-based, Python slice; stop 0 = to the end) of the ' +
    'innermost parenthesised part of its name.',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'start', type: 'node', default: 0 },
    { name: 'stop', type: 'node', default: 0 },
  ],
  fn(_call, [seriesList, start, stop]) {
    return (seriesList as Series[]).map((s) =>
      renamed(s, substrName(s.name, start as number, stop as number)),
    );
  },
};
