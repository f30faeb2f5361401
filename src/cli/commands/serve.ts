// `carbonado serve`: loads the configuration (file < environment < flags), starts the server, and handles
// signals: SIGTERM/SIGINT stop it (listeners closed, cache flushed, WAL closed, exit 0), SIGHUP reloads
// storage-schemas.conf and storage-aggregation.conf.
import { App } from '../../app.js';
import { loadConfig } from '../../config/load.js';
import type { CliIo } from '../io.js';

export const usage = `usage: carbonado serve [--config FILE] [--listen ADDR] [--data-dir DIR] [--conf-dir DIR]
                       [--line-port N] [--pickle-port N] [--http-port N] [--workers N]
                       [--log-level LEVEL] [--set key.path=value ...]

Starts carbonado: plaintext TCP+UDP on 2003, pickle on 2004, HTTP on 8080, bound to 127.0.0.1, whisper
files under ./data/whisper, schemas from ./conf (Graphite's defaults when absent). Every option of the
configuration file can also be set with CARBONADO_* environment variables; see docs/configuration.md.`;

export async function runServe(argv: string[], io: CliIo): Promise<number> {
  const config = await loadConfig({ argv, env: process.env, cwd: process.cwd() });
  const app = await App.start(config);
  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) {
        io.stderr(`carbonado: ${signal} again while flushing; still flushing (the WAL keeps what is left)`);
        return;
      }
      stopping = true;
      app.log.info({ signal }, 'stopping');
      app.stop().then(
        ({ flushed }) => resolve(flushed ? 0 : 1),
        (err: Error) => {
          app.log.error({ err }, 'stop failed');
          resolve(1);
        },
      );
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGHUP', () => void app.reload());
  });
}
