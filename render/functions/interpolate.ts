// interpolate(seriesList, limit): gaps between two values filled on the straight line joining them
// (graphite-web functions.py interpolate): runs longer than limit, leading and trailing nulls stay null.
import type { Series, Value } from '../series.js';
import { SERIES_LIST, rewrite } from './common/transform-series.js';
import type { FunctionDef } from './types.js';

/** graphite-web's walk, quirk included: a null first point is never counted into the following run. */
export function interpolateValues(input: readonly Value[], limit: number): Value[] {
  const out = input.slice();
  let run = 0;
  for (let i = 1; i < out.length; i++) {
    const value = out[i] as Value;
    if (value === null) {
      run++;
      continue;
    }
    if (run === 0) continue;
    const before = out[i - run - 1] as Value;
    if (before !== null && run <= limit) {
      for (let k = i - run; k < i; k++)
        out[k] = before + ((k - (i - run - 1)) * (value - before)) / (run + 1);
    }
    run = 0;
  }
  return out;
}

/** `interpolate(x)`: the name changes, no tag is added (as graphite-web). */
export const interpolate: FunctionDef = {
  name: 'interpolate',
  group: 'Transform',
  description:
    'Fills each run of at most limit nulls between two values linearly; leading and trailing nulls stay.',
  params: [SERIES_LIST, { name: 'limit', type: 'intOrInf', default: Infinity }],
  fn: (_call, [seriesList, limit]) =>
    (seriesList as Series[]).map((s) =>
      rewrite(s, `interpolate(${s.name})`, interpolateValues(s.values, limit as number)),
    ),
};
