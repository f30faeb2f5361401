// highestCurrent: the n series with the highest last non-null value (graphite-web functions.py
// highestCurrent, ranking by 'current').
import { rankFilter } from './common/filter-rank.js';
import type { FunctionDef } from './types.js';

export const highestCurrent: FunctionDef = rankFilter(
  'highestCurrent',
  'current',
  true,
  'Keeps the n series with the highest last non-null value; ties keep their input order.',
);
