// The two servers of `npm run bench -- ingest` on loopback: carbonado from the built CLI on ephemeral ports,
// and Debian's carbon-cache through ../shared/peers/carbon-start.sh / carbon-stop.sh (ports 23003/23004).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BenchAbort, killChild, runChild, sleep, tail } from './ingest-proc.js';

/** The schema both servers use: one 10 s archive for a day, one 1 min archive for 30 days. */
export const RETENTIONS = '10s:1d,1m:30d';
/** Size of a whisper file with RETENTIONS: 16 + 2 × 12 header bytes, (8,640 + 43,200) × 12 point bytes. */
export const WHISPER_FILE_BYTES = 622_120;

export interface Server {
  readonly name: 'carbonado' | 'carbon';
  readonly pid: number;
  readonly linePort: number;
  readonly whisperDir: string;
}

export interface Stopped {
  code: number | null;
  signal: NodeJS.Signals | null;
  seconds: number;
  /** The process had to be killed: it was still running at the deadline. */
  killed: boolean;
}

interface ReadyLine {
  msg?: string;
  ports?: { line?: number; udp?: number; pickle?: number; http?: number };
}

/** `carbonado serve` as a child of the bench, stdout and stderr into `<dir>/carbonado.log`. */
export class Carbonado implements Server {
  readonly name = 'carbonado';
  readonly #child: ChildProcess;
  readonly #exited: Promise<void>;
  readonly logPath: string;
  readonly whisperDir: string;
  pid: number;
  linePort = 0;
  httpPort = 0;

  private constructor(child: ChildProcess, dir: string) {
    this.#child = child;
    this.pid = child.pid ?? 0;
    this.logPath = join(dir, 'carbonado.log');
    this.whisperDir = join(dir, 'data', 'whisper');
    this.#exited = new Promise((resolve) => child.once('exit', () => resolve()));
  }

  /**
   * Writes the conf dir (RETENTIONS, average, xFilesFactor 0.5) and starts `node <cli> serve` in `dir` with
   * every port 0, plus `--set` for each of `sets`; resolves once the "carbonado ready" line names the ports.
   * The log goes to a file rather than a pipe so that the server never waits on the bench to read it.
   */
  static async start(cli: string, dir: string, sets: readonly string[]): Promise<Carbonado> {
    const conf = join(dir, 'conf');
    mkdirSync(conf, { recursive: true });
    writeFileSync(
      join(conf, 'storage-schemas.conf'),
      `[default]\npattern = .*\nretentions = ${RETENTIONS}\n`,
    );
    writeFileSync(
      join(conf, 'storage-aggregation.conf'),
      '[default]\npattern = .*\nxFilesFactor = 0.5\naggregationMethod = average\n',
    );
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CARBONADO_')));
    const argv = [cli, 'serve', '--data-dir', join(dir, 'data'), '--conf-dir', conf];
    argv.push('--line-port', '0', '--pickle-port', '0', '--http-port', '0', '--log-level', 'info');
    for (const s of sets) argv.push('--set', s);
    const log = openSync(join(dir, 'carbonado.log'), 'a');
    let child: ChildProcess;
    try {
      // the flag the bin's shebang gives node (src/cli/main.ts), so the bench runs what `npx carbonado` runs
      child = spawn(process.execPath, ['--max-semi-space-size=64', ...argv], {
        cwd: dir,
        env,
        stdio: ['ignore', log, log],
      });
    } finally {
      closeSync(log);
    }
    const server = new Carbonado(child, dir);
    const failed = (why: string) =>
      new BenchAbort(`carbonado serve ${why}; ${server.logPath} ends with:\n${tail(server.logText())}`);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      for (const line of server.logText().split('\n')) {
        if (!line.includes('carbonado ready')) continue;
        const ready = JSON.parse(line) as ReadyLine;
        if (ready.msg === 'carbonado ready' && ready.ports?.line && ready.ports.http) {
          server.linePort = ready.ports.line;
          server.httpPort = ready.ports.http;
          return server;
        }
      }
      if (child.exitCode !== null || child.signalCode !== null) {
        throw failed(`exited before it was ready (${child.exitCode ?? child.signalCode})`);
      }
      await sleep(100);
    }
    await server.stop(5_000);
    throw failed('was not ready after 60 s (no "carbonado ready" line with a line and an http port)');
  }

  /** What the server has logged so far (stdout and stderr). */
  logText(): string {
    return existsSync(this.logPath) ? readFileSync(this.logPath, 'utf8') : '';
  }

  /** SIGTERM (carbonado flushes its cache to the whisper files), SIGKILL if it is still up after `timeoutMs`. */
  async stop(timeoutMs: number): Promise<Stopped> {
    const t0 = performance.now();
    let killed = false;
    killChild(this.#child, 'SIGTERM');
    const timer = sleep(timeoutMs).then(() => 'timeout' as const);
    if ((await Promise.race([this.#exited, timer])) === 'timeout') {
      killed = true;
      killChild(this.#child, 'SIGKILL');
      await Promise.race([this.#exited, sleep(10_000)]);
    }
    return {
      code: this.#child.exitCode,
      signal: this.#child.signalCode as NodeJS.Signals | null,
      seconds: (performance.now() - t0) / 1000,
      killed,
    };
  }

  /** For an interrupted bench: no flush, just gone. */
  kill(): void {
    killChild(this.#child, 'SIGKILL');
  }

  /** GET /healthz: `cache.size` (points waiting) and `cache.inflight` (points a worker is writing). */
  async health(): Promise<{ cache?: { size?: number; inflight?: number } }> {
    const res = await fetch(`http://127.0.0.1:${this.httpPort}/healthz`, {
      signal: AbortSignal.timeout(5_000),
    });
    if (!res.ok) throw new BenchAbort(`GET /healthz answered ${res.status}`);
    return (await res.json()) as { cache?: { size?: number; inflight?: number } };
  }
}

/** carbon-cache started by carbon-start.sh DIR, stopped by carbon-stop.sh DIR (which checks the pid first). */
export class Carbon implements Server {
  readonly name = 'carbon';
  private constructor(
    readonly pid: number,
    readonly linePort: number,
    readonly whisperDir: string,
    readonly dir: string,
    readonly peers: string,
  ) {}

  /** Started, or why not (graphite-carbon not installed, ports taken, start failure). */
  static async start(
    peers: string,
    dir: string,
    linePort: number,
    picklePort: number,
  ): Promise<Carbon | string> {
    if (!existsSync('/usr/bin/carbon-cache')) return '/usr/bin/carbon-cache is missing (graphite-carbon)';
    const script = join(peers, 'carbon-start.sh');
    if (!existsSync(script)) return `${script} is missing`;
    const r = await runChild(script, [dir, String(linePort), String(picklePort)], { timeoutMs: 60_000 });
    if (r.code !== 0) return `carbon-start.sh failed (exit ${r.code}): ${tail(r.stdout + r.stderr, 5)}`;
    const pid = Number(readFileSync(join(dir, 'carbon-cache.pid'), 'utf8').trim());
    return new Carbon(pid, linePort, join(dir, 'whisper'), dir, peers);
  }

  async stop(): Promise<Stopped> {
    const t0 = performance.now();
    // carbon-stop.sh waits up to 60 s for carbon's own flush, then sends SIGKILL.
    const r = await runChild(join(this.peers, 'carbon-stop.sh'), [this.dir], { timeoutMs: 90_000 });
    return { code: r.code, signal: r.signal, seconds: (performance.now() - t0) / 1000, killed: false };
  }

  /** For an interrupted bench, from a signal handler. */
  stopSync(): void {
    try {
      execFileSync(join(this.peers, 'carbon-stop.sh'), [this.dir], { stdio: 'ignore', timeout: 90_000 });
    } catch {
      // nothing more to do on the way out
    }
  }
}
