// movingMin: the moving min over a window of points or an interval (graphite-web functions.py movingMin, a
// movingWindow with func 'min').
import { movingFunction } from './common/calc-moving.js';

export const movingMin = movingFunction(
  'movingMin',
  'min',
  "Each point becomes the minimum of the points in the window before it (a count of points or an interval such as '5min'); xFilesFactor sets the share of non-null points a window needs.",
);
