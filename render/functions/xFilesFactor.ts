// xFilesFactor(seriesList, xFilesFactor): the short name of setXFilesFactor (graphite-web SeriesFunctions).
import { setXFilesFactor } from './setXFilesFactor.js';
import type { FunctionDef } from './types.js';

export const xFilesFactor: FunctionDef = { ...setXFilesFactor, name: 'xFilesFactor' };
