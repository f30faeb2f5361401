// scaleToSeconds(seriesList, seconds): a per-step value restated per `seconds` (graphite-web functions.py
// scaleToSeconds): v × seconds / step, rounded to 6 decimals as there.
import type { Series } from '../series.js';
import { SERIES_LIST, floatTag, pyIntFormat, pyRound, rewrite } from './common/transform-series.js';
import type { FunctionDef } from './types.js';

/** `scaleToSeconds(x,%d)` (seconds truncated in the name); tag scaleToSeconds=seconds. */
export const scaleToSeconds: FunctionDef = {
  name: 'scaleToSeconds',
  group: 'Transform',
  description: 'Restates values measured per step as values per the given number of seconds.',
  params: [SERIES_LIST, { name: 'seconds', type: 'float', required: true }],
  fn: (_call, [seriesList, seconds]) => {
    const secs = seconds as number;
    return (seriesList as Series[]).map((s) => {
      const factor = secs / s.step;
      const values = s.values.map((v) => (v === null ? null : pyRound(v * factor, 6)));
      return rewrite(s, `scaleToSeconds(${s.name},${pyIntFormat(secs)})`, values, {
        scaleToSeconds: floatTag(secs),
      });
    });
  },
};
