// The data set and queries of `npm run bench -- find`: a host tree (1,000 metrics per host: 10 groups × 100)
// plus tagged `app.req` series, built into a LevelMetricIndex in batches or written as tiny whisper files
// for graphite-web's StandardFinder, which walks the file system (graphite.md §3.4).
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type LevelMetricIndex, create } from '../../storage/index.js';
import { BenchAbort } from './ingest-proc.js';

export const GROUPS = ['cpu', 'mem', 'disk', 'net', 'load', 'proc', 'swap', 'io', 'fs', 'sys'] as const;
const METRICS_PER_GROUP = 100;
const PER_HOST = GROUPS.length * METRICS_PER_GROUP;
const TAG_HOSTS = 1000;
const DCS = ['us-east', 'eu-west', 'us-west', 'eu-central'] as const;
const CODES = ['200', '301', '404', '500', '503'] as const;
export const BATCH = 10_000;

/** Plain series `i`: `bench.host<h>.<group>.metric<m>`; the first K of N are the K-series set. */
export function plainName(i: number): string {
  const group = GROUPS[Math.floor(i / METRICS_PER_GROUP) % GROUPS.length]!;
  return `bench.host${Math.floor(i / PER_HOST)}.${group}.metric${i % METRICS_PER_GROUP}`;
}

/**
 * Tagged series `i`, already canonical (tags sorted): code varies fastest, then host (1,000, dc from the
 * host), then endpoint, so every prefix of the sequence spreads over all codes and hosts.
 */
export function taggedName(i: number): string {
  const host = Math.floor(i / CODES.length) % TAG_HOSTS;
  const endpoint = Math.floor(i / (CODES.length * TAG_HOSTS));
  return `app.req;code=${CODES[i % CODES.length]};dc=${DCS[host % DCS.length]};endpoint=ep${endpoint};host=host${host}`;
}

/** Which of the issue's goals a query is judged by (`top-level` is shown next to one-level, not judged). */
export type Goal = 'one-level' | 'top-level' | 'glob' | 'tags';

export interface Query {
  /** Row label. */
  label: string;
  /** A find pattern, or seriesByTag expressions. */
  find?: string;
  exprs?: string[];
  goal: Goal;
}

export const QUERIES: readonly Query[] = [
  { label: 'one-level', find: 'bench.host42.*', goal: 'one-level' },
  { label: 'one-level leaves', find: 'bench.host42.cpu.*', goal: 'one-level' },
  { label: 'top-level', find: '*', goal: 'top-level' },
  { label: 'top-level hosts', find: 'bench.*', goal: 'top-level' },
  { label: 'deep glob', find: 'bench.host1*.cpu.metric1?', goal: 'glob' },
  { label: 'glob across hosts', find: 'bench.*.cpu.metric1', goal: 'glob' },
  { label: 'brace', find: 'bench.host{1,2,3}.{cpu,mem}.metric1', goal: 'glob' },
  { label: 'globstar', find: 'bench.host42.**', goal: 'glob' },
  { label: 'seriesByTag selective', exprs: ['host=host7', 'dc=~eu.*'], goal: 'tags' },
  { label: 'seriesByTag broad', exprs: ['name=app.req', 'code!=200'], goal: 'tags' },
];

export const queryText = (q: Query): string =>
  q.find ?? `seriesByTag(${(q.exprs ?? []).map((e) => `'${e}'`).join(',')})`;

export interface Built {
  plain: number;
  tagged: number;
  seconds: number;
  plainSeconds: number;
  taggedSeconds: number;
}

/**
 * Adds `plain` then `tagged` series to `index` in batches of BATCH. Names are made per batch inside the timed
 * part (10,000 template strings cost far less than one add). Aborts past `deadline` (epoch ms).
 */
export async function fillIndex(
  index: LevelMetricIndex,
  plain: number,
  tagged: number,
  seen: number,
  deadline: number,
): Promise<Built> {
  const add = async (count: number, name: (i: number) => string): Promise<number> => {
    const t0 = performance.now();
    for (let start = 0; start < count; start += BATCH) {
      if (Date.now() > deadline) throw new BenchAbort(`index build still running at its deadline`);
      const end = Math.min(count, start + BATCH);
      const batch = Array.from({ length: end - start }, (_, k) => ({ name: name(start + k), seen }));
      await index.add(batch);
    }
    return (performance.now() - t0) / 1000;
  };
  const plainSeconds = await add(plain, plainName);
  const taggedSeconds = await add(tagged, taggedName);
  return { plain, tagged, seconds: plainSeconds + taggedSeconds, plainSeconds, taggedSeconds };
}

/**
 * Writes the first `count` plain series as whisper files under `whisperDir` with one 60 s × 1 point archive,
 * sparse (40 bytes, one block each), the tree graphite-web reads. Returns seconds.
 */
export function writeWhisperTree(whisperDir: string, count: number, deadline: number): number {
  const t0 = performance.now();
  let dir = '';
  for (let i = 0; i < count; i++) {
    if (i % BATCH === 0 && Date.now() > deadline)
      throw new BenchAbort(`whisper files: ${i} of ${count} written at the deadline`);
    const parts = plainName(i).split('.');
    const parent = join(whisperDir, ...parts.slice(0, -1));
    if (parent !== dir) {
      mkdirSync(parent, { recursive: true });
      dir = parent;
    }
    create(join(parent, `${parts.at(-1)}.wsp`), [{ secondsPerPoint: 60, points: 1 }], { sparse: true });
  }
  return (performance.now() - t0) / 1000;
}

/** Bytes the files under `dir` occupy on disk (`du`: allocated blocks), bounded to 5,000,000 entries. */
export function diskBytes(dir: string): number {
  let total = 0;
  let seen = 0;
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (++seen > 5_000_000) throw new BenchAbort(`${dir}: more than 5,000,000 entries`);
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      total += statSync(p).blocks * 512;
    }
  };
  walk(dir);
  return total;
}
