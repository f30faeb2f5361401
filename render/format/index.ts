// The /render output formats by their `format=` name (graphite-web's render/views.py renderView* set).
import { formatCsv } from './csv.js';
import { formatDygraph } from './dygraph.js';
import { formatJson } from './json.js';
import { formatMsgpack } from './msgpack.js';
import { formatPickle } from './pickle.js';
import { formatRaw } from './raw.js';
import { formatRickshaw } from './rickshaw.js';
import type { Formatter } from './types.js';

/** Every data format graphite-web's /render serves (images aside), keyed by `format=`. */
export const RENDER_FORMATS = {
  json: formatJson,
  csv: formatCsv,
  raw: formatRaw,
  pickle: formatPickle,
  msgpack: formatMsgpack,
  dygraph: formatDygraph,
  rickshaw: formatRickshaw,
} as const satisfies Record<string, Formatter>;

export type RenderFormat = keyof typeof RENDER_FORMATS;

export { formatCsv, formatDygraph, formatJson, formatMsgpack, formatPickle, formatRaw, formatRickshaw };
export type { FormatOptions, FormatResult, Formatter } from './types.js';
