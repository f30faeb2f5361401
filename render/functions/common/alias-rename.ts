// Renaming and re-tagging a series the way graphite-web's Alias/Special/Graph functions do (functions.py
// assigns series.name, series.tags[k], series.options[k] in place): here on a copy that keeps the options.
import type { Series, SeriesInit } from '../../series.js';

/**
 * A copy of `series` with `changes`, extra `tags` and extra graph `options`. Unlike Series.copy it keeps
 * the graph options and valuesPerPoint, because graphite-web mutates the series itself and nothing is lost.
 */
export function derive(
  series: Series,
  changes: Partial<SeriesInit> = {},
  tags: Record<string, string> = {},
  options: Record<string, unknown> = {},
): Series {
  const out = series.copy({ ...changes, tags: { ...(changes.tags ?? series.tags), ...tags } });
  out.options = { ...series.options, ...options };
  out.valuesPerPoint = series.valuesPerPoint;
  return out;
}

/** A copy of `series` named `name` (pathExpression and tags unchanged, as graphite-web's alias). */
export function renamed(series: Series, name: string): Series {
  return derive(series, { name });
}
