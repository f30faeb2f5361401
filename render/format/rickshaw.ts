// format=rickshaw as graphite-web's renderViewRickshaw writes it: json.dumps of
// `[{"target": name, "datapoints": [{"x": ts, "y": value}, …]}]` (indent 2 with pretty).
import type { Series } from '../series.js';
import { type PyJson, pyJsonDumps } from './py-json.js';
import { type FormatOptions, type FormatResult, withJsonp } from './types.js';

/**
 * format=rickshaw (application/json, or jsonp). Unlike json, graphite-web does not rewrite NaN and
 * ±Infinity here, so they appear as Python's bare NaN / Infinity / -Infinity tokens, as in graphite-web.
 */
export function formatRickshaw(series: readonly Series[], options: FormatOptions = {}): FormatResult {
  const data: PyJson[] = series.map((s) => {
    const values = s.points();
    const datapoints: PyJson[] = [];
    for (let i = 0, t = s.start; i < values.length && t < s.end; i++, t += s.step) {
      datapoints.push({ x: Number.isInteger(t) ? BigInt(t) : t, y: values[i] ?? null });
    }
    return { target: s.name, datapoints };
  });
  return withJsonp(pyJsonDumps(data, options.pretty === true ? 2 : null), options);
}
