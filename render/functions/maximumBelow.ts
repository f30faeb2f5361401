// maximumBelow: keeps the series whose maximum value is at most n (graphite-web functions.py maximumBelow,
// a filterSeries with 'max' '<=').
import { thresholdFilter } from './common/filter-threshold.js';
import type { FunctionDef } from './types.js';

export const maximumBelow: FunctionDef = thresholdFilter(
  'maximumBelow',
  'max',
  '<=',
  'Keeps only the series whose maximum value is at most n.',
);
