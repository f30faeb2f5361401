// lowestCurrent: the n series with the lowest last non-null value (graphite-web functions.py lowestCurrent,
// ranking by 'current').
import { rankFilter } from './common/filter-rank.js';
import type { FunctionDef } from './types.js';

export const lowestCurrent: FunctionDef = rankFilter(
  'lowestCurrent',
  'current',
  false,
  'Keeps the n series with the lowest last non-null value; ties keep their input order.',
);
