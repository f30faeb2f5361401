// movingMax: the moving max over a window of points or an interval (graphite-web functions.py movingMax, a
// movingWindow with func 'max').
import { movingFunction } from './common/calc-moving.js';

export const movingMax = movingFunction(
  'movingMax',
  'max',
  "Each point becomes the maximum of the points in the window before it (a count of points or an interval such as '5min'); xFilesFactor sets the share of non-null points a window needs.",
);
