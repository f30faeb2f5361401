// keepLastValue(seriesList, limit): fills gaps with the value before them (graphite-web functions.py
// keepLastValue): a run of nulls is filled whole when it is at most `limit` long, a trailing run too.
import type { Series, Value } from '../series.js';
import { SERIES_LIST, rewrite } from './common/transform-series.js';
import type { FunctionDef } from './types.js';

/** Runs of ≤ limit nulls after a value take that value; longer runs (and leading nulls) stay null. */
export function keepLast(values: readonly Value[], limit: number): Value[] {
  const out = values.slice();
  let run = 0;
  let last: Value = null;
  const fill = (end: number): void => {
    if (run > 0 && run <= limit && last !== null) out.fill(last, end - run, end);
  };
  for (let i = 0; i < out.length; i++) {
    const v = out[i] as Value;
    if (v === null) {
      run++;
      continue;
    }
    fill(i);
    run = 0;
    last = v;
  }
  fill(out.length);
  return out;
}

/** `keepLastValue(x)`: the name changes, no tag is added (as graphite-web). */
export const keepLastValue: FunctionDef = {
  name: 'keepLastValue',
  group: 'Transform',
  description:
    'Fills each run of nulls with the last value before it, when the run is no longer than limit (also at the end).',
  params: [SERIES_LIST, { name: 'limit', type: 'intOrInf', default: Infinity }],
  fn: (_call, [seriesList, limit]) =>
    (seriesList as Series[]).map((s) =>
      rewrite(s, `keepLastValue(${s.name})`, keepLast(s.values, limit as number)),
    ),
};
