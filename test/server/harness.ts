// Starts carbonado for tests: in-process (App) or as a real child process (`node dist/src/cli/main.js
// serve`), on 127.0.0.1 with ephemeral ports and a temporary data directory, plus small socket clients.
import { type ChildProcess, spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { App } from '../../src/app.js';
import { loadConfig } from '../../src/config/load.js';

export const ROOT = join(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'dist/src/cli/main.js');

export interface Dirs {
  root: string;
  dataDir: string;
  confDir: string;
  whisperDir: string;
  walDir: string;
}

/** A fresh data and conf directory; `schemas`/`aggregation` become the conf files when given. */
export function makeDirs(schemas?: string, aggregation?: string): Dirs {
  const root = mkdtempSync(join(tmpdir(), 'carbonado-server-'));
  const confDir = join(root, 'conf');
  mkdirSync(confDir);
  if (schemas !== undefined) writeFileSync(join(confDir, 'storage-schemas.conf'), schemas);
  if (aggregation !== undefined) writeFileSync(join(confDir, 'storage-aggregation.conf'), aggregation);
  const dataDir = join(root, 'data');
  return { root, dataDir, confDir, whisperDir: join(dataDir, 'whisper'), walDir: join(dataDir, 'wal') };
}

/** Flags for an isolated server: ephemeral ports, the given dirs, quiet logs, no self-metrics. */
export function serveArgs(dirs: Dirs, extra: string[] = []): string[] {
  return [
    '--data-dir',
    dirs.dataDir,
    '--conf-dir',
    dirs.confDir,
    '--line-port',
    '0',
    '--pickle-port',
    '0',
    '--http-port',
    '0',
    '--workers',
    '2',
    '--log-level',
    'warn',
    '--set',
    'selfMetrics.intervalSeconds=0',
    ...extra,
  ];
}

export async function startApp(dirs: Dirs, extra: string[] = []): Promise<App> {
  const config = await loadConfig({ argv: serveArgs(dirs, extra), env: {}, cwd: dirs.root });
  return App.start(config);
}

/** Sends `text` over one TCP connection and waits until the server has read it all and closed. */
export function sendTcp(port: number, text: string | Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    socket.on('error', reject);
    socket.on('close', () => resolve());
    socket.resume();
  });
}

export function sendUdp(port: number, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    socket.send(Buffer.from(text), port, '127.0.0.1', (err) => {
      socket.close();
      if (err) reject(err);
      else resolve();
    });
  });
}

/** Polls `check` every 20 ms until it returns true or `ms` pass. */
export async function waitFor(check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export interface ChildServer {
  child: ChildProcess;
  ports: { line: number; udp: number; pickle: number; http: number };
  /** Everything the server logged. */
  output: () => string;
  exited: Promise<number | null>;
}

/** Spawns the built CLI and waits for its "carbonado ready" log line (pino JSON, level info). */
export function spawnServer(dirs: Dirs, extra: string[] = []): Promise<ChildServer> {
  const args = serveArgs(dirs, extra).map((a) => (a === 'warn' ? 'info' : a));
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    void exited.then((code) => reject(new Error(`server exited with ${code}:\n${output}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output += line + '\n';
      if (!line.includes('carbonado ready')) return;
      clearTimeout(timer);
      const { ports } = JSON.parse(line) as { ports: ChildServer['ports'] };
      resolve({ child, ports, output: () => output, exited });
    });
  });
}

/** A protocol-2 pickle of [(name, (timestamp, value)), ...] framed as carbon expects (4-byte length). */
export function picklePoints(points: [string, number, number][]): Buffer {
  const parts: Buffer[] = [Buffer.from([0x80, 2, 0x5d, 0x28])]; // PROTO 2, EMPTY_LIST, MARK
  for (const [name, ts, value] of points) {
    const n = Buffer.from(name, 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32LE(n.length);
    const t = Buffer.alloc(5);
    t[0] = 0x4a; // BININT
    t.writeInt32LE(ts, 1);
    const v = Buffer.alloc(9);
    v[0] = 0x47; // BINFLOAT
    v.writeDoubleBE(value, 1);
    parts.push(Buffer.from([0x58]), len, n, t, v, Buffer.from([0x86, 0x86])); // BINUNICODE, TUPLE2, TUPLE2
  }
  parts.push(Buffer.from([0x65, 0x2e])); // APPENDS, STOP
  const payload = Buffer.concat(parts);
  const frame = Buffer.alloc(4);
  frame.writeUInt32BE(payload.length);
  return Buffer.concat([frame, payload]);
}
