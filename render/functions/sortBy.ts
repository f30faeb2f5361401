// sortBy(seriesList, func='average', reverse=False): the series ordered by an aggregate of their values,
// no value sorting lowest (graphite-web functions.py sortBy, Python's stable sort).
import { badArgument } from '../errors.js';
import { strictAggFunc } from './common/alias-aggfunc.js';
import { aggKeyFunc, sortSeries } from './common/special-sort.js';
import type { FunctionDef } from './types.js';
import type { Series } from '../series.js';

export const sortBy: FunctionDef = {
  name: 'sortBy',
  group: 'Sorting',
  description:
    'Orders the series by an aggregate of their values (average, max, sum, last, …), ascending or, ' +
    'with reverse, descending.',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'func', type: 'aggFunc', default: 'average' },
    { name: 'reverse', type: 'boolean', default: false },
  ],
  fn(call, [seriesList, func, reverse]) {
    // the `<name>Series` forms pass validation but graphite-web's getAggFunc refuses them (a 400)
    const agg = strictAggFunc(func as string);
    if (agg === undefined)
      throw badArgument(call.name, 'func', `Unsupported aggregation function: ${func as string}`, func);
    return sortSeries(seriesList as Series[], aggKeyFunc(agg), reverse === true);
  },
};
