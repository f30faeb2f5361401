// graphite-web's /functions and /functions/<name> (functions/views.py; graphite.md §2.1): the metadata
// Grafana's query editor parses (grafana-federation.md §1.6), and /version (Grafana gates 1.1 features on it).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { type FunctionRegistry, functionInfo } from '../../../render/index.js';
import { type Params, first, requestParams } from '../params.js';

/** The graphite-web release whose API carbonado speaks (what /version answers). */
export const GRAPHITE_VERSION = '1.1.10';

/** JSON as graphite-web's jsonEncoder writes it: Infinity as 1e9999 (never bare Infinity), pretty sorts keys. */
function encode(value: unknown, pretty: boolean): string {
  const replacer = (_key: string, v: unknown): unknown => {
    if (v === Infinity) return '__INF__';
    if (v === -Infinity) return '__-INF__';
    if (pretty && v !== null && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
      );
    }
    return v;
  };
  return JSON.stringify(value, replacer, pretty ? 2 : undefined)
    .replaceAll('"__INF__"', '1e9999')
    .replaceAll('"__-INF__"', '-1e9999');
}

function sendJson(reply: FastifyReply, params: Params, value: unknown, status = 200): FastifyReply {
  const body = encode(value, (first(params, 'pretty') ?? '') !== '');
  const jsonp = first(params, 'jsonp');
  if (jsonp !== undefined && jsonp !== '')
    return reply.code(status).type('text/javascript; charset=utf-8').send(`${jsonp}(${body})`);
  return reply.code(status).type('application/json').send(body);
}

function truthy(v: string | undefined): boolean {
  return v !== undefined && ['1', 'true', 'yes', 'on'].includes(v.toLowerCase());
}

export function registerFunctionRoutes(app: FastifyInstance, registry: FunctionRegistry): void {
  const all = (params: Params): unknown => {
    // graphite-web has three pie functions (type=pie); carbonado draws no graphs, so that list is empty
    const defs = first(params, 'type') === 'pie' ? [] : registry.all();
    const group = first(params, 'group');
    const grouped = truthy(first(params, 'grouped'));
    const out: Record<string, Record<string, unknown>> = {};
    for (const def of defs) {
      if (group !== undefined && def.group !== group) continue;
      const info = functionInfo(def, registry);
      if (grouped) (out[def.group] ??= {})[def.name] = info;
      else out[def.name] = info;
    }
    return out;
  };
  for (const url of ['/functions', '/functions/']) {
    app.route({
      method: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'],
      url,
      handler: async (req, reply) => {
        if (req.method !== 'GET') return reply.code(405).send('');
        const params = requestParams(req);
        return sendJson(reply, params, all(params));
      },
    });
  }
  for (const url of ['/functions/:name', '/functions/:name/']) {
    app.route({
      method: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'],
      url,
      handler: async (req, reply) => {
        if (req.method !== 'GET') return reply.code(405).send('');
        const params = requestParams(req);
        const name = (req.params as { name: string }).name;
        const def = registry.get(name);
        if (def === undefined) return sendJson(reply, params, { error: `Function "${name}" not found` }, 404);
        return sendJson(reply, params, functionInfo(def, registry));
      },
    });
  }
  for (const url of ['/version', '/version/']) {
    // graphite-web answers text/html with the bare version; Grafana parses it as semver
    app.get(url, async (_req, reply) => reply.type('text/html; charset=utf-8').send(GRAPHITE_VERSION));
  }
}
