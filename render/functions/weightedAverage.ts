// weightedAverage: graphite-web functions.py weightedAverage — Σ(avg × weight) / Σ weight, pairing series
// of the two lists by node/tag key.
import { badArgument } from '../errors.js';
import { pyStr } from '../python-format.js';
import { Series } from '../series.js';
import { safeDiv, safeMul } from './aggfuncs.js';
import { aggregateSeries } from './common/combine-aggregate.js';
import { aggKey } from './common/nodes.js';
import { zipRows } from './common/normalize.js';
import type { FunctionDef } from './types.js';

function distinctSorted(list: readonly Series[]): string {
  return [...new Set(list.map((s) => s.pathExpression))].sort().join(',');
}

/** `weightedAverage(<avg paths>, <weight paths>, <nodes>)`. */
export const weightedAverage: FunctionDef = {
  name: 'weightedAverage',
  group: 'Combine',
  description:
    'The average of the first list weighted by the second: series are paired by the values of the given ' +
    'nodes (or tags), multiplied, summed, and divided by the sum of all weights.',
  params: [
    { name: 'seriesListAvg', type: 'seriesList', required: true },
    { name: 'seriesListWeight', type: 'seriesList', required: true },
    { name: 'nodes', type: 'nodeOrTag', multiple: true },
  ],
  fn: (call, [seriesListAvg, seriesListWeight, nodesArg]) => {
    const avgs = seriesListAvg as Series[];
    const weights = seriesListWeight as Series[];
    const nodes = nodesArg as (number | string)[];
    if (avgs.length !== weights.length)
      throw badArgument(
        call.name,
        'seriesListWeight',
        `weightedAverage must receive the same number of series for seriesListAvg and seriesListWeight ` +
          `but received respectively ${avgs.length} and ${weights.length}`,
      );
    // later series with the same key replace earlier ones, as in graphite-web's dict
    const pairs = new Map<string, { avg?: Series; weight?: Series }>();
    const slot = (key: string): { avg?: Series; weight?: Series } => {
      let entry = pairs.get(key);
      if (entry === undefined) pairs.set(key, (entry = {}));
      return entry;
    };
    for (let i = 0; i < avgs.length; i++) {
      slot(aggKey(avgs[i] as Series, nodes)).avg = avgs[i] as Series;
      slot(aggKey(weights[i] as Series, nodes)).weight = weights[i] as Series;
    }
    const products: Series[] = [];
    for (const { avg, weight } of pairs.values()) {
      if (avg === undefined || weight === undefined) continue;
      const values = zipRows([avg, weight]).map((row) => safeMul(row));
      const name = `product(${weight.name},${avg.name})`;
      products.push(
        new Series({
          name,
          start: avg.start,
          end: avg.end,
          step: avg.step,
          values,
          xFilesFactor: call.ctx.xFilesFactor,
        }),
      );
    }
    if (products.length === 0) return [];
    const sumProducts = aggregateSeries(call, [products], 'sum')[0] as Series;
    const sumWeights = aggregateSeries(call, [weights], 'sum')[0] as Series;
    const values = zipRows([sumProducts, sumWeights]).map(([a, b]) => safeDiv(a ?? null, b ?? null));
    const nodeText = nodes.map((n) => (typeof n === 'number' ? pyStr(n) : n)).join(',');
    const name = `weightedAverage(${distinctSorted(avgs)}, ${distinctSorted(weights)}, ${nodeText})`;
    const { start, end, step } = sumProducts;
    return [new Series({ name, start, end, step, values, xFilesFactor: call.ctx.xFilesFactor })];
  },
};
