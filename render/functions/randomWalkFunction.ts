// randomWalkFunction(name, step): a random walk from 0, for trying graphs without data (graphite-web
// functions.py randomWalkFunction); each step adds a uniform value in [-0.5, 0.5).
import type { FunctionDef } from './types.js';
import { generate } from './common/transform-generate.js';

/** `name` starting at 0, then the previous value plus random() − 0.5 every `step` seconds. */
export const randomWalkFunction: FunctionDef = {
  name: 'randomWalkFunction',
  group: 'Special',
  description: 'A series named name that starts at 0 and moves by a random amount in [-0.5, 0.5) each step.',
  params: [
    { name: 'name', type: 'string', required: true },
    { name: 'step', type: 'integer', default: 60 },
  ],
  fn: (call, [name, step]) => {
    let current = 0;
    return [
      generate(call, name as string, step as number, () => {
        const v = current;
        current += Math.random() - 0.5;
        return v;
      }),
    ];
  },
};
