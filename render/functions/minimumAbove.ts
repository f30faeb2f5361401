// minimumAbove: keeps the series whose minimum value is above n (graphite-web functions.py minimumAbove, a
// filterSeries with 'min' '>').
import { thresholdFilter } from './common/filter-threshold.js';
import type { FunctionDef } from './types.js';

export const minimumAbove: FunctionDef = thresholdFilter(
  'minimumAbove',
  'min',
  '>',
  'Keeps only the series whose minimum value is above n.',
);
