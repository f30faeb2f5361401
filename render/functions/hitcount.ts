// hitcount(seriesList, intervalString, alignToInterval): per-second rates turned into hits per interval,
// each point's hits spread over the buckets its step overlaps (graphite-web functions.py hitcount).
import { pySum } from './aggfuncs.js';
import type { Series, Value } from '../series.js';
import { bucketSeconds } from './common/transform-buckets.js';
import { floorToUnit } from './common/transform-calendar.js';
import { SERIES_LIST } from './common/transform-series.js';
import type { FunctionDef } from './types.js';

const DAY = 86_400;
const HOUR = 3_600;
const MINUTE = 60;

/** Buckets end at the series' end; a point's value × seconds of overlap goes to each bucket it touches. */
function countHits(s: Series, interval: number, end: number): { start: number; values: Value[] } {
  const step = Math.trunc(s.step);
  const bucketCount = Math.ceil((end - s.start) / interval);
  const buckets: number[][] = Array.from({ length: Math.max(0, bucketCount) }, () => []);
  const newStart = Math.trunc(end - bucketCount * interval);
  s.points().forEach((value, i) => {
    if (value === null) return;
    const startTime = Math.trunc(s.start + i * step);
    const startBucket = Math.floor((startTime - newStart) / interval);
    const startMod = startTime - newStart - startBucket * interval;
    const endTime = startTime + step;
    let endBucket = Math.floor((endTime - newStart) / interval);
    let endMod = endTime - newStart - endBucket * interval;
    if (endBucket >= bucketCount) {
      endBucket = bucketCount - 1;
      endMod = interval;
    }
    if (startBucket >= bucketCount) return;
    if (startBucket === endBucket) {
      if (startBucket >= 0) buckets[startBucket]?.push(value * (endMod - startMod));
      return;
    }
    if (startBucket >= 0) buckets[startBucket]?.push(value * (interval - startMod));
    for (let j = startBucket + 1; j < endBucket; j++) buckets[j]?.push(value * interval);
    if (endMod > 0) buckets[endBucket]?.push(value * endMod);
  });
  return { start: newStart, values: buckets.map((b) => (b.length > 0 ? pySum(b) : null)) };
}

/**
 * `hitcount(x, "1h")` (`, true` with alignToInterval, which re-fetches from the start of the day, hour or
 * minute containing `from` and stretches the end to whole intervals). The end is kept; start = end − n × interval.
 */
export const hitcount: FunctionDef = {
  name: 'hitcount',
  group: 'Transform',
  description:
    'Turns per-second rates into hit counts per interval, splitting each point across the buckets it overlaps.',
  params: [
    SERIES_LIST,
    { name: 'intervalString', type: 'interval', required: true, suggestions: ['10min', '1h', '1d'] },
    { name: 'alignToInterval', type: 'boolean', default: false },
  ],
  fn: async (call, [seriesList, intervalString, alignToInterval]) => {
    const text = intervalString as string;
    const interval = Math.trunc(bucketSeconds(call.name, 'intervalString', text));
    const aligned = alignToInterval === true;
    let list = seriesList as Series[];
    if (aligned) {
      const { startTime, tz } = call.ctx;
      const unit =
        interval >= DAY ? 'days' : interval >= HOUR ? 'hours' : interval >= MINUTE ? 'minutes' : null;
      list = await call.evaluateArg(0, {
        startTime: unit === null ? startTime : floorToUnit(startTime, unit, tz),
      });
    }
    return list.map((s) => {
      // aligned: the end grows to a whole number of intervals from the (re-fetched) start
      const end = aligned ? s.start + Math.floor((s.end - s.start) / interval) * interval + interval : s.end;
      const { start, values } = countHits(s, interval, end);
      const name = `hitcount(${s.name}, "${text}"${aligned ? ', true' : ''})`;
      const tags = { ...s.tags, hitcount: text };
      return s.copy({ name, start, end, step: interval, values, pathExpression: name, tags });
    });
  },
};
