// aggregateLine: a horizontal line at each series' aggregate (graphite-web functions.py aggregateLine:
// a constantLine over the request window, or the series' own steps with keepStep).
import { pyFormatG, pyRepr } from '../python-format.js';
import { Series } from '../series.js';
import { safeLen } from './aggfuncs.js';
import { requireAggFunc } from './common/calc-aggfunc.js';
import type { FunctionDef } from './types.js';

export const aggregateLine: FunctionDef = {
  name: 'aggregateLine',
  group: 'Calculate',
  description:
    "Draws a horizontal line at each series' func aggregate (average by default); keepStep keeps the series' own time steps.",
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'func', type: 'aggFunc', default: 'average' },
    { name: 'keepStep', type: 'boolean', default: false },
  ],
  fn: (call, [seriesList, funcArg, keepStep]) => {
    const aggFunc = requireAggFunc(call.name, 'func', funcArg as string);
    return (seriesList as Series[]).map((series) => {
      const value = aggFunc(series.points());
      const name = `aggregateLine(${series.name}, ${value === null ? 'None' : pyFormatG(value)})`;
      if (keepStep === true)
        return series.copy({ name, values: new Array<number | null>(series.values.length).fill(value) });
      // constantLine(value): three points over the request window, tagged by str(value)
      const start = Math.trunc(call.ctx.startTime);
      const end = Math.trunc(call.ctx.endTime);
      const text = value === null ? 'None' : aggFunc === safeLen ? String(value) : pyRepr(value);
      return new Series({
        name,
        start,
        end,
        step: Math.trunc((end - start) / 2),
        values: [value, value, value],
        pathExpression: name,
        tags: { name: text },
        xFilesFactor: call.ctx.xFilesFactor,
      });
    });
  },
};
