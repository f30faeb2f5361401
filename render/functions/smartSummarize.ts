// smartSummarize(seriesList, intervalString, func, alignTo): summarize with buckets starting at `from`, which
// alignTo first rounds down to a calendar unit before re-fetching (graphite-web functions.py smartSummarize).
import type { Series } from '../series.js';
import { getAggFunc, type AggFunc } from './aggfuncs.js';
import { bucketSeconds, summarizeValues } from './common/transform-buckets.js';
import { floorToUnit, type CalendarUnit } from './common/transform-calendar.js';
import { SERIES_LIST } from './common/transform-series.js';
import type { FunctionDef } from './types.js';

const UNITS: readonly CalendarUnit[] = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'];

/**
 * `smartSummarize(x, "1h", "sum")`: buckets from the series start; the end moves to where the last bucket
 * ends. alignTo true/false is the old alignToFrom flag, accepted and ignored as in graphite-web.
 */
export const smartSummarize: FunctionDef = {
  name: 'smartSummarize',
  group: 'Transform',
  description:
    'Aggregates each interval into one point with func, buckets starting at the start time, optionally rounded down to a calendar unit (alignTo).',
  params: [
    SERIES_LIST,
    { name: 'intervalString', type: 'interval', required: true, suggestions: ['10min', '1h', '1d'] },
    { name: 'func', type: 'aggFunc', default: 'sum' },
    {
      name: 'alignTo',
      type: 'string',
      // graphite-web lists the booleans and None too (the retired alignToFrom values); ParamDef's options
      // type has no room for them yet, hence the cast
      options: [false, null, true, ...UNITS] as unknown as readonly string[],
    },
  ],
  fn: async (call, [seriesList, intervalString, func, alignTo]) => {
    const text = intervalString as string;
    const interval = bucketSeconds(call.name, 'intervalString', text);
    const agg = getAggFunc(func as string) as AggFunc;
    let list = seriesList as Series[];
    if (typeof alignTo === 'string') {
      const startTime = floorToUnit(call.ctx.startTime, alignTo as CalendarUnit, call.ctx.tz);
      list = await call.evaluateArg(0, { startTime });
    }
    return list.map((s) => {
      const { values, alignedEnd } = summarizeValues(s, agg, interval);
      const name = `smartSummarize(${s.name}, "${text}", "${func as string}")`;
      const tags = { ...s.tags, smartSummarize: text, smartSummarizeFunction: func as string };
      return s.copy({ name, end: alignedEnd, step: interval, values, pathExpression: name, tags });
    });
  },
};
