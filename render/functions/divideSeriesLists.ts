// divideSeriesLists: graphite-web functions.py divideSeriesLists — the n-th series of one list divided by
// the n-th series of the other.
import { badArgument } from '../errors.js';
import type { Series } from '../series.js';
import { divideOne } from './common/combine-divide.js';
import type { FunctionDef } from './types.js';

/** `divideSeries(<a>,<b>)` per pair. */
export const divideSeriesLists: FunctionDef = {
  name: 'divideSeriesLists',
  group: 'Combine',
  description:
    'Divides the n-th series of the first list by the n-th series of the second, point by point ' +
    '(lists of equal length; null where the divisor is 0 or null).',
  params: [
    { name: 'dividendSeriesList', type: 'seriesList', required: true },
    { name: 'divisorSeriesList', type: 'seriesList', required: true },
  ],
  fn: (call, [dividends, divisors]) => {
    const a = dividends as Series[];
    const b = divisors as Series[];
    if (a.length !== b.length)
      throw badArgument(
        call.name,
        'divisorSeriesList',
        'dividendSeriesList and divisorSeriesList argument must have equal length',
      );
    return a.map((dividend, i) => divideOne(call, dividend, b[i] as Series));
  },
};
