// The Sorting and Filter Data functions, one file each in render/functions/; registered by registry.ts.
import { removeAbovePercentile } from '../removeAbovePercentile.js';
import { removeAboveValue } from '../removeAboveValue.js';
import { removeBelowPercentile } from '../removeBelowPercentile.js';
import { removeBelowValue } from '../removeBelowValue.js';
import { sortBy } from '../sortBy.js';
import { sortByMaxima } from '../sortByMaxima.js';
import { sortByMinima } from '../sortByMinima.js';
import { sortByName } from '../sortByName.js';
import { sortByTotal } from '../sortByTotal.js';
import type { FunctionDef } from '../types.js';

export const functions: readonly FunctionDef[] = [
  sortBy,
  sortByMaxima,
  sortByMinima,
  sortByName,
  sortByTotal,
  removeAbovePercentile,
  removeAboveValue,
  removeBelowPercentile,
  removeBelowValue,
];
