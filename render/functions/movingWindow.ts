// movingWindow: any aggregation function over a moving window of points or an interval (graphite-web
// functions.py movingWindow); the series is renamed after the function, e.g. movingMedian(x,5).
import type { Series } from '../series.js';
import { movingWindow as moving, windowSizeArg, WINDOW_SIZE_PARAM } from './common/calc-moving.js';
import type { FunctionDef } from './types.js';

export const movingWindow: FunctionDef = {
  name: 'movingWindow',
  group: 'Calculate',
  description:
    "Each point becomes func (average by default) of the points in the window before it (a count of points or an interval such as '5min'); xFilesFactor sets the share of non-null points a window needs.",
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    WINDOW_SIZE_PARAM,
    { name: 'func', type: 'aggFunc', default: 'average' },
    { name: 'xFilesFactor', type: 'float' },
  ],
  fn: (call, [seriesList, windowSize, func, xFilesFactor]) =>
    moving(
      call,
      seriesList as Series[],
      windowSizeArg(call.name, windowSize ?? null),
      func as string,
      (xFilesFactor ?? null) as number | null,
    ),
};
