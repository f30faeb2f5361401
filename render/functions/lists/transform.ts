// The transform functions, one file each in render/functions/; registered by render/functions/registry.ts.
// randomWalkFunction/randomWalk (graphite-web group Special) are registered here with their siblings.
import type { FunctionDef } from '../types.js';
import { absolute } from '../absolute.js';
import { add } from '../add.js';
import { compressPeriodicGaps } from '../compressPeriodicGaps.js';
import { delay } from '../delay.js';
import { derivative } from '../derivative.js';
import { exp } from '../exp.js';
import { hitcount } from '../hitcount.js';
import { integral } from '../integral.js';
import { integralByInterval } from '../integralByInterval.js';
import { interpolate } from '../interpolate.js';
import { invert } from '../invert.js';
import { isNonNull } from '../isNonNull.js';
import { keepLastValue } from '../keepLastValue.js';
import { log } from '../log.js';
import { logit } from '../logit.js';
import { minMax } from '../minMax.js';
import { nonNegativeDerivative } from '../nonNegativeDerivative.js';
import { offset } from '../offset.js';
import { offsetToZero } from '../offsetToZero.js';
import { perSecond } from '../perSecond.js';
import { pow } from '../pow.js';
import { randomWalk } from '../randomWalk.js';
import { randomWalkFunction } from '../randomWalkFunction.js';
import { round } from '../round.js';
import { scale } from '../scale.js';
import { scaleToSeconds } from '../scaleToSeconds.js';
import { sigmoid } from '../sigmoid.js';
import { sin } from '../sin.js';
import { sinFunction } from '../sinFunction.js';
import { smartSummarize } from '../smartSummarize.js';
import { squareRoot } from '../squareRoot.js';
import { summarize } from '../summarize.js';
import { time } from '../time.js';
import { timeFunction } from '../timeFunction.js';
import { timeShift } from '../timeShift.js';
import { timeSlice } from '../timeSlice.js';
import { timeStack } from '../timeStack.js';
import { transformNull } from '../transformNull.js';

export const functions: readonly FunctionDef[] = [
  absolute,
  add,
  compressPeriodicGaps,
  delay,
  derivative,
  exp,
  hitcount,
  integral,
  integralByInterval,
  interpolate,
  invert,
  isNonNull,
  keepLastValue,
  log,
  logit,
  minMax,
  nonNegativeDerivative,
  offset,
  offsetToZero,
  perSecond,
  pow,
  randomWalk,
  randomWalkFunction,
  round,
  scale,
  scaleToSeconds,
  sigmoid,
  sin,
  sinFunction,
  smartSummarize,
  squareRoot,
  summarize,
  time,
  timeFunction,
  timeShift,
  timeSlice,
  timeStack,
  transformNull,
];
