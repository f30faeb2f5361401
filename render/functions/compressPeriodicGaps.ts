// compressPeriodicGaps(seriesList): a series whose values arrive every k-th slot (k ≥ 2, nulls between) is
// re-stepped to k × step with summarize-'last' buckets (graphite-web 1.1.10 functions.py compressPeriodicGaps).
import type { Series, Value } from '../series.js';
import { safeLast } from './aggfuncs.js';
import { summarizeValues } from './common/transform-buckets.js';
import { rewrite } from './common/transform-series.js';
import type { FunctionDef } from './types.js';

/** Python truthiness of a value: null and 0 are "not seen" by graphite-web's guess, NaN is seen. */
const seen = (v: Value | undefined): boolean => v !== null && v !== undefined && v !== 0;

/**
 * graphite-web's guess of the real interval in seconds, or null: the distance k (in slots) between the
 * first two seen values, confirmed by a seen value k slots later with null on both sides. A value seen at
 * slot 0 does not count as "first" (graphite-web tests `firstSeen > 0`), so the guess then starts later.
 */
function guessInterval(series: Series): { interval: number; firstSeen: number } | null {
  let firstSeen = 0;
  let secondSeen = 0;
  // graphite-web enumerates the (possibly consolidated) iteration but indexes and measures the raw list
  const iterated = series.points();
  for (let i = 0; i < iterated.length; i++) {
    if (!seen(iterated[i])) continue;
    if (firstSeen > 0) {
      secondSeen = i;
      break;
    }
    firstSeen = i;
  }
  const k = secondSeen - firstSeen;
  const third = secondSeen + k;
  const raw = series.values;
  if (k <= 1 || third > raw.length - 2) return null;
  if (!seen(raw[third]) || raw[third - 1] !== null || raw[third + 1] !== null) return null;
  return { interval: k * series.step, firstSeen };
}

/**
 * `compressPeriodicGaps(x)`. A compressed series starts at its first seen slot and its `end` is the
 * timestamp of its last point (graphite-web's quirk; the trailing partial bucket is dropped from view);
 * like any new graphite-web TimeSeries it loses graph options. An uncompressed one is only renamed.
 */
export const compressPeriodicGaps: FunctionDef = {
  name: 'compressPeriodicGaps',
  group: 'Transform',
  description:
    'Removes regularly spaced gaps: when values arrive only every k-th step, re-steps the series to k × step keeping the last value of each bucket.',
  params: [{ name: 'seriesList', type: 'seriesList', required: true }],
  fn(_call, [seriesList]) {
    return (seriesList as Series[]).map((s) => {
      const name = `compressPeriodicGaps(${s.name})`;
      const guess = guessInterval(s);
      if (guess === null) return rewrite(s, name, s.values.slice());
      const { interval, firstSeen } = guess;
      const start = s.start + firstSeen * s.step;
      const { values } = summarizeValues(s, safeLast, interval, start, s.end);
      const end = start + interval * (values.length - 1);
      return s.copy({ name, start, end, step: interval, values, pathExpression: name });
    });
  },
};
