// The Graph functions, one file each in render/functions/; registered by render/functions/registry.ts.
import { alpha } from '../alpha.js';
import { areaBetween } from '../areaBetween.js';
import { color } from '../color.js';
import { dashed } from '../dashed.js';
import { drawAsInfinite } from '../drawAsInfinite.js';
import { lineWidth } from '../lineWidth.js';
import { secondYAxis } from '../secondYAxis.js';
import { stacked } from '../stacked.js';
import { threshold } from '../threshold.js';
import { verticalLine } from '../verticalLine.js';
import type { FunctionDef } from '../types.js';

export const functions: readonly FunctionDef[] = [
  alpha,
  areaBetween,
  color,
  dashed,
  drawAsInfinite,
  lineWidth,
  secondYAxis,
  stacked,
  threshold,
  verticalLine,
];
