// graphite-web's events API (events/views.py, events/urls.py): POST /events/ stores an event, GET
// /events/get_data lists them for Grafana's annotations, /events/<id> reads (and, with the admin token, deletes) one.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseATTime } from '../../../render/index.js';
import {
  type EventStore,
  type GraphiteEvent,
  MAX_WHEN,
  MIN_WHEN,
  type TagSet,
} from '../../../storage/index.js';
import { BadRequest, type Params, first, jsonBody, requestParams } from '../params.js';
import { authorized } from './admin.js';

export interface EventRouteOptions {
  events: EventStore;
  /** admin.token: DELETE /events/<id> needs it as a bearer token; empty disables deleting. */
  adminToken: string;
  /** IANA zone that from/until such as "00:00 yesterday" are read in (graphite-web's TIME_ZONE). */
  tz: string;
  /** Now in epoch seconds, fractions kept (an event posted without `when` gets it). */
  now: () => number;
}

const TAGS_ERROR = '"tags" must be an array or space-separated string';
const NOT_FOUND = 'Event matching query does not exist';
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] as ('GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH')[];

/** The get_data shape (`Event.as_dict()` with graphite-web's epoch encoder): `when` whole seconds. */
function asDict(e: GraphiteEvent): Record<string, unknown> {
  return { when: Math.floor(e.when), what: e.what, data: e.data, tags: e.tags, id: e.id };
}

/** The /events/<id> shape (model_to_dict, DjangoJSONEncoder): `when` ISO 8601 UTC, milliseconds if any. */
function detailDict(e: GraphiteEvent): Record<string, unknown> {
  const micros = Math.round((e.when - Math.floor(e.when)) * 1e6);
  const iso = new Date(Math.floor(e.when) * 1000 + Math.floor(micros / 1000)).toISOString();
  const when = micros === 0 ? iso.replace(/\.\d{3}Z$/, 'Z') : iso;
  return { id: e.id, when, what: e.what, data: e.data, tags: e.tags };
}

/** GET, or the HEAD fastify derives from it. */
const isGet = (req: FastifyRequest): boolean => req.method === 'GET' || req.method === 'HEAD';

/** The new event in a POST body, validated (graphite-web answers 500 where this answers 400). */
function parseNewEvent(
  body: unknown,
  now: number,
): { what: string; tags: string[]; when: number; data: string } {
  let event: unknown;
  try {
    event = JSON.parse(typeof body === 'string' ? body : '');
  } catch (err) {
    throw new BadRequest(`the body must be a JSON object: ${(err as Error).message}`);
  }
  if (event === null || typeof event !== 'object' || Array.isArray(event))
    throw new BadRequest(
      'the body must be a JSON object such as {"what": "release 1.2", "tags": ["deploy"]}',
    );
  const { what, tags, when, data } = event as Record<string, unknown>;
  let tagList: string[];
  if (tags === undefined || tags === null) tagList = [];
  else if (typeof tags === 'string') tagList = [tags];
  else if (Array.isArray(tags) && tags.every((t) => typeof t === 'string')) tagList = tags as string[];
  else throw new BadRequest(TAGS_ERROR);
  if (what === undefined || what === null) throw new BadRequest('"what" is required: the title of the event');
  if (typeof what !== 'string') throw new BadRequest('"what" must be a string');
  if (data !== undefined && data !== null && typeof data !== 'string')
    throw new BadRequest('"data" must be a string');
  if (
    when !== undefined &&
    (typeof when !== 'number' || !Number.isFinite(when) || when < MIN_WHEN || when > MAX_WHEN)
  )
    throw new BadRequest('"when" must be a number of seconds since the epoch (years 1 to 9999)');
  return { what, tags: tagList, when: when ?? now, data: data ?? '' };
}

/**
 * parseATTime with graphite-web's sub-second now: its `now`, `-1h`… keep the microseconds of datetime.now(),
 * so an event posted a moment ago is not after `until=now`. parseATTime works in whole seconds; a time that
 * moves with `now` (relative) gets the fraction back, an absolute one does not.
 */
function relativeTime(text: string, tz: string, now: number): number {
  const whole = Math.floor(now);
  const t = parseATTime(text, tz, whole);
  return parseATTime(text, tz, whole + 1) === t ? t : t + (now - whole);
}

/** graphite-web's fetch(): from (default epoch 0) and until (default now) by parseATTime, tags, set. */
async function fetchEvents(o: EventRouteOptions, params: Params): Promise<Record<string, unknown>[]> {
  const now = o.now();
  const fromParam = first(params, 'from');
  const untilParam = first(params, 'until');
  const from = fromParam === undefined ? 0 : relativeTime(fromParam, o.tz, now);
  const until = untilParam === undefined ? now : relativeTime(untilParam, o.tz, now);
  const set = first(params, 'set');
  // Split on single spaces as graphite-web does: "a  b" asks for an empty tag, which no event has.
  const tags = first(params, 'tags')?.split(' ');
  const tagSet: TagSet | undefined = set === 'union' || set === 'intersection' ? set : undefined;
  return (await o.events.find(from, until, tags, tagSet)).map(asDict);
}

function sendJson(reply: FastifyReply, params: Params, value: unknown): FastifyReply {
  const { body, type } = jsonBody(params, value);
  return reply.type(type).send(body);
}

/** Query string plus a form body (the raw-body parser below leaves form bodies unparsed). */
function paramsOf(req: FastifyRequest): Params {
  const params = requestParams(req);
  if (
    typeof req.body === 'string' &&
    /^application\/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '')
  )
    for (const [k, v] of new URLSearchParams(req.body)) params.set(k, [...(params.get(k) ?? []), v]);
  return params;
}

/**
 * Registers /events, /events/get_data and /events/<id> (each with and without a trailing slash). Bodies
 * are read raw whatever their content type, as graphite-web does: `curl -d '{…}'` sends JSON as a form.
 */
export function registerEventRoutes(app: FastifyInstance, o: EventRouteOptions): void {
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));

    const route = (
      url: string,
      handler: (req: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>,
    ): void => {
      for (const u of [url, `${url}/`]) scope.route({ method: METHODS, url: u, handler });
    };
    const notAllowed = (reply: FastifyReply) => reply.code(405).send('');

    route('/events', async (req, reply) => {
      if (isGet(req)) {
        const params = paramsOf(req);
        return sendJson(reply, params, await fetchEvents(o, params));
      }
      if (req.method !== 'POST') return notAllowed(reply);
      await o.events.add(parseNewEvent(req.body, o.now()));
      return reply.code(200).send('');
    });

    route('/events/get_data', async (req, reply) => {
      if (!isGet(req) && req.method !== 'POST') return notAllowed(reply);
      const params = paramsOf(req);
      return sendJson(reply, params, await fetchEvents(o, params));
    });

    route('/events/:id', async (req, reply) => {
      const raw = (req.params as { id: string }).id;
      const id = /^\d+$/.test(raw) ? Number(raw) : undefined;
      if (req.method === 'DELETE') {
        if (o.adminToken === '')
          return reply.code(403).send({ error: 'deleting events needs admin.token to be configured' });
        if (!authorized(req, o.adminToken))
          return reply.code(401).send({ error: 'a valid admin token is required' });
        const deleted = id === undefined ? undefined : await o.events.delete(id);
        if (deleted === undefined) return reply.code(404).send({ error: NOT_FOUND });
        return reply.send(asDict(deleted));
      }
      if (!isGet(req)) return notAllowed(reply);
      const event = id === undefined ? undefined : await o.events.get(id);
      if (event === undefined) return reply.code(404).send({ error: NOT_FOUND });
      return reply.send(detailDict(event));
    });
  });
}
