// randomWalk(name, step): the short name of randomWalkFunction (graphite-web registers both).
import { randomWalkFunction } from './randomWalkFunction.js';
import type { FunctionDef } from './types.js';

/** `randomWalk(name, step)`: randomWalkFunction under its short name. */
export const randomWalk: FunctionDef = { ...randomWalkFunction, name: 'randomWalk' };
