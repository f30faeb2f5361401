// The Special functions, one file each in render/functions/; registered by render/functions/registry.ts.
import { cactiStyle } from '../cactiStyle.js';
import { changed } from '../changed.js';
import { consolidateBy } from '../consolidateBy.js';
import { constantLine } from '../constantLine.js';
import { cumulative } from '../cumulative.js';
import { events } from '../events.js';
import { fallbackSeries } from '../fallbackSeries.js';
import { seriesByTag } from '../seriesByTag.js';
import { setXFilesFactor } from '../setXFilesFactor.js';
import { substr } from '../substr.js';
import { xFilesFactor } from '../xFilesFactor.js';
import type { FunctionDef } from '../types.js';

export const functions: readonly FunctionDef[] = [
  cactiStyle,
  changed,
  consolidateBy,
  constantLine,
  cumulative,
  events,
  fallbackSeries,
  seriesByTag,
  setXFilesFactor,
  substr,
  xFilesFactor,
];
