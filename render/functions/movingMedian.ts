// movingMedian: the moving median over a window of points or an interval (graphite-web functions.py
// movingMedian, a movingWindow with func 'median').
import type { Series } from '../series.js';
import { movingWindow, windowSizeArg, WINDOW_SIZE_PARAM } from './common/calc-moving.js';
import type { FunctionDef } from './types.js';

export const movingMedian: FunctionDef = {
  name: 'movingMedian',
  group: 'Calculate',
  description:
    "Each point becomes the median of the points in the window before it (a count of points or an interval such as '5min'); xFilesFactor sets the share of non-null points a window needs.",
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    WINDOW_SIZE_PARAM,
    { name: 'xFilesFactor', type: 'float' },
  ],
  fn: (call, [seriesList, windowSize, xFilesFactor]) =>
    movingWindow(
      call,
      seriesList as Series[],
      windowSizeArg(call.name, windowSize ?? null),
      'median',
      (xFilesFactor ?? null) as number | null,
    ),
};
