// The measuring steps of `npm run bench -- find`: build, reopen and query an index in process; the same
// queries through `carbonado serve`; and at K series, graphite-web's answers checked against carbonado's
// before both are timed, query by query, in the same run.
import { isDeepStrictEqual } from 'node:util';
import { LevelMetricIndex } from '../../storage/index.js';
import { type Query, QUERIES, diskBytes, fillIndex, queryText, taggedName } from './find-data.js';
import type { BuildRow, Cell, QueryRow } from './find-report.js';
import { carbonadoIndex, startCarbonado, type GraphiteWeb } from './find-servers.js';
import { type Budget, findUrl, getBody, tagsUrl, timeCalls, timeGets } from './find-time.js';
import { memoryMiB } from './ingest-proc.js';
import type { Carbonado } from './ingest-servers.js';

/** Servers up at the moment, so that an interrupted bench stops them. */
export interface Live {
  carbonado: Set<Carbonado>;
  graphiteWeb: Set<GraphiteWeb>;
}

/** What a cell that threw says instead of a figure. */
const failed = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** What is timed: the call alone, returning how many nodes or series it found. */
async function count(index: LevelMetricIndex, q: Query): Promise<number> {
  return (q.find !== undefined ? await index.find(q.find) : await index.findSeries(q.exprs ?? [])).length;
}

/** The answer to check graphite-web's against: `leaf|branch path` per node, or the series names; sorted. */
async function answer(index: LevelMetricIndex, q: Query): Promise<string[]> {
  const list =
    q.find !== undefined
      ? (await index.find(q.find)).map((n) => `${n.isLeaf ? 'leaf' : 'branch'} ${n.path}`)
      : await index.findSeries(q.exprs ?? []);
  return list.sort();
}

export interface IndexPhase {
  build: BuildRow;
  cells: Map<string, Cell>;
  /** Each query's answer (`leaf|branch path` or series names), sorted, when asked for. */
  answers: Map<string, string[]>;
}

/** Builds `plain` + `tagged` series in `carbonadoIndex(dir)`, closes, reopens, and times every query. */
export async function measureIndex(
  set: 'N' | 'K',
  dir: string,
  plain: number,
  tagged: number,
  budget: Budget,
  deadline: number,
  keepAnswers: boolean,
  failures: string[],
): Promise<IndexPhase> {
  const path = carbonadoIndex(dir);
  let index = await LevelMetricIndex.open(path);
  let open = true;
  try {
    console.log(`[${set}] building ${plain.toLocaleString('en-US')} + ${tagged.toLocaleString('en-US')} …`);
    const built = await fillIndex(index, plain, tagged, Math.floor(Date.now() / 1000), deadline);
    const mem = memoryMiB(process.pid);
    await index.close();
    open = false;
    const disk = diskBytes(path);
    const t0 = performance.now();
    index = await LevelMetricIndex.open(path);
    open = true;
    const t1 = performance.now();
    await index.find(QUERIES[0]?.find ?? '*');
    const t2 = performance.now();
    const build: BuildRow = {
      set,
      plain,
      tagged,
      seconds: built.seconds,
      diskBytes: disk,
      rssMiB: Math.round(mem.rss),
      hwmMiB: Math.round(mem.hwm),
      reopenMs: t1 - t0,
      firstFindMs: t2 - t1,
    };
    console.log(`[${set}] built in ${built.seconds.toFixed(1)} s; timing queries in process …`);
    const cells = new Map<string, Cell>();
    const answers = new Map<string, string[]>();
    for (const q of QUERIES) {
      try {
        if (keepAnswers) answers.set(q.label, await answer(index, q));
        const ix = index;
        cells.set(q.label, await timeCalls(() => count(ix, q), budget));
      } catch (err) {
        const text = `${set} in process ${queryText(q)}: ${failed(err)}`;
        cells.set(q.label, text);
        failures.push(text);
      }
    }
    return { build, cells, answers };
  } finally {
    if (open) await index.close();
  }
}

const urlOf = (base: string, q: Query, format = 'treejson'): string =>
  q.find !== undefined ? findUrl(base, q.find, format) : tagsUrl(base, q.exprs ?? []);

/**
 * `carbonado serve` on the index measureIndex left in `dir`: start-up, the first find, every query over
 * HTTP (into `cells`), and the server's VmRSS after; stopped with SIGTERM at the end.
 */
export async function measureServe(
  cli: string,
  dir: string,
  whisperDir: string | undefined,
  build: BuildRow,
  live: Live,
  during: (base: string) => Promise<void>,
): Promise<void> {
  const { server, startMs } = await startCarbonado(cli, dir, whisperDir);
  live.carbonado.add(server);
  try {
    const base = `http://127.0.0.1:${server.httpPort}`;
    const t0 = performance.now();
    await getBody(urlOf(base, QUERIES[0]!));
    build.serveStartMs = startMs;
    build.serveFirstFindMs = performance.now() - t0;
    console.log(
      `[${build.set}] carbonado serve pid ${server.pid} ready in ${startMs} ms; timing over HTTP …`,
    );
    await during(base);
    build.serveRssMiB = Math.round(memoryMiB(server.pid).rss);
  } finally {
    const stop = await server.stop(30_000);
    live.carbonado.delete(server);
    if (stop.code !== 0) console.log(`carbonado serve stopped with ${stop.code ?? stop.signal}`);
  }
}

/** Times every query over HTTP at `base` into `cells` (one server). */
export async function timeServer(
  base: string,
  name: string,
  budget: Budget,
  cells: Map<string, Cell>,
  failures: string[],
): Promise<void> {
  for (const q of QUERIES) {
    try {
      cells.set(q.label, await timeGets(urlOf(base, q), budget));
    } catch (err) {
      const text = `${name} ${queryText(q)}: ${failed(err)}`;
      cells.set(q.label, text);
      failures.push(text);
    }
  }
}

/** Registers the K set's tagged series in graphite-web's tagdb. */
export function tagGraphiteWeb(gw: GraphiteWeb, tagged: number, deadline: number): Promise<number> {
  return gw.tagSeries(
    Array.from({ length: tagged }, (_, i) => taggedName(i)),
    deadline,
  );
}

/** graphite-web's answer in carbonado's terms: format=json nodes as `leaf|branch path`, or series names. */
async function peerAnswer(gwBase: string, q: Query): Promise<string[]> {
  const body = JSON.parse(await getBody(urlOf(gwBase, q, 'json'))) as unknown;
  if (q.find === undefined) return [...(body as string[])].sort();
  return (body as { path: string; is_leaf: boolean }[])
    .map((n) => `${n.is_leaf ? 'leaf' : 'branch'} ${n.path}`)
    .sort();
}

/**
 * At K series: per query, checks graphite-web's answer against carbonado's (in-process answer; treejson or
 * findSeries body over HTTP when `ours` is up), then times graphite-web and carbonado alternately.
 */
export async function compareAtK(
  rows: Map<string, QueryRow>,
  answers: Map<string, string[]>,
  gwBase: string | undefined,
  gwSkip: (q: Query) => string | undefined,
  ours: string | undefined,
  budget: Budget,
  checks: string[],
  failures: string[],
): Promise<void> {
  for (const q of QUERIES) {
    const row = rows.get(q.label)!;
    const skip = gwBase === undefined ? (row.gw ?? 'graphite-web not running') : gwSkip(q);
    if (skip !== undefined) row.gw = skip;
    const notes: string[] = [];
    try {
      if (skip === undefined && gwBase !== undefined) {
        const peer = await peerAnswer(gwBase, q);
        const mine = answers.get(q.label) ?? [];
        if (isDeepStrictEqual(peer, mine)) notes.push(`graphite-web json = carbonado (${peer.length})`);
        else {
          const diff = peer.find((x) => !mine.includes(x)) ?? mine.find((x) => !peer.includes(x));
          failures.push(
            `${queryText(q)}: graphite-web lists ${peer.length}, carbonado ${mine.length} (e.g. ${diff})`,
          );
        }
        if (ours !== undefined) {
          const [a, b] = [await getBody(urlOf(gwBase, q)), await getBody(urlOf(ours, q))];
          if (isDeepStrictEqual(JSON.parse(a), JSON.parse(b)))
            notes.push(`${q.find ? 'treejson' : 'findSeries'} bodies equal`);
          else failures.push(`${queryText(q)}: graphite-web and carbonado HTTP answers differ`);
        }
      }
    } catch (err) {
      failures.push(`${queryText(q)}: check failed: ${failed(err)}`);
    }
    if (notes.length > 0) checks.push(`\`${queryText(q)}\`: ${notes.join('; ')}`);
    if (skip === undefined && gwBase !== undefined) {
      try {
        row.gw = await timeGets(urlOf(gwBase, q), budget);
      } catch (err) {
        row.gw = `graphite-web ${queryText(q)}: ${failed(err)}`;
        failures.push(row.gw);
      }
    }
    if (ours !== undefined) {
      try {
        row.kHttp = await timeGets(urlOf(ours, q), budget);
      } catch (err) {
        row.kHttp = `carbonado K HTTP ${queryText(q)}: ${failed(err)}`;
        failures.push(row.kHttp);
      }
    }
  }
}
