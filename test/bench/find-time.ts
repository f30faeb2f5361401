// Latency sampling of `npm run bench -- find`: calls in process, and sequential HTTP GETs on a new connection
// each, as ../shared/peers/http-bench.mjs does (gunicorn's sync workers close every connection anyway).
// Bounded in count and time; nearest-rank percentiles in ms.
import http from 'node:http';
import { BenchAbort } from './ingest-proc.js';

export interface Budget {
  runs: number;
  warmup: number;
  /** Per query and side, warm-up included. */
  maxSeconds: number;
}

export interface Timing {
  runs: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
  /** Nodes or series the call returned (in process), or body bytes (HTTP), on the last run. */
  size: number;
  /** The time bound ended the sampling before `Budget.runs` runs. */
  truncated: boolean;
}

const rank = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;

function summarize(ms: number[], size: number, requested: number): Timing {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    p50: rank(sorted, 0.5),
    p99: rank(sorted, 0.99),
    max: sorted.at(-1) ?? NaN,
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
    size,
    truncated: sorted.length < requested,
  };
}

/** Times `call` (which returns its result's size): `warmup` untimed calls, then up to `runs` timed ones. */
export async function timeCalls(call: () => Promise<number>, b: Budget): Promise<Timing> {
  const deadline = performance.now() + b.maxSeconds * 1000;
  let size = 0;
  for (let i = 0; i < b.warmup && performance.now() < deadline; i++) size = await call();
  const ms: number[] = [];
  // At least one timed call, so that even a query slower than its budget gets a figure.
  while (ms.length < b.runs && (ms.length === 0 || performance.now() < deadline)) {
    const t0 = performance.now();
    size = await call();
    ms.push(performance.now() - t0);
  }
  return summarize(ms, size, b.runs);
}

/** One GET on a fresh connection, to the last byte of the body; non-200 is a BenchAbort naming the URL. */
export function getBody(url: string, timeoutMs = 120_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('error', reject);
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode === 200) resolve(body);
        else reject(new BenchAbort(`GET ${url} answered ${res.statusCode}: ${body.slice(0, 200)}`));
      });
    });
    req.on('timeout', () => req.destroy(new BenchAbort(`GET ${url}: no answer in ${timeoutMs} ms`)));
    req.on('error', reject);
  });
}

/** Times sequential GETs of `url` (a new connection each); the size is the body's length. */
export function timeGets(url: string, b: Budget): Promise<Timing> {
  return timeCalls(async () => (await getBody(url, b.maxSeconds * 1000 + 10_000)).length, b);
}

/** The find and tag routes both servers answer (graphite-web's URLs; carbonado serves the same). */
export function findUrl(base: string, pattern: string, format = 'treejson'): string {
  return `${base}/metrics/find?query=${encodeURIComponent(pattern)}&format=${format}`;
}

export function tagsUrl(base: string, exprs: readonly string[]): string {
  return `${base}/tags/findSeries?${exprs.map((e) => `expr=${encodeURIComponent(e)}`).join('&')}`;
}
