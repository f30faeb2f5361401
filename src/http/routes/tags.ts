// graphite-web's tag API over the metric index: /tags, /tags/<tag>, tagSeries, tagMultiSeries, delSeries,
// findSeries, autoComplete/tags and autoComplete/values, with graphite-web's shapes (graphite.md §4.2).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { MetricIndex } from '../../../storage/index.js';
import { normalizeMetricName } from '../../ingest/metric-name.js';
import { BadRequest, type Params, first, limitParam, requestParams } from '../params.js';

export interface TagRouteOptions {
  index: MetricIndex;
  /** Default for autoComplete limits (graphite-web TAGDB_AUTOCOMPLETE_LIMIT). */
  autocompleteLimit: number;
  now: () => number;
}

function escapeRegex(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** graphite-web jsonResponse: `pretty` → indent 2 and sorted keys; `jsonp` wrapper. */
function send(reply: FastifyReply, params: Params, value: unknown, status = 200): FastifyReply {
  const pretty = first(params, 'pretty');
  const json =
    pretty !== undefined && pretty !== '' && pretty !== '0'
      ? JSON.stringify(sortKeys(value), null, 2)
      : JSON.stringify(value);
  const jsonp = first(params, 'jsonp');
  if (jsonp !== undefined && jsonp !== '')
    return reply.code(status).type('text/javascript').send(`${jsonp}(${json})`);
  return reply.code(status).type('application/json').send(json);
}

function paths(params: Params): string[] {
  return params.get('path') ?? [];
}

function canonical(path: string): string {
  const checked = normalizeMetricName(path);
  if (!checked.ok) throw new BadRequest(`invalid series name ${JSON.stringify(path)}: ${checked.reason}`);
  return checked.name;
}

function expressions(params: Params): string[] {
  return params.get('expr') ?? [];
}

/** Tag names of the series the expressions match, minus the tags the expressions use. */
async function tagsOfMatches(
  o: TagRouteOptions,
  exprs: string[],
  prefix: string,
  limit: number,
): Promise<string[]> {
  const searched = new Set(exprs.map((e) => /^([^;!=]+)/.exec(e)?.[1] ?? ''));
  const found = new Set<string>();
  for (const series of await o.index.findSeries(exprs)) {
    for (const part of series.split(';').slice(1)) {
      const tag = part.slice(0, part.indexOf('='));
      if (!searched.has(tag) && tag.startsWith(prefix)) found.add(tag);
    }
    if (!searched.has('name') && 'name'.startsWith(prefix)) found.add('name');
  }
  return [...found].sort().slice(0, limit);
}

export function registerTagRoutes(app: FastifyInstance, o: TagRouteOptions): void {
  const route = (
    url: string,
    methods: ('GET' | 'POST')[],
    handler: (params: Params, req: FastifyRequest) => Promise<unknown>,
  ) => {
    for (const u of [url, `${url}/`]) {
      app.route({
        method: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'],
        url: u,
        handler: async (req, reply) => {
          if (!methods.includes(req.method as 'GET' | 'POST')) return reply.code(405).send('');
          const params = requestParams(req);
          try {
            return send(reply, params, await handler(params, req));
          } catch (err) {
            if (
              err instanceof BadRequest ||
              (err as { code?: string }).code?.startsWith('STORAGE_ERR_INVALID')
            ) {
              return send(reply, params, { error: (err as Error).message }, 400);
            }
            throw err;
          }
        },
      });
    }
  };

  route('/tags', ['GET'], async (params) => {
    const filter = first(params, 'filter');
    const tags = await o.index.tags({ ...(filter ? { filter } : {}), ...opt('limit', limitParam(params)) });
    return tags.map((t, i) => ({ id: i + 1, tag: t.tag }));
  });
  route('/tags/tagSeries', ['POST'], async (params) => {
    const path = first(params, 'path');
    if (path === undefined) throw new BadRequest('no path specified');
    const name = canonical(path);
    await o.index.add([{ name, seen: o.now() }]);
    return name;
  });
  route('/tags/tagMultiSeries', ['POST'], async (params) => {
    const names = paths(params).map(canonical);
    await o.index.add(names.map((name) => ({ name, seen: o.now() })));
    return names;
  });
  route('/tags/delSeries', ['POST'], async (params) => {
    await o.index.remove(paths(params).map(canonical));
    return true;
  });
  route('/tags/findSeries', ['GET', 'POST'], async (params) => {
    const exprs = expressions(params);
    if (exprs.length === 0) throw new BadRequest('no tag expressions specified');
    return o.index.findSeries(exprs, opt('limit', limitParam(params)));
  });
  route('/tags/autoComplete/tags', ['GET', 'POST'], async (params) => {
    const prefix = first(params, 'tagPrefix') ?? '';
    const limit = limitParam(params) ?? o.autocompleteLimit;
    const exprs = expressions(params);
    if (exprs.length > 0) return tagsOfMatches(o, exprs, prefix, limit);
    const tags = await o.index.tags({ ...(prefix ? { filter: escapeRegex(prefix) } : {}), limit });
    return tags.map((t) => t.tag);
  });
  route('/tags/autoComplete/values', ['GET', 'POST'], async (params) => {
    const tag = first(params, 'tag');
    if (tag === undefined || tag === '') throw new BadRequest('no tag specified');
    const prefix = first(params, 'valuePrefix') ?? '';
    const limit = limitParam(params) ?? o.autocompleteLimit;
    const exprs = expressions(params);
    if (exprs.length > 0) {
      const values = new Set<string>();
      for (const series of await o.index.findSeries([...exprs, `${tag}!=`])) {
        const value =
          tag === 'name'
            ? series.split(';')[0]
            : series
                .split(';')
                .find((p) => p.startsWith(`${tag}=`))
                ?.slice(tag.length + 1);
        if (value !== undefined && value.startsWith(prefix)) values.add(value);
      }
      return [...values].sort().slice(0, limit);
    }
    const values = await o.index.tagValues(tag, {
      ...(prefix ? { filter: escapeRegex(prefix) } : {}),
      limit,
    });
    return (values ?? []).map((v) => v.value);
  });
  // Registered last: /tags/<tag> must not shadow the fixed routes above.
  route('/tags/:tag', ['GET'], async (params, req) => {
    const tag = (req.params as { tag: string }).tag;
    const filter = first(params, 'filter');
    const values = await o.index.tagValues(tag, {
      ...(filter ? { filter } : {}),
      ...opt('limit', limitParam(params)),
    });
    if (values === undefined) return null;
    return { id: 1, tag, values: values.map((v, i) => ({ id: i + 1, value: v.value, count: v.count })) };
  });
}

function opt<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}
