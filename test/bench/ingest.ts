// `npm run bench -- ingest`: carbonado's end-to-end ingest next to Debian's carbon-cache in the same run, the
// way ../shared/peers/ingest-bench.sh measures the peers (rounds `create` and `update`, schema 10s:1d,1m:30d),
// plus `--cache-metrics M` for carbonado's memory with M metrics cached; the issue's goals are judged at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runCacheBench } from './ingest-cache.js';
import { BenchAbort, buildCli, freeBytes, tail } from './ingest-proc.js';
import { type Results, fmt, printReport } from './ingest-report.js';
import { Carbon, Carbonado, WHISPER_FILE_BYTES } from './ingest-servers.js';
import { type Workload, measureRound } from './ingest-workload.js';

const USAGE = `usage: npm run bench -- ingest [--metrics N] [--points K] [--connections C] [--servers carbonado,carbon]
         [--step S] [--cache-metrics M] [--max-wait S] [--dir DIR] [--peers DIR] [--no-build]
         [--carbonado-set key=value ...]
--servers none skips the table (for --cache-metrics alone); --carbonado-set passes --set to carbonado serve.`;

const SERVERS = ['carbonado', 'carbon'] as const;
/** carbon's ports, as in the peers' ingest-bench.sh; carbonado takes ephemeral ports. */
const CARBON_PORTS = { line: 23003, pickle: 23004 };
const MIN_FREE_BYTES = 15e9;

/** A bad command line: the message, then USAGE, exit 2. */
class UsageError extends BenchAbort {}

interface Options {
  workload: Workload;
  servers: (typeof SERVERS)[number][];
  cacheMetrics: number;
  dir: string;
  build: boolean;
  sets: string[];
}

function parseOptions(args: readonly string[], repo: string): Options {
  try {
    return readOptions(args, repo);
  } catch (err) {
    // parseArgs throws a TypeError with an ERR_PARSE_ARGS_* code for unknown or malformed options.
    if (
      err instanceof TypeError &&
      String((err as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS')
    ) {
      throw new UsageError(err.message);
    }
    throw err;
  }
}

function readOptions(args: readonly string[], repo: string): Options {
  const { values: v } = parseArgs({
    args: [...args],
    options: {
      metrics: { type: 'string', default: '10000' },
      points: { type: 'string', default: '60' },
      connections: { type: 'string', default: '4' },
      servers: { type: 'string', default: SERVERS.join(',') },
      step: { type: 'string', default: '10' },
      'cache-metrics': { type: 'string', default: '0' },
      'max-wait': { type: 'string', default: '600' },
      dir: { type: 'string', default: tmpdir() },
      peers: { type: 'string', default: join(repo, '..', 'shared', 'peers') },
      'no-build': { type: 'boolean', default: false },
      'carbonado-set': { type: 'string', multiple: true, default: [] },
    },
  });
  const int = (
    name: 'metrics' | 'points' | 'connections' | 'step' | 'cache-metrics' | 'max-wait',
    min: number,
  ) => {
    const n = Number(v[name]);
    if (!Number.isInteger(n) || n < min)
      throw new UsageError(`--${name} must be an integer ≥ ${min}, got ${v[name]}`);
    return n;
  };
  const servers = v.servers === 'none' ? [] : [...new Set(v.servers.split(',').filter(Boolean))];
  for (const s of servers) {
    if (!(SERVERS as readonly string[]).includes(s)) throw new UsageError(`--servers: unknown server "${s}"`);
  }
  return {
    workload: {
      metrics: int('metrics', 1),
      points: int('points', 1),
      connections: int('connections', 1),
      step: int('step', 1),
      prefix: 'bench',
      maxWait: int('max-wait', 1),
      peers: v.peers,
    },
    servers: servers as Options['servers'],
    cacheMetrics: int('cache-metrics', 0),
    dir: v.dir,
    build: !v['no-build'],
    sets: v['carbonado-set'],
  };
}

/** What is running, so that an interrupted bench leaves nothing behind. */
const live = { carbonado: new Set<Carbonado>(), carbon: new Set<Carbon>(), work: '' };

function onInterrupt(signal: NodeJS.Signals): void {
  console.error(`ingest bench: ${signal}, stopping the servers`);
  for (const c of live.carbonado) c.kill();
  for (const c of live.carbon) c.stopSync();
  if (live.work !== '') rmSync(live.work, { recursive: true, force: true });
  process.exit(130);
}

async function runServers(o: Options, cli: string, work: string, r: Results): Promise<void> {
  const w = o.workload;
  const firstTs = Math.floor(Date.now() / 1000 / w.step) * w.step - (2 * w.points - 1) * w.step;
  const rounds = [
    ['create', firstTs],
    ['update', firstTs + w.points * w.step],
  ] as const;
  for (const name of o.servers) {
    const dir = join(work, name);
    try {
      if (name === 'carbonado') {
        const server = await Carbonado.start(cli, dir, o.sets);
        live.carbonado.add(server);
        console.log(
          `[carbonado] pid ${server.pid}, line port ${server.linePort}, http port ${server.httpPort}`,
        );
        try {
          for (const [round, ts] of rounds) r.rows.push(await measureRound(w, server, round, ts));
        } finally {
          r.stops.carbonado = await server.stop(120_000);
          live.carbonado.delete(server);
          if (r.stops.carbonado.code !== 0)
            console.log(`carbonado log ends with:\n${tail(server.logText())}`);
        }
      } else {
        const carbon = await Carbon.start(w.peers, dir, CARBON_PORTS.line, CARBON_PORTS.pickle);
        if (typeof carbon === 'string') {
          r.unavailable = carbon;
          continue;
        }
        live.carbon.add(carbon);
        console.log(`[carbon] pid ${carbon.pid}, line port ${carbon.linePort}`);
        try {
          for (const [round, ts] of rounds) r.rows.push(await measureRound(w, carbon, round, ts));
        } finally {
          r.stops.carbon = await carbon.stop();
          live.carbon.delete(carbon);
        }
      }
    } catch (err) {
      if (!(err instanceof BenchAbort)) throw err;
      r.failures.push(`${name}: ${err.message}`);
      console.error(`[${name}] ${err.message}`);
    } finally {
      rmSync(dir, { recursive: true, force: true }); // ~6 GB each at the default size
    }
  }
}

export async function runIngestBench(args: readonly string[] = []): Promise<void> {
  const repo = join(import.meta.dirname, '..', '..');
  const r: Results = { rows: [], stops: {}, unavailable: undefined, cache: undefined, failures: [] };
  process.once('SIGINT', onInterrupt);
  process.once('SIGTERM', onInterrupt);
  try {
    const o = parseOptions(args, repo);
    if (o.servers.length === 0 && o.cacheMetrics === 0)
      throw new UsageError('nothing to run: --servers none and no --cache-metrics');
    // One server's files at a time: each server's dir is removed after its rounds.
    const need =
      o.servers.length > 0 ? Math.max(MIN_FREE_BYTES, o.workload.metrics * WHISPER_FILE_BYTES * 1.2) : 2e9;
    const free = freeBytes(o.dir);
    if (free < need) {
      throw new BenchAbort(
        `${o.dir} has ${fmt(free / 1e9, 1)} GB free, this run needs ${fmt(need / 1e9, 1)} GB ` +
          `(${fmt(o.workload.metrics)} whisper files of ${fmt(WHISPER_FILE_BYTES)} bytes per server); try --dir`,
      );
    }
    const cli = o.servers.includes('carbonado') || o.cacheMetrics > 0 ? await buildCli(repo, !o.build) : '';
    live.work = mkdtempSync(join(o.dir, 'carbonado-ingest-'));
    console.log(`dir: ${live.work} (${fmt(free / 1e9, 1)} GB free)`);
    await runServers(o, cli, live.work, r);
    if (o.cacheMetrics > 0) {
      try {
        r.cache = await runCacheBench(cli, live.work, o.workload, o.cacheMetrics, o.sets, live.carbonado);
      } catch (err) {
        if (!(err instanceof BenchAbort)) throw err;
        r.failures.push(`carbonado cache: ${err.message}`);
      }
    }
    printReport(o.workload, r);
    if (r.stops.carbonado && r.stops.carbonado.code !== 0)
      r.failures.push('carbonado did not exit 0 on SIGTERM');
    if (r.cache?.stop.killed) r.failures.push('carbonado (cache) was still running 15 s after SIGTERM');
    if (r.failures.length > 0) {
      console.error(`\nfailed:\n${r.failures.map((f) => `- ${f}`).join('\n')}`);
      process.exitCode = 1;
    }
  } catch (err) {
    if (!(err instanceof BenchAbort)) throw err;
    console.error(`ingest bench: ${err.message}${err instanceof UsageError ? `\n${USAGE}` : ''}`);
    process.exitCode = err instanceof UsageError ? 2 : 1;
  } finally {
    for (const c of live.carbonado) c.kill();
    for (const c of live.carbon) await c.stop();
    if (live.work !== '') rmSync(live.work, { recursive: true, force: true });
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onInterrupt);
  }
}
