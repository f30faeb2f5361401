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
export { parseATTime, parseTimeOffset } from './time/attime.js';
