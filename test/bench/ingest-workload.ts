// One round of `npm run bench -- ingest` against one server: load.mjs (its own process) sends N × K lines,
// whisper-wait.py (Debian's python3-whisper) times until every point is in the files with its value, and
// /proc gives the server's CPU seconds and peak RSS. Tools: ../shared/peers/README.md.
import { join } from 'node:path';
import { BenchAbort, cpuSeconds, memoryMiB, runChild, tail } from './ingest-proc.js';
import type { Server } from './ingest-servers.js';

export interface Workload {
  metrics: number;
  points: number;
  connections: number;
  step: number;
  prefix: string;
  /** Bound of each load and each wait, seconds. */
  maxWait: number;
  peers: string;
}

/** load.mjs's JSON line (the fields used here). */
export interface LoadResult {
  lines: number;
  lines_expected: number;
  seconds: number;
  lines_per_sec: number;
  gen_seconds: number;
  ok: boolean;
  errors?: string[];
}

/** whisper-wait.py's JSON line. */
export interface WaitResult {
  sample_seconds?: number;
  full_seconds?: number;
  full_passes?: number;
  ok: boolean;
  error?: string;
  incomplete_metrics?: number;
}

export interface Row {
  server: string;
  round: string;
  points: number;
  send_seconds: number;
  accept_lines_per_sec: number;
  persisted_seconds: number;
  end_to_end_points_per_sec: number;
  server_cpu_seconds: number;
  server_peak_rss_mib: number;
  wait: WaitResult;
}

/**
 * Sends `metrics` × `points` lines from `startTs` to 127.0.0.1:`port` with load.mjs. `firstByteAt` is when
 * its timed part began (epoch ms): when its line arrived minus its `seconds`, which leaves out node's start
 * and the pre-building of the buffers.
 */
export async function sendLoad(
  w: Workload,
  port: number,
  metrics: number,
  points: number,
  startTs: number,
): Promise<{ load: LoadResult; firstByteAt: number }> {
  const args = [join(w.peers, 'load.mjs'), '--host', '127.0.0.1', '--port', String(port)];
  args.push('--metrics', String(metrics), '--points-per-metric', String(points));
  args.push('--connections', String(w.connections), '--start-ts', String(startTs), '--step', String(w.step));
  args.push('--prefix', w.prefix, '--max-seconds', String(w.maxWait));
  const r = await runChild(process.execPath, args, { timeoutMs: (w.maxWait + 120) * 1000 });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  let load: LoadResult;
  try {
    load = JSON.parse(line) as LoadResult;
  } catch {
    throw new BenchAbort(`load.mjs printed no result (exit ${r.code}): ${tail(r.stdout + r.stderr, 5)}`);
  }
  if (r.code !== 0 || !load.ok) {
    throw new BenchAbort(
      `load.mjs sent ${load.lines} of ${load.lines_expected} lines (exit ${r.code}): ${load.errors?.join('; ')}`,
    );
  }
  return { load, firstByteAt: (r.stdoutAt ?? Date.now()) - load.seconds * 1000 };
}

/** whisper-wait.py: seconds from `t0` (epoch ms) until all `metrics` × `points` values are on disk. */
export async function waitPersisted(
  w: Workload,
  whisperDir: string,
  startTs: number,
  t0: number,
): Promise<WaitResult> {
  const args = [join(w.peers, 'whisper-wait.py'), whisperDir, w.prefix, String(w.metrics), String(w.points)];
  args.push(String(startTs), String(w.step), (t0 / 1000).toFixed(3), String(w.maxWait));
  const r = await runChild('/usr/bin/python3', args, { timeoutMs: (w.maxWait + 120) * 1000 });
  try {
    return JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as WaitResult;
  } catch {
    throw new BenchAbort(
      `whisper-wait.py printed no result (exit ${r.code}): ${tail(r.stdout + r.stderr, 5)}`,
    );
  }
}

/** One round: send, wait until persisted, read the server's CPU and peak RSS. */
export async function measureRound(
  w: Workload,
  server: Server,
  round: string,
  startTs: number,
): Promise<Row> {
  const cpu0 = cpuSeconds(server.pid);
  const { load, firstByteAt } = await sendLoad(w, server.linePort, w.metrics, w.points, startTs);
  console.log(`[${server.name}/${round}] load: ${JSON.stringify(load)}`);
  const wait = await waitPersisted(w, server.whisperDir, startTs, firstByteAt);
  console.log(`[${server.name}/${round}] wait: ${JSON.stringify(wait)}`);
  if (!wait.ok || wait.full_seconds === undefined) {
    throw new BenchAbort(
      `[${server.name}/${round}] not persisted within ${w.maxWait} s: ${JSON.stringify(wait)}`,
    );
  }
  const cpu = cpuSeconds(server.pid) - cpu0;
  const points = w.metrics * w.points;
  return {
    server: server.name,
    round,
    points,
    send_seconds: load.seconds,
    accept_lines_per_sec: load.lines_per_sec,
    persisted_seconds: wait.full_seconds,
    end_to_end_points_per_sec: Math.floor(points / wait.full_seconds),
    server_cpu_seconds: Math.round(cpu * 100) / 100,
    server_peak_rss_mib: Math.round(memoryMiB(server.pid).hwm),
    wait,
  };
}
