// averageAbove: keeps the series whose average value is above n (graphite-web functions.py averageAbove, a
// filterSeries with 'average' '>').
import { thresholdFilter } from './common/filter-threshold.js';
import type { FunctionDef } from './types.js';

export const averageAbove: FunctionDef = thresholdFilter(
  'averageAbove',
  'average',
  '>',
  'Keeps only the series whose average value is above n.',
);
