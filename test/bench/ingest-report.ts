// The report of `npm run bench -- ingest`: the markdown table (as ../shared/peers/ingest-bench.sh prints),
// carbonado / carbon-cache ratios per round, the cache-memory section, the goals, one JSON line per row.
import { availableParallelism } from 'node:os';
import type { CacheRow } from './ingest-cache.js';
import type { Stopped } from './ingest-servers.js';
import type { Row, Workload } from './ingest-workload.js';

export interface Results {
  rows: Row[];
  stops: Partial<Record<'carbonado' | 'carbon', Stopped>>;
  /** Why carbon-cache could not be started. */
  unavailable: string | undefined;
  cache: CacheRow | undefined;
  failures: string[];
}

export const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const how = (s: { code: number | null; signal: string | null; killed: boolean }): string =>
  s.killed
    ? 'still running at the deadline, killed'
    : s.code !== null
      ? `exit ${s.code}`
      : `signal ${s.signal}`;

/** Prints everything measured; the table only when a server ran (`--servers none` runs the cache part only). */
export function printReport(w: Workload, r: Results): void {
  const ratios = ratiosOf(r.rows);
  if (r.rows.length > 0 || r.unavailable !== undefined) {
    printTable(w, r.rows);
    if (ratios.length > 0) {
      console.log('\ncarbonado / carbon-cache (same run)\n');
      console.log('| round | accepted lines/s | persisted points/s |\n|---|---|---|');
      for (const x of ratios)
        console.log(`| ${x.round} | ${fmt(x.accepted, 2)}× | ${fmt(x.persisted, 2)}× |`);
    }
  }
  if (r.unavailable !== undefined) console.log(`\ncarbon-cache: peer unavailable (${r.unavailable})`);
  const stop = r.stops.carbonado;
  if (stop) console.log(`\ncarbonado SIGTERM after the rounds: ${how(stop)} in ${fmt(stop.seconds, 2)} s`);
  if (r.cache) printCache(r.cache);
  printGoals(r, ratios);
  console.log('');
  for (const x of r.rows) console.log(JSON.stringify(x));
  if (r.cache) console.log(JSON.stringify({ server: 'carbonado', round: 'cache', ...r.cache }));
}

function printTable(w: Workload, rows: readonly Row[]): void {
  console.log(
    `\ningest: ${fmt(w.metrics)} metrics × ${w.points} points = ${fmt(w.metrics * w.points)} points per round, ` +
      `${w.connections} connections, step ${w.step} s (${availableParallelism()} cores, shared machine)\n`,
  );
  console.log(
    '| server | round | send_s | accepted lines/s | persisted_s | end-to-end points/s | CPU s | peak RSS MiB |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const x of rows) {
    const cells = [x.server === 'carbon' ? 'carbon-cache' : x.server, x.round, fmt(x.send_seconds, 2)];
    cells.push(fmt(x.accept_lines_per_sec), fmt(x.persisted_seconds, 2), fmt(x.end_to_end_points_per_sec));
    cells.push(fmt(x.server_cpu_seconds, 2), fmt(x.server_peak_rss_mib));
    console.log(`| ${cells.join(' | ')} |`);
  }
}

interface Ratio {
  round: string;
  accepted: number;
  persisted: number;
}

/** carbonado / carbon-cache per round, for the rounds both servers finished. */
function ratiosOf(rows: readonly Row[]): Ratio[] {
  const find = (server: string, round: string) => rows.find((x) => x.server === server && x.round === round);
  return ['create', 'update'].flatMap((round) => {
    const [a, b] = [find('carbonado', round), find('carbon', round)];
    if (a === undefined || b === undefined) return [];
    const accepted = a.accept_lines_per_sec / b.accept_lines_per_sec;
    return [{ round, accepted, persisted: a.end_to_end_points_per_sec / b.end_to_end_points_per_sec }];
  });
}

function printCache(c: CacheRow): void {
  console.log(
    `\ncarbonado with ${fmt(c.metrics)} metrics × 1 point in its cache (persister.maxCreatesPerMinute=0)\n`,
  );
  console.log(
    '| send_s | accepted lines/s | cached_s | cache.size | VmRSS before MiB | VmRSS MiB | VmRSS +5 s MiB | ' +
      'VmHWM MiB | bytes/metric | CPU s in the 5 s |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  const cells = [fmt(c.send_seconds, 2), fmt(c.accept_lines_per_sec), fmt(c.cached_seconds, 2)];
  cells.push(fmt(c.cache_size), fmt(c.baseline_rss_mib), fmt(c.rss_mib), fmt(c.rss_settled_mib));
  cells.push(fmt(c.peak_rss_mib), fmt(c.bytes_per_metric), fmt(c.settle_cpu_seconds, 2));
  console.log(`| ${cells.join(' | ')} |`);
  console.log(
    `SIGTERM: ${how(c.stop)} in ${fmt(c.stop.seconds, 2)} s (exit 1 is the expected outcome here: with creates ` +
      'off, the cache cannot reach disk within shutdown.flushTimeoutMs=1000, and the WAL keeps it)',
  );
}

/** The goals, judged on this run's figures. */
function printGoals(r: Results, ratios: readonly Ratio[]): void {
  const mark = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  console.log('\ngoals');
  const ours = r.rows.filter((x) => x.server === 'carbonado');
  const accepted = ours.map(
    (x) => `${x.round} ${fmt(x.accept_lines_per_sec)} ${mark(x.accept_lines_per_sec >= 1e6)}`,
  );
  console.log(`- accepted ≥ 1,000,000 lines/s: ${accepted.join(', ') || 'not measured'}`);
  const persisted = ratios.map((x) => `${x.round} ${fmt(x.persisted, 2)}× ${mark(x.persisted >= 10)}`);
  console.log(`- persisted points/s ≥ 10× carbon-cache: ${persisted.join(', ') || 'not measured'}`);
  const c = r.cache;
  const rss = c
    ? `${fmt(c.metrics)} metrics: VmHWM ${fmt(c.peak_rss_mib)} MiB ${mark(c.peak_rss_mib <= 1024)}` +
      (c.metrics < 1e6 ? ' (the goal is for 1,000,000 metrics)' : '')
    : 'not measured (--cache-metrics 1000000)';
  console.log(`- RSS ≤ 1 GiB with 1,000,000 metrics in cache: ${rss}`);
}
