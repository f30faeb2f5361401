// render/ public surface: the expression language, the function library and the output formats.
// src/ imports render only through this file.
export { RENDER_ERRORS, RenderError, type RenderErrorCode } from './errors.js';
export { pyFormatG, pyRepr, pyStr } from './python-format.js';
export { Series, parseTags, type ConsolidationFunc, type Value } from './series.js';
export type {
  CompiledRegex,
  EventsSource,
  FetchedSeries,
  RegexCompiler,
  RenderEvent,
  RequestContext,
  SeriesSource,
} from './context.js';
export { parseATTime, parseDateArg, parseInterval, parseTimeOffset } from './time/attime.js';
export { formatLocalTime, isTimeZone, resolveTimeZone } from './time/tz.js';
export { parse } from './parser/parser.js';
export type { Node, CallNode } from './parser/ast.js';
export { Evaluation, pathExpressionsOf } from './evaluate.js';
export {
  DATA_FORMATS,
  parseRenderRequest,
  type DataFormat,
  type RenderDefaults,
  type RenderParams,
  type RenderRequest,
} from './request.js';
export { FunctionRegistry, defaultRegistry, functionInfo, signatureOf } from './functions/registry.js';
export type { FunctionDef, ParamDef } from './functions/types.js';
export { respond, type RenderResponse } from './respond.js';
export * from './format/index.js';
export { consolidateForJson } from './consolidate.js';
export { PyFloat, PyFloatList, PyTuple, pickle } from './format/pickle-encode.js';
