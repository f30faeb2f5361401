// The report of `npm run bench -- find`: build table, latency at N series, carbonado next to graphite-web at K
// series with ratios, the answer checks, the issue's goals judged on this run, and one JSON line per row.
import { availableParallelism } from 'node:os';
import { type Query, queryText } from './find-data.js';
import type { Timing } from './find-time.js';
import { fmt } from './ingest-report.js';

export interface BuildRow {
  set: 'N' | 'K';
  plain: number;
  tagged: number;
  seconds: number;
  diskBytes: number;
  /** The bench process right after the build (VmRSS, VmHWM). */
  rssMiB: number;
  hwmMiB: number;
  /** LevelMetricIndex.open on the closed index, then the first find on it. */
  reopenMs: number;
  firstFindMs: number;
  /** `carbonado serve` on the same index: spawn → "carbonado ready", the first GET find, VmRSS after. */
  serveStartMs?: number;
  serveFirstFindMs?: number;
  serveRssMiB?: number;
}

/** A figure, or why there is none. */
export type Cell = Timing | string | undefined;

export interface QueryRow {
  query: Query;
  /** carbonado at N series: in process, over HTTP. */
  n: Cell;
  nHttp: Cell;
  /** At K series: carbonado in process, over HTTP, graphite-web over HTTP. */
  k: Cell;
  kHttp: Cell;
  gw: Cell;
}

export interface Results {
  series: number;
  tagged: number;
  gwSeries: number;
  gwTagged: number;
  budget: { runs: number; warmup: number; maxSeconds: number };
  builds: BuildRow[];
  rows: QueryRow[];
  whisper?: { files: number; seconds: number; diskBytes: number };
  gwTag?: { series: number; seconds: number };
  gwUnavailable?: string;
  checks: string[];
  failures: string[];
}

const MiB = 1024 * 1024;
const isTiming = (c: Cell): c is Timing => typeof c === 'object';

function ms(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  return fmt(x, x < 1 ? 3 : x < 10 ? 2 : x < 100 ? 1 : 0);
}

const p50 = (c: Cell): string => (isTiming(c) ? ms(c.p50) + (c.truncated ? ` (${c.runs} runs)` : '') : 'n/a');
const p99 = (c: Cell): string => (isTiming(c) ? ms(c.p99) : 'n/a');
const ratio = (peer: Cell, ours: Cell): number | undefined =>
  isTiming(peer) && isTiming(ours) ? peer.p50 / ours.p50 : undefined;
const times = (r: number | undefined): string => (r === undefined ? 'n/a' : `${fmt(r, r < 10 ? 1 : 0)}×`);
const code = (q: Query): string => `\`${queryText(q)}\``;
const matches = (c: Cell): string => (isTiming(c) ? fmt(c.size) : 'n/a');

/** One JSON line; fractions to 3 decimals (ms to the µs). HTTP cells' `size` is body bytes. */
const json = (row: object): void =>
  console.log(
    JSON.stringify(row, (_key, v: unknown) =>
      typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1000) / 1000 : v,
    ),
  );

export function printReport(r: Results): void {
  const b = r.budget;
  console.log(
    `\nfind: carbonado at N = ${fmt(r.series)} plain + ${fmt(r.tagged)} tagged series (in process and over HTTP); ` +
      `carbonado and graphite-web at K = ${fmt(r.gwSeries)} plain + ${fmt(r.gwTagged)} tagged, same run ` +
      `(${availableParallelism()} cores, shared machine)`,
  );
  printBuilds(r);
  const how =
    `${b.runs} runs after ${b.warmup} warm-up, at most ${b.maxSeconds} s per cell; in process = ` +
    'LevelMetricIndex.find / findSeries; HTTP = GET /metrics/find?format=treejson or /tags/findSeries, ' +
    'a new connection per request (as http-bench.mjs)';
  console.log(`\nlatency at N = ${fmt(r.series + r.tagged)} series, ms (${how})\n`);
  console.log('| query | pattern | matches | in-process p50 | p99 | max | HTTP p50 | HTTP p99 |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const x of r.rows) {
    const max = isTiming(x.n) ? ms(x.n.max) : 'n/a';
    const cells = [x.query.label, code(x.query), matches(x.n), p50(x.n), p99(x.n), max, p50(x.nHttp)];
    console.log(`| ${[...cells, p99(x.nHttp)].join(' | ')} |`);
  }
  console.log(
    `\nlatency at K = ${fmt(r.gwSeries + r.gwTagged)} series, carbonado next to graphite-web 1.1.8 ` +
      '(gunicorn, 2 sync workers, its whisper tree in the page cache as on a warm server), ms; ' +
      'ratio = graphite-web p50 ÷ carbonado p50; graphite-web and carbonado HTTP timed alternately per query\n',
  );
  console.log(
    '| query | pattern | matches | carbonado in-process p50 | carbonado HTTP p50 | HTTP p99 | ' +
      'graphite-web p50 | p99 | ratio (gw ÷ in-process) | ratio (gw ÷ HTTP) |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const x of r.rows) {
    const cells = [x.query.label, code(x.query), matches(x.k), p50(x.k), p50(x.kHttp), p99(x.kHttp)];
    cells.push(p50(x.gw), p99(x.gw), times(ratio(x.gw, x.k)), times(ratio(x.gw, x.kHttp)));
    console.log(`| ${cells.join(' | ')} |`);
  }
  const why = [...new Set(r.rows.flatMap((x) => [x.n, x.nHttp, x.k, x.kHttp, x.gw]))].filter(
    (c): c is string => typeof c === 'string',
  );
  for (const w of why) console.log(`n/a: ${w}`);
  console.log(`\nanswers checked before timing:`);
  for (const c of r.checks) console.log(`- ${c}`);
  if (r.checks.length === 0) console.log('- none (no graphite-web answers to check against)');
  printGoals(r);
  console.log('');
  for (const x of r.builds) json({ kind: 'build', ...x });
  if (r.whisper) json({ kind: 'whisper-files', ...r.whisper });
  if (r.gwTag) json({ kind: 'graphite-web-tagdb', ...r.gwTag });
  for (const x of r.rows) {
    const { query, ...cells } = x;
    json({ kind: 'latency', query: query.label, pattern: queryText(query), ...cells });
  }
}

function printBuilds(r: Results): void {
  console.log('\nbuild (LevelMetricIndex, batches of 10,000; RSS = the bench process after the build)\n');
  console.log(
    '| set | series | build s | series/s | disk MiB | RSS MiB | VmHWM MiB | reopen ms | reopen + first find ms | ' +
      'serve start ms | serve first find ms | serve RSS MiB |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const x of r.builds) {
    const n = x.plain + x.tagged;
    const cells = [x.set, `${fmt(x.plain)} + ${fmt(x.tagged)} tagged`, fmt(x.seconds, 1)];
    cells.push(fmt(n / x.seconds), fmt(x.diskBytes / MiB, 1), fmt(x.rssMiB), fmt(x.hwmMiB));
    cells.push(ms(x.reopenMs), ms(x.reopenMs + x.firstFindMs));
    cells.push(x.serveStartMs === undefined ? 'n/a' : ms(x.serveStartMs));
    cells.push(x.serveFirstFindMs === undefined ? 'n/a' : ms(x.serveFirstFindMs));
    cells.push(x.serveRssMiB === undefined ? 'n/a' : fmt(x.serveRssMiB));
    console.log(`| ${cells.join(' | ')} |`);
  }
  const w = r.whisper;
  if (w) {
    const rate = w.files / w.seconds;
    console.log(
      `\ngraphite-web's find walks the file system, so it reads K = ${fmt(w.files)} whisper files ` +
        `(60 s × 1 point, sparse), not N = ${fmt(r.series)}: they took ${fmt(w.seconds, 1)} s ` +
        `(${fmt(rate)} files/s) and ${fmt(w.diskBytes / MiB)} MiB; 1,000,000 would take ~${fmt(1e6 / rate)} s ` +
        `and ~${fmt(((w.diskBytes / w.files) * 1e6) / 1e9, 1)} GB, plus removing them.`,
    );
  }
  if (r.gwTag) {
    const rate = r.gwTag.series / r.gwTag.seconds;
    console.log(
      `graphite-web's sqlite tagdb registered T = ${fmt(r.gwTag.series)} tagged series in ` +
        `${fmt(r.gwTag.seconds, 1)} s (${fmt(rate)} series/s, POST /tags/tagMultiSeries × 500), so ` +
        `${fmt(r.tagged)} would take ~${fmt(r.tagged / rate)} s. K and T are scaled down to keep the run near ` +
        '10 minutes (--graphite-web-series, --graphite-web-tagged to change them).',
    );
  }
  if (r.gwUnavailable !== undefined) console.log(`graphite-web: ${r.gwUnavailable}`);
}

function printGoals(r: Results): void {
  const mark = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  const judge = (c: Cell, ok: (t: Timing) => boolean, show: (t: Timing) => string): string =>
    isTiming(c) ? `${show(c)} ${mark(ok(c))}` : 'n/a';
  console.log('\ngoals (judged on this run)');
  const at = r.series + r.tagged;
  const scale = at < 1e6 ? ` (measured at ${fmt(at)} series; the goal is for 1,000,000)` : '';
  console.log(`- one-level queries p50 < 2 ms at 1M series${scale}:`);
  const fast = (t: Timing) => t.p50 < 2;
  const show = (t: Timing) => `${ms(t.p50)} ms`;
  for (const goal of ['one-level', 'top-level'] as const) {
    if (goal === 'top-level') console.log('  - top-level, not named by the goal, against the same 2 ms:');
    for (const x of r.rows.filter((y) => y.query.goal === goal)) {
      console.log(
        `${goal === 'top-level' ? '    ' : '  '}- ${code(x.query)}: in process ${judge(x.n, fast, show)}; ` +
          `over HTTP ${judge(x.nHttp, fast, show)}`,
      );
    }
  }
  console.log(`- ≥ 50× graphite-web on globs (p50 ratio at K = ${fmt(r.gwSeries)}):`);
  for (const x of r.rows.filter((y) => y.query.goal === 'glob')) {
    const cell = (ours: Cell) => {
      const q = ratio(x.gw, ours);
      return q === undefined ? 'n/a' : `${times(q)} ${mark(q >= 50)}`;
    };
    console.log(`  - ${code(x.query)}: in process ${cell(x.k)}; HTTP vs HTTP ${cell(x.kHttp)}`);
  }
  const n = r.builds.find((x) => x.set === 'N');
  if (n) {
    const open = n.reopenMs + n.firstFindMs;
    const serve =
      n.serveStartMs === undefined
        ? 'n/a'
        : `${ms(n.serveStartMs)} ms ${mark(n.serveStartMs < 1000)}` +
          (n.serveFirstFindMs === undefined
            ? ''
            : ` (+ first find ${ms(n.serveFirstFindMs)} ms: ${mark(n.serveStartMs + n.serveFirstFindMs < 1000)})`);
    console.log(
      `- start-up with an existing ${fmt(n.plain + n.tagged)}-series index < 1 s: reopen + first find ` +
        `${ms(open)} ms ${mark(open < 1000)}; carbonado serve spawn → ready ${serve}`,
    );
  }
  if (r.failures.length > 0) console.log(`\nfailed:\n${r.failures.map((f) => `- ${f}`).join('\n')}`);
}
