// maximumAbove: keeps the series whose maximum value is above n (graphite-web functions.py maximumAbove, a
// filterSeries with 'max' '>').
import { thresholdFilter } from './common/filter-threshold.js';
import type { FunctionDef } from './types.js';

export const maximumAbove: FunctionDef = thresholdFilter(
  'maximumAbove',
  'max',
  '>',
  'Keeps only the series whose maximum value is above n.',
);
