// Series made from the request window alone (graphite-web functions.py timeFunction, sinFunction,
// randomWalkFunction): one value per step from `from` while before `until`.
import { badArgument } from '../../errors.js';
import { Series, type Value } from '../../series.js';
import type { Call } from '../types.js';

/** A series `name` over the request window with `value(t, index)` at each step from startTime. */
export function generate(call: Call, name: string, step: number, value: (t: number) => Value): Series {
  // graphite-web loops forever on a step that does not advance
  if (step <= 0) throw badArgument(call.name, 'step', `the step must be positive: ${step}`, step);
  const { startTime, endTime, xFilesFactor } = call.ctx;
  const values: Value[] = [];
  for (let t = startTime; t < endTime; t += step) values.push(value(t));
  return new Series({
    name,
    start: Math.trunc(startTime),
    end: Math.trunc(endTime),
    step,
    values,
    xFilesFactor,
  });
}
