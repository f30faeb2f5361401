// Admin routes, enabled by `admin.token` and authenticated by it (Authorization: Bearer <token>):
// DELETE /admin/series (name=… repeated) removes series, file and index (graphite-web#1238, whisper#310).
// POST /admin/resize resizes files on the write threads that own them (carbonado resize --schemas --url).
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AGGREGATION_METHODS, type ResizeItemResult, type ResizeTask } from '../../../storage/index.js';
import { metricRelativePath } from '../../ingest/metric-name.js';
import { BadRequest, requestParams } from '../params.js';

export interface AdminRouteOptions {
  token: string;
  deleteSeries: (names: string[]) => Promise<{ deleted: string[]; missing: string[] }>;
  /** Resizes files in the server's whisper directory; absent when the server cannot. */
  resize?: (task: Omit<ResizeTask, 'whisperDir'>) => Promise<ResizeItemResult[]>;
}

const positiveInt = z.number().int().positive();
/** The body of POST /admin/resize: a ResizeTask without whisperDir (the server's own). */
const ResizeBodySchema = z.object({
  now: positiveInt.optional(),
  aggregate: z.boolean().default(false),
  nobackup: z.boolean().default(false),
  items: z
    .array(
      z.object({
        name: z.string().min(1),
        path: z.string().min(1),
        archives: z.array(z.object({ secondsPerPoint: positiveInt, points: positiveInt })).min(1),
        xFilesFactor: z.number().min(0).max(1),
        aggregationMethod: z.enum(AGGREGATION_METHODS),
      }),
    )
    .max(10_000),
});

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
  app.post('/admin/resize', async (req, reply) => {
    if (!authorized(req, o.token)) return reply.code(401).send({ error: 'a valid admin token is required' });
    const resize = o.resize;
    if (resize === undefined)
      return reply.code(501).send({ error: 'this server cannot resize files while it runs: stop it first' });
    const body = ResizeBodySchema.safeParse(req.body);
    if (!body.success) throw new BadRequest(`invalid resize request: ${z.prettifyError(body.error)}`);
    // A path must be its name's own file: that is what the name's shard owns, and it stays in whisperDir.
    for (const item of body.data.items) {
      let path: string | undefined;
      try {
        path = metricRelativePath(item.name);
      } catch {
        // not a metric name: reported below
      }
      if (path !== item.path)
        throw new BadRequest(
          `${item.path} is not the file of metric "${item.name}" (${path ?? 'invalid name'})`,
        );
    }
    return reply.send({ results: await resize(body.data) });
  });
}
