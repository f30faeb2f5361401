// `carbonado delete NAME...`: asks a running server to delete series (file, index, cached points) through
// DELETE /admin/series, authenticated with the admin token.
import { parseArgs } from 'node:util';
import type { CliIo } from '../io.js';

export const usage = `usage: carbonado delete [--url URL] [--token TOKEN] NAME...

Deletes series (whisper file, index entry, cached points) from a running carbonado through its admin API.
  --url URL       the server's HTTP address (default http://127.0.0.1:8080)
  --token TOKEN   the admin.token it runs with (default: $CARBONADO_ADMIN__TOKEN)`;

export async function runDelete(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { url: { type: 'string' }, token: { type: 'string' } },
    allowPositionals: true,
  });
  if (positionals.length === 0) {
    io.stderr(usage);
    return 2;
  }
  const url = new URL('/admin/series', values.url ?? 'http://127.0.0.1:8080');
  for (const name of positionals) url.searchParams.append('name', name);
  const token = values.token ?? process.env.CARBONADO_ADMIN__TOKEN ?? '';
  let res: Response;
  try {
    res = await fetch(url, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
  } catch (err) {
    io.stderr(`[ERROR] cannot reach ${url.origin}: ${(err as Error).message}`);
    return 1;
  }
  const body = await res.text();
  if (!res.ok) {
    io.stderr(`[ERROR] ${res.status} ${res.status === 404 ? 'admin API disabled (set admin.token)' : body}`);
    return 1;
  }
  const { deleted, missing } = JSON.parse(body) as { deleted: string[]; missing: string[] };
  for (const name of deleted) io.stdout(`deleted ${name}`);
  for (const name of missing) io.stdout(`no file for ${name} (removed from the index)`);
  return 0;
}
