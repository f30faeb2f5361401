// countSeries: graphite-web functions.py countSeries — how many series there are, at every point.
import { Series } from '../series.js';
import { formatPathExpressions, normalize, zipRows } from './common/normalize.js';
import type { FunctionDef } from './types.js';

/** `countSeries(<paths>)`: the number of series at every point. */
export const countSeries: FunctionDef = {
  name: 'countSeries',
  group: 'Combine',
  description:
    'The number of series at every point (nulls count too); with no argument, a line at 0 over the request.',
  params: [{ name: 'seriesLists', type: 'seriesList', multiple: true }],
  aggregator: true,
  fn: (call, [seriesLists]) => {
    const lists = seriesLists as Series[][];
    const xFilesFactor = call.ctx.xFilesFactor;
    if (lists.length === 0) {
      // graphite-web answers constantLine(0): three points spanning the request, named "0"
      const { startTime: start, endTime: end } = call.ctx;
      const step = Math.trunc((end - start) / 2);
      const line = new Series({ name: '0', start, end, step, values: [0, 0, 0], xFilesFactor });
      line.pathExpression = 'countSeries()';
      return [line];
    }
    const normalized = normalize(lists);
    if (normalized === null) return [];
    const { seriesList, start, end, step } = normalized;
    const name = `countSeries(${formatPathExpressions(seriesList)})`;
    const values = zipRows(seriesList).map((row) => row.length);
    return [new Series({ name, start, end, step, values, xFilesFactor })];
  },
};
