// averageBelow: keeps the series whose average value is at most n (graphite-web functions.py averageBelow,
// a filterSeries with 'average' '<=').
import { thresholdFilter } from './common/filter-threshold.js';
import type { FunctionDef } from './types.js';

export const averageBelow: FunctionDef = thresholdFilter(
  'averageBelow',
  'average',
  '<=',
  'Keeps only the series whose average value is at most n.',
);
