// summarize(seriesList, intervalString, func, alignToFrom): one aggregated point per interval (graphite-web
// functions.py summarize/_summarizeValues). Buckets sit on epoch multiples of the interval unless alignToFrom.
import type { Series } from '../series.js';
import { getAggFunc, type AggFunc } from './aggfuncs.js';
import { bucketSeconds, summarizeValues } from './common/transform-buckets.js';
import { SERIES_LIST } from './common/transform-series.js';
import type { FunctionDef } from './types.js';

/**
 * `summarize(x, "1h", "sum")` (`, true` appended with alignToFrom). Epoch-aligned: start floors to the
 * interval, end = floor(end) + interval; from-aligned: start stays, end is where the last bucket ends.
 */
export const summarize: FunctionDef = {
  name: 'summarize',
  group: 'Transform',
  description:
    'Aggregates each interval into one point with func (sum by default); buckets align to the epoch or, with alignToFrom, to the series start.',
  params: [
    SERIES_LIST,
    { name: 'intervalString', type: 'interval', required: true, suggestions: ['10min', '1h', '1d'] },
    { name: 'func', type: 'aggFunc', default: 'sum' },
    { name: 'alignToFrom', type: 'boolean', default: false },
  ],
  fn: (call, [seriesList, intervalString, func, alignToFrom]) => {
    const text = intervalString as string;
    const interval = bucketSeconds(call.name, 'intervalString', text);
    const agg = getAggFunc(func as string) as AggFunc;
    const fromAligned = alignToFrom === true;
    return (seriesList as Series[]).map((s) => {
      const start = fromAligned ? s.start : s.start - mod(s.start, interval);
      let end = fromAligned ? s.end : s.end - mod(s.end, interval) + interval;
      const { values, alignedEnd } = summarizeValues(s, agg, interval, start, end);
      if (fromAligned) end = alignedEnd;
      const name = `summarize(${s.name}, "${text}", "${func as string}"${fromAligned ? ', true' : ''})`;
      const tags = { ...s.tags, summarize: text, summarizeFunction: func as string };
      return s.copy({ name, start, end, step: interval, values, pathExpression: name, tags });
    });
  },
};

/** Python's % (the sign of the divisor). */
function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}
