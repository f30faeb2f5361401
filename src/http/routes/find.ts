// graphite-web's /metrics/find (also /metrics), /metrics/expand and /metrics/index.json over the metric
// index, in every format graphite-web serves (graphite.md §3.1–3.3; grafana-federation.md §2.2.1, §3.2).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pack } from 'msgpackr';
import { type FindNode, type MetricIndex, info } from '../../../storage/index.js';
import { BadRequest, type Params, first, intParam, jsonBody, requestParams } from '../params.js';
import { PyFloat, PyTuple, pickle } from '../../../render/index.js';

export interface FindRouteOptions {
  index: MetricIndex;
  whisperDir: string;
  /** Most nodes one find or expand may return. */
  maxResults: number;
  /** Relative whisper path of a plain metric name. */
  pathOf: (name: string) => string;
}

const FORMATS = ['treejson', 'completer', 'nodelist', 'json', 'pickle', 'msgpack'] as const;

/** Python's urllib unquote_plus: '+' → space, %XX → byte (UTF-8). */
function unquotePlus(s: string): string {
  try {
    return decodeURIComponent(s.replaceAll('+', ' '));
  } catch {
    return s.replaceAll('+', ' ');
  }
}

/** whisper reader intervals: [now - maxRetention, max(mtime, start)] (graphite-web readers/whisper.py). */
function leafInterval(o: FindRouteOptions, path: string): [number, number] | undefined {
  try {
    const file = join(o.whisperDir, o.pathOf(path));
    const start = Date.now() / 1000 - info(file).maxRetention;
    return [start, Math.max(statSync(file).mtimeMs / 1000, start)];
  } catch {
    return undefined;
  }
}

function treeJson(nodes: FindNode[], basePath: string, wildcards: boolean): object[] {
  const branch = { allowChildren: 1, expandable: 1, leaf: 0 };
  const leaf = { allowChildren: 0, expandable: 0, leaf: 1 };
  const results: object[] = [];
  if (nodes.length > 1 && wildcards) {
    results.push({ text: '*', id: `${basePath}*`, ...(nodes.some((n) => !n.isLeaf) ? branch : leaf) });
  }
  const seen = new Set<string>();
  const branches: object[] = [];
  const leaves: object[] = [];
  for (const node of nodes) {
    if (seen.has(node.name)) continue;
    seen.add(node.name);
    const entry = { text: unquotePlus(node.name), id: basePath + node.name };
    if (node.isLeaf) leaves.push({ ...entry, ...leaf });
    else branches.push({ ...entry, ...branch });
  }
  return [...results, ...branches, ...leaves];
}

function send(reply: FastifyReply, params: Params, value: unknown): FastifyReply {
  const { body, type } = jsonBody(params, value);
  return reply.header('Pragma', 'no-cache').header('Cache-Control', 'no-cache').type(type).send(body);
}

async function findView(
  o: FindRouteOptions,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const params = requestParams(req);
  const format = first(params, 'format') ?? 'treejson';
  if (!(FORMATS as readonly string[]).includes(format))
    throw new BadRequest("Invalid value for 'format' parameter");
  let query = first(params, 'query');
  if (query === undefined || query === '') throw new BadRequest("Missing required parameter 'query'");
  const leavesOnly = intParam(params, 'leavesOnly', 0) === 1;
  const wildcards = intParam(params, 'wildcards', 0) === 1;
  intParam(params, 'local', 0);
  if (format === 'completer') {
    query = query.replaceAll('..', '*.');
    if (!query.endsWith('*')) query += '*';
  }
  if (intParam(params, 'automatic_variants', 0) === 1) {
    query = query
      .split('.')
      .map((part) => (part.includes(',') && !part.includes('{') ? `{${part}}` : part))
      .join('.');
  }
  const nodes = (await o.index.find(query, { limit: o.maxResults, leavesOnly })).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  const basePath = query.includes('.') ? query.slice(0, query.lastIndexOf('.') + 1) : '';
  switch (format) {
    case 'treejson':
      return send(reply, params, treeJson(nodes, basePath, wildcards));
    case 'completer': {
      const metrics: object[] = nodes.map((n) => ({
        path: n.isLeaf ? n.path : `${n.path}.`,
        name: n.name,
        is_leaf: n.isLeaf ? '1' : '0',
      }));
      if (metrics.length > 1 && wildcards) metrics.push({ name: '*' });
      return send(reply, params, { metrics });
    }
    case 'nodelist': {
      const position = intParam(params, 'position', -1);
      const parts = nodes.map((n) => {
        const p = n.path.split('.');
        return p[position < 0 ? p.length + position : position];
      });
      const unique = [...new Set(parts.filter((p): p is string => p !== undefined))].sort();
      return send(reply, params, { nodes: unique });
    }
    case 'json': {
      const out = nodes
        .map((n) => {
          if (!n.isLeaf) return { path: n.path, is_leaf: false };
          const i = leafInterval(o, n.path);
          return {
            path: n.path,
            is_leaf: true,
            intervals: i === undefined ? [] : [{ start: i[0], end: i[1] }],
          };
        })
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      return send(reply, params, out);
    }
    case 'pickle': {
      const out = nodes.map((n) => {
        if (!n.isLeaf) return { path: n.path, is_leaf: false };
        const i = leafInterval(o, n.path);
        const intervals = i === undefined ? [] : [new PyTuple([new PyFloat(i[0]), new PyFloat(i[1])])];
        return { path: n.path, is_leaf: true, intervals };
      });
      return reply
        .header('Pragma', 'no-cache')
        .header('Cache-Control', 'no-cache')
        .type('application/pickle')
        .send(pickle(out));
    }
    default: {
      // msgpack: both is_leaf (graphite-web) and isLeaf (carbonapi) — grafana-federation.md errata 3.
      const out = nodes.map((n) => {
        if (!n.isLeaf) return { path: n.path, is_leaf: false, isLeaf: false };
        const i = leafInterval(o, n.path);
        return { path: n.path, is_leaf: true, isLeaf: true, intervals: i === undefined ? [] : [i] };
      });
      return reply
        .header('Pragma', 'no-cache')
        .header('Cache-Control', 'no-cache')
        .type('application/x-msgpack')
        .send(pack(out));
    }
  }
}

async function expandView(
  o: FindRouteOptions,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const params = requestParams(req);
  const groupByExpr = intParam(params, 'groupByExpr', 0) === 1;
  const leavesOnly = intParam(params, 'leavesOnly', 0) === 1;
  intParam(params, 'local', 0);
  const byQuery: Record<string, string[]> = {};
  for (const query of params.get('query') ?? []) {
    const nodes = await o.index.find(query, { limit: o.maxResults, leavesOnly });
    byQuery[query] = [...new Set(nodes.map((n) => n.path))].sort();
  }
  const results = groupByExpr ? byQuery : [...new Set(Object.values(byQuery).flat())].sort();
  return send(reply, params, { results });
}

async function indexView(
  o: FindRouteOptions,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const params = requestParams(req);
  const leaves: string[] = [];
  for await (const leaf of o.index.leaves()) leaves.push(leaf);
  return send(reply, params, leaves);
}

export function registerFindRoutes(app: FastifyInstance, o: FindRouteOptions): void {
  for (const url of ['/metrics/find', '/metrics/find/', '/metrics', '/metrics/']) {
    app.route({ method: ['GET', 'POST'], url, handler: (req, reply) => findView(o, req, reply) });
  }
  for (const url of ['/metrics/expand', '/metrics/expand/']) {
    app.route({ method: ['GET', 'POST'], url, handler: (req, reply) => expandView(o, req, reply) });
  }
  app.route({
    method: ['GET', 'POST'],
    url: '/metrics/index.json',
    handler: (req, reply) => indexView(o, req, reply),
  });
}
