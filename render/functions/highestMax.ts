// highestMax: the n series with the highest maximum value (graphite-web functions.py highestMax, ranking by
// 'max').
import { rankFilter } from './common/filter-rank.js';
import type { FunctionDef } from './types.js';

export const highestMax: FunctionDef = rankFilter(
  'highestMax',
  'max',
  true,
  'Keeps the n series with the highest maximum value; ties keep their input order.',
);
