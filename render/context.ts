// What evaluation needs from the outside world, as interfaces src/ implements (render/ stays pure): the
// series source (find + read-through fetch, bulk), the regex engine, and the events store.
import type { Series } from './series.js';

/** One fetched series, labelled with the path expression (or `seriesByTag(...)` call text) it answers. */
export interface FetchedSeries {
  name: string;
  pathExpression: string;
  start: number;
  end: number;
  step: number;
  values: (number | null)[];
}

/**
 * Where series come from. `fetch` resolves every expression (globs, braces, plain names, and whole
 * `seriesByTag('…')` calls) over [from, until] as of `now` (seconds) and returns one entry per matching
 * series, labelled with the expression that found it; expressions that match nothing return nothing.
 */
export interface SeriesSource {
  fetch(
    pathExpressions: readonly string[],
    from: number,
    until: number,
    now: number,
  ): Promise<FetchedSeries[]>;
}

/** A compiled regular expression with Python `re` semantics that runs in linear time. */
export interface CompiledRegex {
  readonly source: string;
  /** re.search(pattern, s) is not None. */
  search(s: string): boolean;
  /** re.sub(pattern, replacement, s): every non-overlapping match replaced; `\1`, `\g<1>`, `\g<name>`. */
  sub(replacement: string, s: string): string;
}

/** Compiles Python regexes; throws (any error) when the pattern is invalid or cannot run in linear time. */
export type RegexCompiler = (pattern: string) => CompiledRegex;

/** An event as graphite-web's events API stores it. */
export interface RenderEvent {
  id: number;
  when: number;
  what: string;
  data: string;
  tags: string[];
}

/** Events for the events() function: those in [from, until] carrying all `tags` (every event when empty). */
export interface EventsSource {
  find(from: number, until: number, tags: readonly string[]): Promise<RenderEvent[]>;
}

/** The request a target is evaluated for (graphite-web's requestContext). Times are epoch seconds. */
export interface RequestContext {
  startTime: number;
  endTime: number;
  now: number;
  /** IANA zone for date arguments and csv timestamps. */
  tz: string;
  /** Request xFilesFactor (DEFAULT_XFILES_FACTOR = 0). */
  xFilesFactor: number;
  /** `template[k]=v` request parameters. */
  template: Record<string, string>;
  /** `local=1`: answer from local data only (passed to the source). */
  localOnly: boolean;
  maxDataPoints?: number;
  source: SeriesSource;
  regex: RegexCompiler;
  events?: EventsSource;
}

export type { Series };
