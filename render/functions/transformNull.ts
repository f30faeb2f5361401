// transformNull(seriesList, default, referenceSeries): nulls replaced by a constant, optionally only where
// some reference series has data (graphite-web functions.py transformNull).
import { pyFormatG } from '../python-format.js';
import type { Series, Value } from '../series.js';
import { SERIES_LIST, argGiven, floatTag, rewrite } from './common/transform-series.js';
import type { FunctionDef } from './types.js';

/** Per index: `value` where any reference series has a non-null value there, else null. */
function referenceDefaults(reference: readonly Series[], value: number): Value[] {
  const length = Math.max(0, ...reference.map((s) => s.points().length));
  const points = reference.map((s) => s.points());
  return Array.from({ length }, (_, i) => (points.some((p) => (p[i] ?? null) !== null) ? value : null));
}

/**
 * `transformNull(x,%g)` or `transformNull(x,%g,referenceSeries)`; tags transformNull (the default as
 * graphite-web prints it: "0" when not given, a float otherwise) and referenceSeries=1.
 */
export const transformNull: FunctionDef = {
  name: 'transformNull',
  group: 'Transform',
  description:
    'Replaces nulls with default (0); with referenceSeries, only where one of those series has a value.',
  params: [
    SERIES_LIST,
    { name: 'default', type: 'float', default: 0 },
    { name: 'referenceSeries', type: 'seriesList' },
  ],
  fn: (call, [seriesList, fill, referenceSeries]) => {
    const value = fill as number;
    const reference = (referenceSeries as Series[] | null) ?? [];
    const withReference = reference.length > 0;
    const defaults = withReference ? referenceDefaults(reference, value) : [];
    const tags: Record<string, string> = {
      transformNull: argGiven(call, 1, 'default') ? floatTag(value) : '0',
      ...(withReference ? { referenceSeries: '1' } : {}),
    };
    const suffix = withReference ? ',referenceSeries' : '';
    return (seriesList as Series[]).map((s) => {
      let values: Value[];
      if (defaults.length > 0) {
        // graphite-web zips to the longer of the two, so a short series grows to the reference length
        const length = Math.max(s.values.length, defaults.length);
        values = Array.from({ length }, (_, i) => s.values[i] ?? defaults[i] ?? null);
      } else {
        values = s.values.map((v) => v ?? value);
      }
      return rewrite(s, `transformNull(${s.name},${pyFormatG(value)}${suffix})`, values, tags);
    });
  },
};
