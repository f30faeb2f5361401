// stacked(seriesList, stack?): stacks each series on the running total of its stack, across the whole
// request; the default stack renames to stacked(x) and tags stacked=__DEFAULT__ (graphite-web functions.py).
import { derive } from './common/alias-rename.js';
import { totalStack } from './common/special-stacks.js';
import type { FunctionDef } from './types.js';
import type { Series, Value } from '../series.js';

const DEFAULT_STACK = '__DEFAULT__';

export const stacked: FunctionDef = {
  name: 'stacked',
  group: 'Graph',
  description:
    'Stacks the series on top of each other (values become running totals), so stacked and unstacked ' +
    'series can share a graph; series in a named stack only stack with that stack.',
  signature: "stacked(seriesLists, stackName='__DEFAULT__')",
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'stack', type: 'string' },
  ],
  fn(call, [seriesList, stack]) {
    const stackName = typeof stack === 'string' ? stack : DEFAULT_STACK;
    const totals = totalStack(call.ctx, stackName);
    return (seriesList as Series[]).map((series) => {
      const values = series.values.map((v, i): Value => {
        if (totals.length <= i) totals.push(0);
        if (v === null) return null;
        totals[i] = (totals[i] as number) + v;
        return totals[i] as number;
      });
      const isDefault = stackName === DEFAULT_STACK;
      return derive(
        series,
        { name: isDefault ? `stacked(${series.name})` : series.name, values },
        isDefault ? { stacked: DEFAULT_STACK } : {},
        { stacked: true },
      );
    });
  },
};
