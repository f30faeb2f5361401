// The shape every /render output format shares (one format per file in render/format/, after graphite-web's
// render/views.py renderView* functions): series in, body and content type out.
import type { Series } from '../series.js';

/** Request options the formats read (graphite-web's requestOptions). */
export interface FormatOptions {
  /** `pretty=1`: json and rickshaw indent by 2. */
  pretty?: boolean;
  /** `jsonp=cb` (with `format=`): json, dygraph and rickshaw answer `cb(...)` as text/javascript. */
  jsonp?: string;
  /** `noNullPoints`: json drops null and NaN points, and series left without points. */
  noNullPoints?: boolean;
  /** `maxDataPoints`: json consolidates each series to at most about this many points (§2.3). */
  maxDataPoints?: number;
  /** IANA (pytz) zone for csv timestamps; UTC when absent. */
  tz?: string;
}

/** A rendered answer: the exact body bytes and the Content-Type graphite-web sends. */
export interface FormatResult {
  body: string | Buffer;
  contentType: string;
}

/** One output format. Formats do not modify the series they are given. */
export type Formatter = (series: readonly Series[], options?: FormatOptions) => FormatResult;

/** graphite-web's jsonp wrapping, shared by json, dygraph and rickshaw. */
export function withJsonp(output: string, options: FormatOptions): FormatResult {
  if (options.jsonp !== undefined)
    return { body: `${options.jsonp}(${output})`, contentType: 'text/javascript' };
  return { body: output, contentType: 'application/json' };
}
