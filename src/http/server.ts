// The HTTP server (fastify, pino logging). This issue serves /healthz; the graphite-web API routes are
// registered here by later issues.
import Fastify, { type FastifyInstance } from 'fastify';
import { errorHandler } from './error-handler.js';

export interface HealthSource {
  health(): Record<string, unknown>;
}

export function buildHttpServer(logLevel: string, health: HealthSource): FastifyInstance {
  const app = Fastify({ logger: { level: logLevel } });
  app.setErrorHandler(errorHandler);
  app.get('/healthz', async () => ({ status: 'ok', ...health.health() }));
  return app;
}
