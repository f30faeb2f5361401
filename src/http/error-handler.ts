// Maps errors to HTTP answers (STYLE.md): a client's mistake (bad parameter, bad pattern, a limit exceeded)
// is a 400 with the message; anything else is a 500 that says only "Internal Server Error" and logs the cause,
// since fastify would otherwise forward internal messages verbatim.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

const CLIENT_CODES = /^(STORAGE_ERR_INVALID_|STORAGE_ERR_LIMIT_EXCEEDED|CONFIG_ERR_|RENDER_ERR_)/;

export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const code = (err as { code?: unknown }).code;
  const clientError =
    (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500) ||
    (typeof code === 'string' && CLIENT_CODES.test(code));
  if (clientError) {
    const status = err.statusCode !== undefined && err.statusCode < 500 ? err.statusCode : 400;
    return reply
      .code(status)
      .type('application/json')
      .send({ error: err.message, ...(typeof code === 'string' ? { code } : {}) });
  }
  req.log.error({ err }, 'request failed');
  return reply.code(500).type('application/json').send({ error: 'Internal Server Error' });
}
