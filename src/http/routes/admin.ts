// Admin routes, enabled by `admin.token` and authenticated by it (Authorization: Bearer <token>):
// DELETE /admin/series (name=… repeated) removes series, file and index (graphite-web#1238, whisper#310).
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BadRequest, requestParams } from '../params.js';

export interface AdminRouteOptions {
  token: string;
  deleteSeries: (names: string[]) => Promise<{ deleted: string[]; missing: string[] }>;
}

/** Whether the request carries `Authorization: Bearer <token>` (compared in constant time). */
export function authorized(req: FastifyRequest, token: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '');
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

export function registerAdminRoutes(app: FastifyInstance, o: AdminRouteOptions): void {
  if (o.token === '') return;
  app.route({
    method: ['DELETE', 'POST'],
    url: '/admin/series',
    handler: async (req, reply) => {
      if (!authorized(req, o.token))
        return reply.code(401).send({ error: 'a valid admin token is required' });
      const names = requestParams(req).get('name') ?? [];
      if (names.length === 0) throw new BadRequest('no series named: pass name=<series> (repeatable)');
      return reply.send(await o.deleteSeries(names));
    },
  });
}
