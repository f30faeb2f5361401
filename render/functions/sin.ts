// sin(name, amplitude, step): the short name of sinFunction (graphite-web registers both).
import { sinFunction } from './sinFunction.js';
import type { FunctionDef } from './types.js';

/** `sin(name, amplitude, step)`: sinFunction under its short name. */
export const sin: FunctionDef = { ...sinFunction, name: 'sin' };
