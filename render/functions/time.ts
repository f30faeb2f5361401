// time(name, step): the short name of timeFunction (graphite-web registers both).
import { timeFunction } from './timeFunction.js';
import type { FunctionDef } from './types.js';

/** `time(name, step)`: timeFunction under its short name. */
export const time: FunctionDef = { ...timeFunction, name: 'time' };
