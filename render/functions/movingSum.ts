// movingSum: the moving sum over a window of points or an interval (graphite-web functions.py movingSum, a
// movingWindow with func 'sum').
import { movingFunction } from './common/calc-moving.js';

export const movingSum = movingFunction(
  'movingSum',
  'sum',
  "Each point becomes the sum of the points in the window before it (a count of points or an interval such as '5min'); xFilesFactor sets the share of non-null points a window needs.",
);
