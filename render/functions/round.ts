// round(seriesList, precision): every value rounded to a number of decimals (graphite-web functions.py
// roundFunction), ties to even as Python's round().
import { pyFormatG } from '../python-format.js';
import type { Series } from '../series.js';
import { SERIES_LIST, argGiven, mapValues, pyRound } from './common/transform-series.js';
import type { FunctionDef } from './types.js';

/** `round(x)`, or `round(x,2)` when a precision is written; tag round=precision. */
export const round: FunctionDef = {
  name: 'round',
  group: 'Transform',
  description: 'Rounds every value to precision decimal places (0 by default; negative rounds to tens, …).',
  signature: 'round(seriesList, precision=None)',
  params: [SERIES_LIST, { name: 'precision', type: 'integer', default: 0 }],
  fn: (call, [seriesList, precision]) => {
    const p = precision as number;
    const written = argGiven(call, 1, 'precision');
    return mapValues(
      seriesList as Series[],
      (n) => (written ? `round(${n},${pyFormatG(p)})` : `round(${n})`),
      { round: String(p) },
      (v) => (v === null ? null : pyRound(v, p)),
    );
  },
};
