// sinFunction(name, amplitude, step): the sine of each timestamp (graphite-web functions.py sinFunction).
import type { FunctionDef } from './types.js';
import { generate } from './common/transform-generate.js';

/** `name` with value = sin(timestamp) × amplitude every `step` seconds from `from`. */
export const sinFunction: FunctionDef = {
  name: 'sinFunction',
  group: 'Transform',
  description: 'A series named name whose value is the sine of the timestamp (in seconds) times amplitude.',
  params: [
    { name: 'name', type: 'string', required: true },
    { name: 'amplitude', type: 'integer', default: 1 },
    { name: 'step', type: 'integer', default: 60 },
  ],
  fn: (call, [name, amplitude, step]) => [
    generate(call, name as string, step as number, (t) => Math.sin(t) * (amplitude as number)),
  ],
};
