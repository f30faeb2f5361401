// Writes a /render answer in the asked format (graphite-web renderView's format dispatch, §1.6). json applies
// maxDataPoints consolidation and noNullPoints; csv prints times in the request's zone.
import { RENDER_FORMATS } from './format/index.js';
import type { FormatResult } from './format/types.js';
import type { RenderRequest } from './request.js';
import type { Series } from './series.js';

export type RenderResponse = FormatResult;

export function respond(r: RenderRequest, series: Series[]): RenderResponse {
  return RENDER_FORMATS[r.format](series, {
    pretty: r.pretty,
    noNullPoints: r.noNullPoints,
    tz: r.tz,
    ...(r.jsonp !== undefined ? { jsonp: r.jsonp } : {}),
    ...(r.maxDataPoints !== undefined && r.maxDataPoints > 0 ? { maxDataPoints: r.maxDataPoints } : {}),
  });
}
