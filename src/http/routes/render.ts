// graphite-web's /render (GET and POST, query string and form merged; graphite.md §1) over the render
// package: parse the request, evaluate the targets against the store, answer in the asked format.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  type EventsSource,
  Evaluation,
  type FunctionRegistry,
  type RegexCompiler,
  type RenderDefaults,
  type RequestContext,
  type SeriesSource,
  type CompiledRegex,
  parseRenderRequest,
  respond,
} from '../../../render/index.js';
import { requestParams } from '../params.js';

export interface RenderRouteOptions {
  registry: FunctionRegistry;
  source: SeriesSource;
  regex: RegexCompiler;
  events?: EventsSource;
  defaults: RenderDefaults;
  /** Most series one request may fetch; more is a 400 (RENDER_ERR_TOO_COMPLEX). */
  maxSeries: number;
}

/** A regex compiler that compiles each pattern once per request (a target may apply it to many series). */
function perRequest(compile: RegexCompiler): RegexCompiler {
  const seen = new Map<string, CompiledRegex>();
  return (pattern) => {
    let re = seen.get(pattern);
    if (re === undefined) {
      re = compile(pattern);
      seen.set(pattern, re);
    }
    return re;
  };
}

/** Django's patch_response_headers / add_never_cache_headers, as graphite-web sends them. */
function cacheHeaders(reply: FastifyReply, noCache: boolean, cacheTimeout: number): void {
  const now = Date.now();
  if (noCache) {
    reply.header('Expires', new Date(now).toUTCString());
    reply.header('Cache-Control', 'max-age=0, no-cache, no-store, must-revalidate, private');
  } else {
    reply.header('Expires', new Date(now + cacheTimeout * 1000).toUTCString());
    reply.header('Cache-Control', `max-age=${cacheTimeout}`);
  }
}

async function renderView(
  o: RenderRouteOptions,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const r = parseRenderRequest(requestParams(req), Date.now() / 1000, o.defaults);
  const ctx: RequestContext = {
    startTime: r.startTime,
    endTime: r.endTime,
    now: r.now,
    tz: r.tz,
    xFilesFactor: r.xFilesFactor,
    template: r.template,
    localOnly: r.localOnly,
    ...(r.maxDataPoints !== undefined ? { maxDataPoints: r.maxDataPoints } : {}),
    source: o.source,
    regex: perRequest(o.regex),
    ...(o.events !== undefined ? { events: o.events } : {}),
  };
  const series = await new Evaluation(o.registry, { maxSeries: o.maxSeries }).evaluateTargets(ctx, r.targets);
  const { body, contentType } = respond(r, series);
  cacheHeaders(reply, r.noCache, r.cacheTimeout);
  return reply.type(contentType).send(body);
}

export function registerRenderRoutes(app: FastifyInstance, o: RenderRouteOptions): void {
  for (const url of ['/render', '/render/']) {
    app.route({ method: ['GET', 'POST'], url, handler: (req, reply) => renderView(o, req, reply) });
  }
}
