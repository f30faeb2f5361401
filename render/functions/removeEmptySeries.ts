// removeEmptySeries: drops series without enough non-null points (graphite-web functions.py
// removeEmptySeries over xffValues; the factor defaults to 0, not the request's).
import type { Series } from '../series.js';
import type { FunctionDef } from './types.js';

export const removeEmptySeries: FunctionDef = {
  name: 'removeEmptySeries',
  group: 'Filter Series',
  description:
    'Drops the series with no non-null point, or, given xFilesFactor, those whose share of non-null points is below it.',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'xFilesFactor', type: 'float' },
  ],
  fn: (_call, [seriesList, xFilesFactor]) => {
    const xff = (xFilesFactor ?? 0) as number;
    return (seriesList as Series[]).filter((s) => {
      const points = s.points();
      const nonNull = points.filter((v) => v !== null).length;
      return nonNull > 0 && points.length > 0 && nonNull / points.length >= xff;
    });
  },
};
