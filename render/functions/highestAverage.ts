// highestAverage: the n series with the highest average value (graphite-web functions.py highestAverage,
// ranking by 'average').
import { rankFilter } from './common/filter-rank.js';
import type { FunctionDef } from './types.js';

export const highestAverage: FunctionDef = rankFilter(
  'highestAverage',
  'average',
  true,
  'Keeps the n series with the highest average value; ties keep their input order.',
);
