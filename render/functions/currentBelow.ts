// currentBelow: keeps the series whose last non-null value is at most n (graphite-web functions.py
// currentBelow, a filterSeries with 'last' '<=').
import { thresholdFilter } from './common/filter-threshold.js';
import type { FunctionDef } from './types.js';

export const currentBelow: FunctionDef = thresholdFilter(
  'currentBelow',
  'last',
  '<=',
  'Keeps only the series whose last non-null value is at most n.',
);
