// Chooses the output format of a /render answer (graphite-web renderView's format dispatch, §1.6); json
// applies maxDataPoints consolidation and noNullPoints first.
import type { RenderRequest } from './request.js';
import type { Series } from './series.js';

export interface RenderResponse {
  body: string | Buffer;
  contentType: string;
}

export function respond(r: RenderRequest, series: Series[]): RenderResponse {
  // PLACEHOLDER until render/format lands
  return {
    body: JSON.stringify(series.map((s) => ({ target: s.name, tags: s.tags, datapoints: s.datapoints() }))),
    contentType: r.format === 'json' ? 'application/json' : 'text/plain',
  };
}
