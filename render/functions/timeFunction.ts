// timeFunction(name, step): a series whose value is its own timestamp (graphite-web functions.py timeFunction).
import type { FunctionDef } from './types.js';
import { generate } from './common/transform-generate.js';

/** `name` with value = timestamp every `step` seconds from `from` (not aligned to the step). */
export const timeFunction: FunctionDef = {
  name: 'timeFunction',
  group: 'Transform',
  description: 'A series named name whose value at each step is the timestamp itself.',
  params: [
    { name: 'name', type: 'string', required: true },
    { name: 'step', type: 'integer', default: 60 },
  ],
  fn: (call, [name, step]) => [generate(call, name as string, step as number, (t) => t)],
};
