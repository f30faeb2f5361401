// graphite-web's request parameters: the query string and a form body merged (`request.GET.copy()
// .update(request.POST)`: values of both kept, query string first), repeated keys and `key[]` alike.
import type { FastifyInstance, FastifyRequest } from 'fastify';

export type Params = Map<string, string[]>;

/** Parses application/x-www-form-urlencoded bodies into URLSearchParams (Grafana POSTs /metrics/find so). */
export function registerFormParser(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, new URLSearchParams(body as string));
  });
}

function addAll(into: Params, entries: Iterable<[string, string]>): void {
  for (const [rawKey, value] of entries) {
    const key = rawKey.endsWith('[]') ? rawKey.slice(0, -2) : rawKey;
    const list = into.get(key);
    if (list === undefined) into.set(key, [value]);
    else list.push(value);
  }
}

/** All parameters of a request, query string then body. */
export function requestParams(req: FastifyRequest): Params {
  const params: Params = new Map();
  const q = req.url.indexOf('?');
  if (q >= 0) addAll(params, new URLSearchParams(req.url.slice(q + 1)));
  if (req.body instanceof URLSearchParams) addAll(params, req.body);
  else if (req.body !== null && typeof req.body === 'object') {
    for (const [k, v] of Object.entries(req.body as Record<string, unknown>)) {
      for (const item of Array.isArray(v) ? v : [v])
        if (item !== undefined && item !== null) addAll(params, [[k, String(item)]]);
    }
  }
  return params;
}

/** A 400 whose message is sent to the client (graphite-web's HttpError(400) / ValueError). */
export class BadRequest extends Error {
  readonly statusCode = 400;
}

export function first(params: Params, key: string): string | undefined {
  return params.get(key)?.[0];
}

/** graphite-web's int params: absent → fallback; not an int → 400 naming the parameter. */
export function intParam(params: Params, key: string, fallback: number): number {
  const raw = first(params, key);
  if (raw === undefined || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw.trim()))
    throw new BadRequest(`Invalid int value ${JSON.stringify(raw)} for param ${key}`);
  return Number(raw);
}

/** Grafana sends `limit=0` and empty limits meaning "no limit" (see grafana-federation.md errata 2). */
export function limitParam(params: Params, key = 'limit'): number | undefined {
  const n = intParam(params, key, 0);
  return n > 0 ? n : undefined;
}

/** JSON with graphite-web's jsonp wrapper when asked. */
export function jsonBody(params: Params, value: unknown): { body: string; type: string } {
  const json = JSON.stringify(value);
  const jsonp = first(params, 'jsonp');
  if (jsonp !== undefined && jsonp !== '')
    return { body: `${jsonp}(${json})`, type: 'text/javascript; charset=utf-8' };
  return { body: json, type: 'application/json' };
}
