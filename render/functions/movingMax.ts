// movingMax: the moving max over a window of points or an interval (graphite-web functions.py movingMax, a
// movingWindow with func 'max').
import type { Series } from '../series.js';
import { movingWindow, windowSizeArg, WINDOW_SIZE_PARAM } from './common/calc-moving.js';
import type { FunctionDef } from './types.js';

export const movingMax: FunctionDef = {
  name: 'movingMax',
  group: 'Calculate',
  description:
    "Each point becomes the maximum of the points in the window before it (a count of points or an interval such as '5min'); xFilesFactor sets the share of non-null points a window needs.",
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
      'max',
      (xFilesFactor ?? null) as number | null,
    ),
};
