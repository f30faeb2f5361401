// movingAverage: the moving average over a window of points or an interval (graphite-web functions.py
// movingAverage, a movingWindow with func 'average').
import { movingFunction } from './common/calc-moving.js';

export const movingAverage = movingFunction(
  'movingAverage',
  'average',
  "Each point becomes the average of the points in the window before it (a count of points or an interval such as '5min'); xFilesFactor sets the share of non-null points a window needs.",
);
