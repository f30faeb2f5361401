// `npm run bench -- render`: /render latency of carbonado and of Debian's graphite-web over the same whisper
// files in the same run, for dashboard-typical targets (issue 5), and whether their values agree.
// Sequential GETs on a new connection each (as ../shared/peers/http-bench.mjs); p50/p99 in ms.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { create, updateMany } from '../../storage/index.js';
import { GraphiteWeb } from './find-servers.js';
import { type Budget, type Timing, getBody, timeGets } from './find-time.js';
import { BenchAbort, buildCli } from './ingest-proc.js';
import { Carbonado } from './ingest-servers.js';

const DAY = 86_400;
const ARCHIVES = [
  { secondsPerPoint: 60, points: 2 * 1440 },
  { secondsPerPoint: 600, points: 31 * 144 },
];

interface Case {
  label: string;
  target: string;
  seconds: number;
  extra?: string;
}

const CASES: Case[] = [
  { label: 'one series over 1 day', target: 'bench.single.requests', seconds: DAY },
  { label: 'sumSeries over 100 series, 1 day', target: 'sumSeries(bench.sum.*.value)', seconds: DAY },
  {
    label: 'aliasByNode(movingAverage(50 series, 10), 2), 1 day',
    target: 'aliasByNode(movingAverage(bench.app.*.latency, 10), 2)',
    seconds: DAY,
  },
  {
    label: 'groupByNode over 1,000 series, 1 day',
    target: 'groupByNode(bench.group.*.*.cpu, 2, "sum")',
    seconds: DAY,
  },
  {
    label: '30 days, maxDataPoints=1000',
    target: 'bench.long.series',
    seconds: 30 * DAY,
    extra: '&maxDataPoints=1000',
  },
  {
    label: 'Grafana aliasSub wrap over 100 series, 6 h, maxDataPoints=1320',
    target: 'aliasSub(bench.sum.*.value, "(^.*$)", "\\1 A")',
    seconds: 6 * 3600,
    extra: '&maxDataPoints=1320',
  },
];

function names(): string[] {
  const out = ['bench.single.requests', 'bench.long.series'];
  for (let i = 0; i < 100; i++) out.push(`bench.sum.s${i}.value`);
  for (let i = 0; i < 50; i++) out.push(`bench.app.h${i}.latency`);
  for (let d = 0; d < 10; d++) for (let h = 0; h < 100; h++) out.push(`bench.group.dc${d}.host${h}.cpu`);
  return out;
}

/** Writes every series: 60 s points over 2 days and 10 min points over the 29 days before (nulls now and then). */
function writeData(whisperDir: string, now: number): number {
  let points = 0;
  const all = names();
  all.forEach((name, i) => {
    const path = join(whisperDir, ...name.split('.')) + '.wsp';
    mkdirSync(dirname(path), { recursive: true });
    create(path, ARCHIVES, { xFilesFactor: 0.5, aggregationMethod: 'average' });
    const pts: [number, number][] = [];
    const last = now - (now % 60);
    for (let t = last - 31 * DAY + 600; t <= last - 2 * DAY; t += 600) pts.push([t, ((t / 600) % 97) + i]);
    for (let t = last - 2 * DAY + 60; t <= last; t += 60) {
      if ((t / 60 + i) % 31 !== 0) pts.push([t, Math.round(1000 * Math.sin(t / 3600 + i)) / 10 + i]);
    }
    for (let k = 0; k < pts.length; k += 1000) updateMany(path, pts.slice(k, k + 1000), now);
    points += pts.length;
  });
  return points;
}

interface JsonSeries {
  target: string;
  datapoints: [number | null, number][];
}

/** Same names, same timestamps, values equal within 1e-9 relative: "equal" or what differs. */
function agree(a: JsonSeries[], b: JsonSeries[]): string {
  if (a.length !== b.length) return `series count ${a.length} vs ${b.length}`;
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as JsonSeries;
    const y = b[i] as JsonSeries;
    if (x.target !== y.target) return `name ${x.target} vs ${y.target}`;
    if (x.datapoints.length !== y.datapoints.length)
      return `${x.target}: ${x.datapoints.length} vs ${y.datapoints.length} points`;
    for (let j = 0; j < x.datapoints.length; j++) {
      const [v, t] = x.datapoints[j] as [number | null, number];
      const [w, u] = y.datapoints[j] as [number | null, number];
      if (t !== u) return `${x.target}: timestamp ${t} vs ${u}`;
      const same = v === null || w === null ? v === w : Math.abs(v - w) <= 1e-9 * Math.max(1, Math.abs(w));
      if (!same) return `${x.target} at ${t}: ${v} vs ${w}`;
      n++;
    }
  }
  return `equal (${n} points)`;
}

const ms = (t: Timing | undefined): string =>
  t === undefined ? '—' : `${t.p50.toFixed(2)} / ${t.p99.toFixed(2)}`;

export async function runRenderBench(args: readonly string[]): Promise<void> {
  const { values: v } = parseArgs({
    args: [...args],
    options: {
      runs: { type: 'string', default: '100' },
      'graphite-web-runs': { type: 'string', default: '30' },
      warmup: { type: 'string', default: '3' },
      'max-seconds': { type: 'string', default: '60' },
      port: { type: 'string', default: '23081' },
      dir: { type: 'string', default: tmpdir() },
      peers: { type: 'string', default: join(process.cwd(), '..', 'shared', 'peers') },
      'no-build': { type: 'boolean', default: false },
      'no-graphite-web': { type: 'boolean', default: false },
    },
  });
  const budget: Budget = {
    runs: Number(v.runs),
    warmup: Number(v.warmup),
    maxSeconds: Number(v['max-seconds']),
  };
  const gwBudget: Budget = { ...budget, runs: Number(v['graphite-web-runs']) };
  const cli = await buildCli(process.cwd(), v['no-build']);
  const work = mkdtempSync(join(v.dir, 'carbonado-render-bench-'));
  const now = Math.floor(Date.now() / 1000);
  let carbonado: Carbonado | undefined;
  let gw: GraphiteWeb | undefined;
  const stopAll = (): void => {
    carbonado?.kill();
    gw?.stopSync();
  };
  process.once('SIGINT', () => {
    stopAll();
    process.exit(130);
  });
  try {
    const whisperDir = join(work, 'whisper');
    const t0 = performance.now();
    const points = writeData(whisperDir, now);
    console.log(
      `data: ${names().length} series, ${points} points (1m:2d,10m:31d) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    carbonado = await Carbonado.start(cli, join(work, 'carbonado'), [
      'selfMetrics.intervalSeconds=0',
      `whisperDir=${whisperDir}`,
    ]);
    const cBase = `http://127.0.0.1:${carbonado.httpPort}`;
    // serve scans the whisper tree into its index in the background: wait for all of it
    for (let i = 0; ; i++) {
      const body = await getBody(`${cBase}/metrics/expand?query=bench.group.*.*.cpu&leavesOnly=1`);
      if ((JSON.parse(body) as { results: string[] }).results.length === 1000) break;
      if (i > 600) throw new BenchAbort('carbonado did not index the bench series within 60 s');
      await new Promise((r) => setTimeout(r, 100));
    }
    if (!v['no-graphite-web']) {
      const started = await GraphiteWeb.start(v.peers, work, Number(v.port));
      if (typeof started === 'string') console.log(`graphite-web: not measured: ${started}`);
      else gw = started;
    }
    const url = (base: string, c: Case): string =>
      `${base}/render?target=${encodeURIComponent(c.target)}&from=${now - c.seconds}&until=${now}&now=${now}&format=json${c.extra ?? ''}`;
    const rows: string[] = [];
    for (const c of CASES) {
      const mine = JSON.parse(await getBody(url(cBase, c))) as JsonSeries[];
      const theirs = gw ? (JSON.parse(await getBody(url(gw.base, c))) as JsonSeries[]) : undefined;
      const values = theirs ? agree(mine, theirs) : '—';
      const tc = await timeGets(url(cBase, c), budget);
      const tg = gw ? await timeGets(url(gw.base, c), gwBudget) : undefined;
      const ratio = tg ? `${(tg.p50 / tc.p50).toFixed(1)}×` : '—';
      rows.push(`| ${c.label} | ${ms(tc)} | ${ms(tg)} | ${ratio} | ${values} |`);
      console.log(rows.at(-1));
    }
    console.log('\n| target | carbonado p50 / p99 ms | graphite-web p50 / p99 ms | p50 ratio | values |');
    console.log('|---|---|---|---|---|');
    for (const row of rows) console.log(row);
    console.log(
      `\n${budget.runs} carbonado / ${gwBudget.runs} graphite-web sequential GETs per target (new connection each), after ${budget.warmup} warm-up.`,
    );
  } finally {
    await carbonado?.stop(30_000);
    await gw?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
