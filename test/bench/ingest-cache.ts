// `npm run bench -- ingest --cache-metrics M`: carbonado's memory with M metrics held in its cache. Creates
// are off (persister.maxCreatesPerMinute=0), so every point stays in the cache; M × 1 point is sent with
// load.mjs and /healthz is polled until the cache holds them all, then VmRSS and VmHWM are read.
import { join } from 'node:path';
import { BenchAbort, cpuSeconds, memoryMiB, sleep, tail } from './ingest-proc.js';
import { Carbonado } from './ingest-servers.js';
import { type Workload, sendLoad } from './ingest-workload.js';

export interface CacheRow {
  metrics: number;
  send_seconds: number;
  accept_lines_per_sec: number;
  /** From load.mjs's first byte until /healthz counted every point. */
  cached_seconds: number;
  cache_size: number;
  baseline_rss_mib: number;
  rss_mib: number;
  /** VmRSS again 5 s later, once parsing garbage may have been collected. */
  rss_settled_mib: number;
  peak_rss_mib: number;
  /** (VmRSS once all were cached − VmRSS before sending) / metrics. */
  bytes_per_metric: number;
  /** Server CPU from before sending until /healthz counted every point. */
  server_cpu_seconds: number;
  /** In the 5 s after: a cache that can write nothing should leave the server idle. */
  settle_cpu_seconds: number;
  stop: { code: number | null; signal: string | null; seconds: number; killed: boolean };
}

const SETTLE_MS = 5_000;
/** shutdown.flushTimeoutMs is 1 s; what is left is closing the WAL, the pool and the listeners. */
const STOP_TIMEOUT_MS = 15_000;

export async function runCacheBench(
  cli: string,
  work: string,
  w: Workload,
  metrics: number,
  sets: readonly string[],
  live: Set<Carbonado>,
): Promise<CacheRow> {
  const server = await Carbonado.start(cli, join(work, 'cache'), [
    'persister.maxCreatesPerMinute=0',
    `cache.maxSize=${Math.max(10_000_000, 2 * metrics)}`,
    // Exactly `metrics` points in the cache: no self metrics.
    'selfMetrics.intervalSeconds=0',
    // SIGTERM lifts the create limit for the flush; the flush gets 1 s of sparse files, not M × 622 KB.
    'whisper.sparse=true',
    'shutdown.flushTimeoutMs=1000',
    ...sets,
  ]);
  live.add(server);
  try {
    console.log(
      `[carbonado/cache] pid ${server.pid}, line port ${server.linePort}, http port ${server.httpPort}`,
    );
    const baseline = memoryMiB(server.pid).rss;
    const cpu0 = cpuSeconds(server.pid);
    const startTs = Math.floor(Date.now() / 1000 / w.step) * w.step;
    const { load, firstByteAt } = await sendLoad(w, server.linePort, metrics, 1, startTs);
    console.log(`[carbonado/cache] load: ${JSON.stringify(load)}`);
    const deadline = Date.now() + w.maxWait * 1000;
    let size = 0;
    while (Date.now() < deadline) {
      const h = await server.health();
      size = (h.cache?.size ?? 0) + (h.cache?.inflight ?? 0);
      if (size >= metrics) break;
      await sleep(200);
    }
    const cachedAt = Date.now();
    if (size < metrics) {
      throw new BenchAbort(
        `[carbonado/cache] /healthz counts ${size} of ${metrics} points after ${w.maxWait} s`,
      );
    }
    const now = memoryMiB(server.pid);
    const cpu1 = cpuSeconds(server.pid);
    await sleep(SETTLE_MS);
    const settled = memoryMiB(server.pid);
    const cpu2 = cpuSeconds(server.pid);
    const stop = await server.stop(STOP_TIMEOUT_MS);
    if (stop.code !== 0 && stop.code !== 1)
      console.log(`carbonado log ends with:\n${tail(server.logText(), 8)}`);
    return {
      metrics,
      send_seconds: load.seconds,
      accept_lines_per_sec: load.lines_per_sec,
      cached_seconds: Math.round(cachedAt - firstByteAt) / 1000,
      cache_size: size,
      baseline_rss_mib: Math.round(baseline),
      rss_mib: Math.round(now.rss),
      rss_settled_mib: Math.round(settled.rss),
      peak_rss_mib: Math.round(settled.hwm),
      bytes_per_metric: Math.round(((now.rss - baseline) * 1048576) / metrics),
      server_cpu_seconds: Math.round((cpu1 - cpu0) * 100) / 100,
      settle_cpu_seconds: Math.round((cpu2 - cpu1) * 100) / 100,
      stop: { ...stop, seconds: Math.round(stop.seconds * 100) / 100 },
    };
  } finally {
    server.kill();
    live.delete(server);
  }
}
