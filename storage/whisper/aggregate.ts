// The eight whisper aggregation methods (graphite.md §7.2) with whisper.py's exact arithmetic: left-to-right
// float sums (CPython 3.11 `sum`), first-wins ties and NaN handling of Python's max/min, signed absmax/absmin.
import type { AggregationMethod } from './format.js';

/**
 * Aggregates one lower-archive interval from the first `count` entries of `known`: the non-empty
 * higher-archive slots of the interval in slot order (at least one), out of `slotCount` slots in all.
 */
export function aggregate(
  method: AggregationMethod,
  known: ArrayLike<number>,
  slotCount: number,
  count: number = known.length,
): number {
  switch (method) {
    case 'average':
      return sum(known, count) / count;
    case 'sum':
      return sum(known, count);
    case 'last':
      return known[count - 1] as number;
    case 'max':
      return pick(known, count, (candidate, best) => candidate > best);
    case 'min':
      return pick(known, count, (candidate, best) => candidate < best);
    case 'avg_zero':
      // whisper sums `x or 0` over every slot; adding the zeros of empty slots to a sum that starts at +0
      // changes nothing, so this is the same float.
      return sum(known, count) / slotCount;
    case 'absmax':
      return pick(known, count, (candidate, best) => Math.abs(candidate) > Math.abs(best));
    case 'absmin':
      return pick(known, count, (candidate, best) => Math.abs(candidate) < Math.abs(best));
  }
}

function sum(values: ArrayLike<number>, count: number): number {
  let total = 0;
  for (let i = 0; i < count; i++) {
    const v = values[i] as number;
    // NaN + NaN: C (and so CPython) keeps the left operand's bits; V8 may swap the operands.
    if (Number.isNaN(v) && Number.isNaN(total)) continue;
    total += v;
  }
  return total;
}

/** Python's max/min: keep the first item, replace it only when `better(item, kept)` is strictly true. */
function pick(
  values: ArrayLike<number>,
  count: number,
  better: (candidate: number, best: number) => boolean,
): number {
  let best = values[0] as number;
  for (let i = 1; i < count; i++) {
    const v = values[i] as number;
    if (better(v, best)) best = v;
  }
  return best;
}
