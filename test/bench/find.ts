// `npm run bench -- find`: the metric index at N = 1,000,000 plain + 100,000 tagged series (build time, disk,
// RSS, reopen, find and seriesByTag latency in process and through `carbonado serve`), then at K series next to
// Debian's graphite-web over the same whisper tree in the same run; the issue's goals are judged at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { QUERIES, diskBytes, writeWhisperTree } from './find-data.js';
import {
  type Live,
  compareAtK,
  measureIndex,
  measureServe,
  tagGraphiteWeb,
  timeServer,
} from './find-phases.js';
import { type Cell, type QueryRow, type Results, printReport } from './find-report.js';
import { GraphiteWeb } from './find-servers.js';
import type { Budget } from './find-time.js';
import { BenchAbort, buildCli, freeBytes } from './ingest-proc.js';
import { fmt } from './ingest-report.js';

const USAGE = `usage: npm run bench -- find [--series N] [--tagged M] [--graphite-web-series K] [--graphite-web-tagged T]
         [--runs R] [--warmup W] [--max-seconds S] [--port P] [--dir DIR] [--peers DIR]
         [--no-build] [--no-http] [--no-graphite-web]
Defaults: N 1,000,000, M 100,000, K 100,000, T = M × K / N; R 200 timed runs per query after W 5 warm-up,
at most S 120 s per query and side; graphite-web on 127.0.0.1:P (23080). --no-http skips carbonado serve.`;

/** The brief's floor: the bench refuses to start on less. */
const MIN_FREE_BYTES = 10e9;
/** Bound of each index build, of writing the whisper files and of filling graphite-web's tagdb. */
const STEP_SECONDS = 900;

class UsageError extends BenchAbort {}

interface Options {
  series: number;
  tagged: number;
  gwSeries: number;
  gwTagged: number;
  budget: Budget;
  port: number;
  dir: string;
  peers: string;
  build: boolean;
  http: boolean;
  graphiteWeb: boolean;
}

function parseOptions(args: readonly string[], repo: string): Options {
  let v;
  try {
    ({ values: v } = parseArgs({
      args: [...args],
      options: {
        series: { type: 'string', default: '1000000' },
        tagged: { type: 'string', default: '100000' },
        'graphite-web-series': { type: 'string', default: '100000' },
        'graphite-web-tagged': { type: 'string' },
        runs: { type: 'string', default: '200' },
        warmup: { type: 'string', default: '5' },
        'max-seconds': { type: 'string', default: '120' },
        port: { type: 'string', default: '23080' },
        dir: { type: 'string', default: tmpdir() },
        peers: { type: 'string', default: join(repo, '..', 'shared', 'peers') },
        'no-build': { type: 'boolean', default: false },
        'no-http': { type: 'boolean', default: false },
        'no-graphite-web': { type: 'boolean', default: false },
      },
    }));
  } catch (err) {
    // parseArgs throws a TypeError with an ERR_PARSE_ARGS_* code for unknown or malformed options.
    if (err instanceof TypeError) throw new UsageError(err.message);
    throw err;
  }
  const int = (name: keyof typeof v, min: number, max: number): number => {
    const n = Number(v[name]);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new UsageError(`--${name} must be an integer in [${min}, ${max}], got ${String(v[name])}`);
    return n;
  };
  const series = int('series', 1, 50_000_000);
  const tagged = int('tagged', 0, 10_000_000);
  const gwSeries = int('graphite-web-series', 1, 5_000_000);
  return {
    series,
    tagged,
    gwSeries,
    gwTagged:
      v['graphite-web-tagged'] === undefined
        ? Math.round((tagged * gwSeries) / series)
        : int('graphite-web-tagged', 0, 1_000_000),
    budget: {
      runs: int('runs', 1, 100_000),
      warmup: int('warmup', 0, 1000),
      maxSeconds: int('max-seconds', 1, 3600),
    },
    port: int('port', 1, 65535),
    dir: v.dir,
    peers: v.peers,
    build: !v['no-build'],
    http: !v['no-http'],
    graphiteWeb: !v['no-graphite-web'],
  };
}

const live: Live & { work: string } = { carbonado: new Set(), graphiteWeb: new Set(), work: '' };

function onInterrupt(signal: NodeJS.Signals): void {
  console.error(`find bench: ${signal}, stopping the servers`);
  for (const c of live.carbonado) c.kill();
  for (const g of live.graphiteWeb) g.stopSync();
  if (live.work !== '') rmSync(live.work, { recursive: true, force: true });
  process.exit(130);
}

const deadline = (): number => Date.now() + STEP_SECONDS * 1000;
const why = (err: unknown): string => (err instanceof Error ? err.message : String(err));

async function measure(o: Options, cli: string, work: string, r: Results): Promise<void> {
  const rows = new Map<string, QueryRow>(
    QUERIES.map((q) => [
      q.label,
      { query: q, n: undefined, nHttp: undefined, k: undefined, kHttp: undefined, gw: undefined },
    ]),
  );
  r.rows = [...rows.values()];
  const set = (key: keyof Omit<QueryRow, 'query'>, cells: Map<string, Cell> | string) => {
    for (const [label, row] of rows) row[key] = typeof cells === 'string' ? cells : cells.get(label);
  };

  // N series: in process, then through carbonado serve; removed before the K set is made.
  const nDir = join(work, 'n');
  const n = await measureIndex('N', nDir, o.series, o.tagged, o.budget, deadline(), false, r.failures);
  r.builds.push(n.build);
  set('n', n.cells);
  if (o.http) {
    const cells = new Map<string, Cell>();
    try {
      await measureServe(cli, nDir, undefined, n.build, live, (base) =>
        timeServer(base, 'carbonado N HTTP', o.budget, cells, r.failures),
      );
      set('nHttp', cells);
    } catch (err) {
      if (!(err instanceof BenchAbort)) throw err;
      r.failures.push(`carbonado serve (N): ${err.message}`);
      set('nHttp', `carbonado serve (N): ${err.message}`);
    }
  } else set('nHttp', 'not measured (--no-http)');
  rmSync(nDir, { recursive: true, force: true });

  // K series: the same index in process, the same tree as whisper files for graphite-web.
  const kDir = join(work, 'k');
  const k = await measureIndex('K', kDir, o.gwSeries, o.gwTagged, o.budget, deadline(), true, r.failures);
  r.builds.push(k.build);
  set('k', k.cells);
  const gwDir = join(work, 'graphite-web');
  const whisperDir = join(gwDir, 'whisper');
  let gw: GraphiteWeb | undefined;
  let tagSkip: string | undefined =
    o.gwTagged === 0 ? 'no tagged series at K (--graphite-web-tagged 0)' : undefined;
  try {
    if (o.graphiteWeb) {
      console.log(`[K] writing ${fmt(o.gwSeries)} whisper files …`);
      const seconds = writeWhisperTree(whisperDir, o.gwSeries, deadline());
      r.whisper = { files: o.gwSeries, seconds, diskBytes: diskBytes(whisperDir) };
      const started = await GraphiteWeb.start(o.peers, gwDir, o.port);
      if (typeof started === 'string') r.gwUnavailable = `peer unavailable: ${started}`;
      else {
        gw = started;
        live.graphiteWeb.add(gw);
        console.log(`[K] graphite-web on ${gw.base}; registering ${fmt(o.gwTagged)} tagged series …`);
      }
    } else r.gwUnavailable = 'not measured (--no-graphite-web)';
    if (gw !== undefined && o.gwTagged > 0) {
      try {
        r.gwTag = { series: o.gwTagged, seconds: await tagGraphiteWeb(gw, o.gwTagged, deadline()) };
      } catch (err) {
        tagSkip = `graphite-web tagdb: ${why(err)}`;
        r.failures.push(tagSkip);
      }
    }
    const gwSkip = (q: { exprs?: string[] }) => (q.exprs !== undefined ? tagSkip : undefined);
    if (gw === undefined) set('gw', r.gwUnavailable ?? 'graphite-web not running');
    const compare = (ours: string | undefined) =>
      compareAtK(rows, k.answers, gw?.base, gwSkip, ours, o.budget, r.checks, r.failures);
    if (o.http) {
      try {
        await measureServe(cli, kDir, gw ? whisperDir : undefined, k.build, live, (base) => compare(base));
      } catch (err) {
        if (!(err instanceof BenchAbort)) throw err;
        r.failures.push(`carbonado serve (K): ${err.message}`);
        set('kHttp', `carbonado serve (K): ${err.message}`);
      }
    } else {
      set('kHttp', 'not measured (--no-http)');
      await compare(undefined);
    }
  } finally {
    if (gw !== undefined) {
      await gw.stop();
      live.graphiteWeb.delete(gw);
    }
  }
}

export async function runFindBench(args: readonly string[] = []): Promise<void> {
  const repo = join(import.meta.dirname, '..', '..');
  process.once('SIGINT', onInterrupt);
  process.once('SIGTERM', onInterrupt);
  try {
    const o = parseOptions(args, repo);
    const free = freeBytes(o.dir);
    if (free < MIN_FREE_BYTES) {
      throw new BenchAbort(
        `${o.dir} has ${fmt(free / 1e9, 1)} GB free; this bench refuses to start below ${fmt(MIN_FREE_BYTES / 1e9)} GB (try --dir)`,
      );
    }
    const cli = o.http ? await buildCli(repo, !o.build) : '';
    live.work = mkdtempSync(join(o.dir, 'carbonado-find-'));
    console.log(`dir: ${live.work} (${fmt(free / 1e9, 1)} GB free)`);
    const r: Results = {
      series: o.series,
      tagged: o.tagged,
      gwSeries: o.gwSeries,
      gwTagged: o.gwTagged,
      budget: o.budget,
      builds: [],
      rows: [],
      checks: [],
      failures: [],
    };
    const t0 = performance.now();
    await measure(o, cli, live.work, r);
    printReport(r);
    console.log(`\nbench took ${fmt((performance.now() - t0) / 1000)} s`);
    if (r.failures.length > 0) process.exitCode = 1;
  } catch (err) {
    if (!(err instanceof BenchAbort)) throw err;
    console.error(`find bench: ${err.message}${err instanceof UsageError ? `\n${USAGE}` : ''}`);
    process.exitCode = err instanceof UsageError ? 2 : 1;
  } finally {
    for (const c of live.carbonado) c.kill();
    for (const g of live.graphiteWeb) await g.stop();
    if (live.work !== '') rmSync(live.work, { recursive: true, force: true });
    live.work = '';
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onInterrupt);
  }
}
