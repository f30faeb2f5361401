// movingMedian: the moving median over a window of points or an interval (graphite-web functions.py
// movingMedian, a movingWindow with func 'median').
import { movingFunction } from './common/calc-moving.js';

export const movingMedian = movingFunction(
  'movingMedian',
  'median',
  "Each point becomes the median of the points in the window before it (a count of points or an interval such as '5min'); xFilesFactor sets the share of non-null points a window needs.",
);
