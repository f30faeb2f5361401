// currentAbove: keeps the series whose last non-null value is above n (graphite-web functions.py
// currentAbove, a filterSeries with 'last' '>').
import { thresholdFilter } from './common/filter-threshold.js';
import type { FunctionDef } from './types.js';

export const currentAbove: FunctionDef = thresholdFilter(
  'currentAbove',
  'last',
  '>',
  'Keeps only the series whose last non-null value is above n.',
);
