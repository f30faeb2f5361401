// divideSeries: graphite-web functions.py divideSeries — every series divided by one divisor series.
import { badArgument } from '../errors.js';
import type { Series } from '../series.js';
import { divideOne } from './common/combine-divide.js';
import type { FunctionDef } from './types.js';

/** `divideSeries(<dividend>,<divisor>)` per dividend. */
export const divideSeries: FunctionDef = {
  name: 'divideSeries',
  group: 'Combine',
  description:
    'Divides each series by a single divisor series, point by point (null where the divisor is 0 or null). ' +
    'With no divisor series at all, each result is all null and named divideSeries(x,MISSING).',
  params: [
    { name: 'dividendSeriesList', type: 'seriesList', required: true },
    { name: 'divisorSeries', type: 'seriesList', required: true },
  ],
  fn: (call, [dividends, divisors]) => {
    const dividendList = dividends as Series[];
    const divisorList = divisors as Series[];
    if (divisorList.length === 0) {
      return dividendList.map((s) => {
        const name = `divideSeries(${s.name},MISSING)`;
        const missing = s.copy({ name, pathExpression: name, values: s.values.map(() => null) });
        missing.valuesPerPoint = s.valuesPerPoint;
        return missing;
      });
    }
    if (divisorList.length > 1)
      throw badArgument(
        call.name,
        'divisorSeries',
        `divideSeries second argument must reference exactly 1 series (got ${divisorList.length})`,
      );
    const divisor = divisorList[0] as Series;
    return dividendList.map((dividend) => divideOne(call, dividend, divisor));
  },
};
