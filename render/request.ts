// The /render request options, read as graphite-web's render/views.py parseOptions reads them (§1.2):
// targets, format, from/until/now/tz, maxDataPoints, noNullPoints, pretty, jsonp, noCache/cacheTimeout,
// local, xFilesFactor and template[k]=v. Single-valued keys take the last value (Django QueryDict).
import { RenderError } from './errors.js';
import { parseATTime } from './time/attime.js';
import { resolveTimeZone } from './time/tz.js';

export type RenderParams = ReadonlyMap<string, readonly string[]>;

/** The formats answered with data; png/svg/pdf (graphs) are refused until graphs land. */
export const DATA_FORMATS = ['json', 'csv', 'raw', 'pickle', 'msgpack', 'dygraph', 'rickshaw'] as const;
export type DataFormat = (typeof DATA_FORMATS)[number];

export interface RenderRequest {
  targets: string[];
  format: DataFormat;
  startTime: number;
  endTime: number;
  now: number;
  tz: string;
  maxDataPoints?: number;
  noNullPoints: boolean;
  pretty: boolean;
  jsonp?: string;
  noCache: boolean;
  cacheTimeout: number;
  localOnly: boolean;
  xFilesFactor: number;
  template: Record<string, string>;
}

export interface RenderDefaults {
  /** Zone used when `tz` is absent or unknown (graphite-web's TIME_ZONE). */
  timeZone: string;
  /** DEFAULT_CACHE_DURATION. */
  cacheTimeout: number;
}

function last(params: RenderParams, key: string): string | undefined {
  const list = params.get(key);
  return list === undefined ? undefined : list[list.length - 1];
}

function badParam(message: string, param: string, value?: string): RenderError {
  return new RenderError('RENDER_ERR_BAD_PARAMETER', message, { context: { param, value } });
}

/** Reads a /render request; `realNow` is the wall clock in epoch seconds. */
export function parseRenderRequest(
  params: RenderParams,
  realNow: number,
  defaults: RenderDefaults,
): RenderRequest {
  const graphType = last(params, 'graphType') ?? 'line';
  if (graphType !== 'line' && graphType !== 'pie')
    throw badParam(
      `Invalid graphType '${graphType}', must be one of ['line', 'pie']`,
      'graphType',
      graphType,
    );

  const targets = [...(params.get('target') ?? [])].filter((t) => t.trim() !== '');
  const template: Record<string, string> = {};
  for (const [key, values] of params) {
    if (key.startsWith('template[') && key.endsWith(']')) template[key.slice(9, -1)] = values.at(-1) ?? '';
  }

  let format: string | undefined;
  if (params.has('pickle')) format = 'pickle';
  if (params.has('rawData')) format = 'raw';
  const explicit = last(params, 'format');
  if (explicit !== undefined) format = explicit;
  if (format === undefined || !(DATA_FORMATS as readonly string[]).includes(format) || graphType === 'pie') {
    const asked = graphType === 'pie' ? 'graphType=pie' : `format=${format ?? 'png'}`;
    throw new RenderError(
      'RENDER_ERR_UNSUPPORTED_FORMAT',
      `${asked} asks for a rendered graph, which carbonado does not draw yet; ` +
        `use format=${DATA_FORMATS.join(', ')}`,
      { context: { format: format ?? 'png' } },
    );
  }

  const tzParam = last(params, 'tz');
  // an unknown zone falls back silently, as graphite-web's pytz lookup does
  const tz = resolveTimeZone(tzParam, defaults.timeZone);
  const nowParam = last(params, 'now');
  const now = nowParam === undefined ? Math.floor(realNow) : parseATTime(nowParam, tz, Math.floor(realNow));
  const untilParam = last(params, 'until');
  const fromParam = last(params, 'from');
  const until = untilParam === undefined ? now : parseATTime(untilParam, tz, now);
  const from = fromParam === undefined ? parseATTime('-1d', tz, now) : parseATTime(fromParam, tz, now);
  const startTime = Math.min(from, until);
  const endTime = Math.max(from, until);
  if (startTime === endTime) throw badParam('Invalid empty time range', 'from', fromParam);

  const cacheRaw = last(params, 'cacheTimeout');
  let cacheTimeout = defaults.cacheTimeout;
  if (cacheRaw !== undefined) {
    if (!/^\s*[-+]?\d+\s*$/.test(cacheRaw))
      throw badParam(
        `Invalid cacheTimeout ${JSON.stringify(cacheRaw)}: an integer is expected`,
        'cacheTimeout',
        cacheRaw,
      );
    cacheTimeout = Number(cacheRaw);
  }

  const mdp = last(params, 'maxDataPoints');
  const xffRaw = last(params, 'xFilesFactor');
  let xFilesFactor = 0;
  if (xffRaw !== undefined) {
    xFilesFactor = Number(xffRaw.trim());
    if (xffRaw.trim() === '' || Number.isNaN(xFilesFactor))
      throw badParam(
        `Invalid xFilesFactor ${JSON.stringify(xffRaw)}: a number is expected`,
        'xFilesFactor',
        xffRaw,
      );
  }
  const jsonp = explicit !== undefined ? last(params, 'jsonp') : undefined;
  return {
    targets,
    format: format as DataFormat,
    startTime,
    endTime,
    now,
    tz,
    ...(mdp !== undefined && /^\d+$/.test(mdp) ? { maxDataPoints: Number(mdp) } : {}),
    noNullPoints: params.has('noNullPoints'),
    pretty: (last(params, 'pretty') ?? '') !== '',
    ...(jsonp !== undefined ? { jsonp } : {}),
    noCache: params.has('noCache') || cacheTimeout === 0,
    cacheTimeout,
    localOnly: last(params, 'local') === '1',
    xFilesFactor,
    template,
  };
}
