// lowestAverage: the n series with the lowest average value (graphite-web functions.py lowestAverage,
// ranking by 'average').
import { rankFilter } from './common/filter-rank.js';
import type { FunctionDef } from './types.js';

export const lowestAverage: FunctionDef = rankFilter(
  'lowestAverage',
  'average',
  false,
  'Keeps the n series with the lowest average value; ties keep their input order.',
);
