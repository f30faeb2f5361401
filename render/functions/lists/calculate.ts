// The calculate functions, one file each in render/functions/; registered by render/functions/registry.ts.
import { aggregateLine } from '../aggregateLine.js';
import { exponentialMovingAverage } from '../exponentialMovingAverage.js';
import { holtWintersAberration } from '../holtWintersAberration.js';
import { holtWintersConfidenceArea } from '../holtWintersConfidenceArea.js';
import { holtWintersConfidenceBands } from '../holtWintersConfidenceBands.js';
import { holtWintersForecast } from '../holtWintersForecast.js';
import { identity } from '../identity.js';
import { linearRegression } from '../linearRegression.js';
import { movingAverage } from '../movingAverage.js';
import { movingMax } from '../movingMax.js';
import { movingMedian } from '../movingMedian.js';
import { movingMin } from '../movingMin.js';
import { movingSum } from '../movingSum.js';
import { movingWindow } from '../movingWindow.js';
import { nPercentile } from '../nPercentile.js';
import { stdev } from '../stdev.js';
import type { FunctionDef } from '../types.js';

export const functions: readonly FunctionDef[] = [
  aggregateLine,
  exponentialMovingAverage,
  holtWintersAberration,
  holtWintersConfidenceArea,
  holtWintersConfidenceBands,
  holtWintersForecast,
  identity,
  linearRegression,
  movingAverage,
  movingMax,
  movingMedian,
  movingMin,
  movingSum,
  movingWindow,
  nPercentile,
  stdev,
];
