// minimumBelow: keeps the series whose minimum value is at most n (graphite-web functions.py minimumBelow,
// a filterSeries with 'min' '<=').
import { thresholdFilter } from './common/filter-threshold.js';
import type { FunctionDef } from './types.js';

export const minimumBelow: FunctionDef = thresholdFilter(
  'minimumBelow',
  'min',
  '<=',
  'Keeps only the series whose minimum value is at most n.',
);
