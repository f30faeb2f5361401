// The servers of `npm run bench -- find` on loopback: `carbonado serve` over an index the bench built, and
// Debian's graphite-web through ../shared/peers/graphite-web-start.sh / graphite-web-stop.sh (gunicorn, 2 sync
// workers, StandardFinder over DIR/whisper, sqlite tagdb in DIR/gw).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BenchAbort, runChild, tail } from './ingest-proc.js';
import { Carbonado } from './ingest-servers.js';

/** Where Carbonado.start(cli, dir) keeps its data: the index the bench builds goes here beforehand. */
export const carbonadoData = (dir: string): string => join(dir, 'data');
export const carbonadoIndex = (dir: string): string => join(dir, 'data', 'index');

/**
 * Starts carbonado on the index built in `carbonadoIndex(dir)` (whisper files in `whisperDir`, default its
 * own empty dir), and returns it with its start-up time: from spawn to the `time` of its "carbonado ready"
 * log line. The scan checkpoint (src/index-scan.ts's format) is written as complete first, or serve would
 * walk the whisper dir in the background while it is being timed; self metrics are off so that nothing
 * but the bench's series is in the tree.
 */
export async function startCarbonado(
  cli: string,
  dir: string,
  whisperDir?: string,
): Promise<{ server: Carbonado; startMs: number }> {
  mkdirSync(carbonadoData(dir), { recursive: true });
  writeFileSync(join(carbonadoData(dir), 'index-scan.json'), JSON.stringify({ complete: true }));
  const sets = ['selfMetrics.intervalSeconds=0'];
  if (whisperDir !== undefined) sets.push(`whisperDir=${whisperDir}`);
  const spawnedAt = Date.now();
  const server = await Carbonado.start(cli, dir, sets);
  const ready = server
    .logText()
    .split('\n')
    .filter((line) => line.includes('"carbonado ready"'))
    .map((line) => JSON.parse(line) as { time?: number })[0];
  return { server, startMs: (ready?.time ?? Date.now()) - spawnedAt };
}

/** graphite-web started by graphite-web-start.sh DIR PORT, stopped by graphite-web-stop.sh DIR. */
export class GraphiteWeb {
  private constructor(
    readonly peers: string,
    readonly dir: string,
    readonly base: string,
  ) {}

  /** Started, or why not (package or script missing, port taken, start failure). */
  static async start(peers: string, dir: string, port: number): Promise<GraphiteWeb | string> {
    for (const need of ['/usr/bin/gunicorn', '/usr/bin/graphite-manage']) {
      if (!existsSync(need))
        return `${need} is missing (apt-get install --no-install-recommends graphite-web gunicorn)`;
    }
    const script = join(peers, 'graphite-web-start.sh');
    if (!existsSync(script)) return `${script} is missing`;
    const r = await runChild(script, [dir, String(port)], { timeoutMs: 120_000 });
    if (r.code !== 0) return `graphite-web-start.sh failed (exit ${r.code}): ${tail(r.stdout + r.stderr, 5)}`;
    return new GraphiteWeb(peers, dir, `http://127.0.0.1:${port}`);
  }

  /**
   * Registers `names` in graphite-web's tagdb (POST /tags/tagMultiSeries, 500 per request, sequential);
   * returns seconds. Past `deadline` (epoch ms) it is a BenchAbort: the tag rows then have no peer figure.
   */
  async tagSeries(names: readonly string[], deadline: number): Promise<number> {
    const t0 = performance.now();
    for (let start = 0; start < names.length; start += 500) {
      if (Date.now() > deadline)
        throw new BenchAbort(`graphite-web tagged ${start} of ${names.length} series by the deadline`);
      const body = new URLSearchParams(
        names.slice(start, start + 500).map((n): [string, string] => ['path', n]),
      );
      const res = await fetch(`${this.base}/tags/tagMultiSeries`, {
        method: 'POST',
        body,
        signal: AbortSignal.timeout(Math.max(1_000, deadline - Date.now())),
      });
      if (!res.ok)
        throw new BenchAbort(`graphite-web /tags/tagMultiSeries answered ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
    }
    return (performance.now() - t0) / 1000;
  }

  async stop(): Promise<void> {
    await runChild(join(this.peers, 'graphite-web-stop.sh'), [this.dir], { timeoutMs: 60_000 });
  }

  /** For an interrupted bench, from a signal handler. */
  stopSync(): void {
    try {
      execFileSync(join(this.peers, 'graphite-web-stop.sh'), [this.dir], {
        stdio: 'ignore',
        timeout: 60_000,
      });
    } catch {
      // nothing more to do on the way out
    }
  }
}
