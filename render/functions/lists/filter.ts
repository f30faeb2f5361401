// The Filter Series functions, one file each in render/functions/; registered by registry.ts.
import { averageAbove } from '../averageAbove.js';
import { averageBelow } from '../averageBelow.js';
import { averageOutsidePercentile } from '../averageOutsidePercentile.js';
import { currentAbove } from '../currentAbove.js';
import { currentBelow } from '../currentBelow.js';
import { exclude } from '../exclude.js';
import { filterSeries } from '../filterSeries.js';
import { grep } from '../grep.js';
import { highest } from '../highest.js';
import { highestAverage } from '../highestAverage.js';
import { highestCurrent } from '../highestCurrent.js';
import { highestMax } from '../highestMax.js';
import { limit } from '../limit.js';
import { lowest } from '../lowest.js';
import { lowestAverage } from '../lowestAverage.js';
import { lowestCurrent } from '../lowestCurrent.js';
import { maximumAbove } from '../maximumAbove.js';
import { maximumBelow } from '../maximumBelow.js';
import { minimumAbove } from '../minimumAbove.js';
import { minimumBelow } from '../minimumBelow.js';
import { mostDeviant } from '../mostDeviant.js';
import { removeBetweenPercentile } from '../removeBetweenPercentile.js';
import { removeEmptySeries } from '../removeEmptySeries.js';
import { unique } from '../unique.js';
import { useSeriesAbove } from '../useSeriesAbove.js';
import type { FunctionDef } from '../types.js';

export const functions: readonly FunctionDef[] = [
  averageAbove,
  averageBelow,
  averageOutsidePercentile,
  currentAbove,
  currentBelow,
  exclude,
  filterSeries,
  grep,
  highest,
  highestAverage,
  highestCurrent,
  highestMax,
  limit,
  lowest,
  lowestAverage,
  lowestCurrent,
  maximumAbove,
  maximumBelow,
  minimumAbove,
  minimumBelow,
  mostDeviant,
  removeBetweenPercentile,
  removeEmptySeries,
  unique,
  useSeriesAbove,
];
