// Storage benchmark: updateMany throughput for batches of 1, 10 and 100 points and one-day fetch latency on
// a 10s:1d,1m:30d,10m:5y file, next to whisper.py doing the same work in the same run, as ratios.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WhisperFile, create, fetch, updateMany } from '../../storage/whisper/index.js';

const CONFIG = {
  archives: [
    [10, 8640],
    [60, 43200],
    [600, 262800],
  ],
  files: 100,
  step: 10,
  start: 1_700_000_000,
  batches: [
    [1, 20000],
    [10, 10000],
    [100, 2000],
  ],
  fetches: 2000,
};

interface Side {
  updateMany: Record<string, { calls: number; pathSeconds: number; handleSeconds: number }>;
  fetch: { pathSeconds: number[]; handleSeconds: number[]; points: number; known: number };
}

function runNode(work: string): Side {
  const archives = CONFIG.archives.map(([secondsPerPoint, points]) => ({
    secondsPerPoint: secondsPerPoint!,
    points: points!,
  }));
  const paths = Array.from({ length: CONFIG.files }, (_, i) => join(work, `ts-${i}.wsp`));
  for (const p of paths) create(p, archives, { sparse: true });
  const clocks = paths.map(() => CONFIG.start);
  const batch = (f: number, size: number): [[number, number][], number] => {
    const t = clocks[f]!;
    clocks[f] = t + size * CONFIG.step;
    const points = Array.from({ length: size }, (_, k) => [t + k * CONFIG.step, k % 17] as [number, number]);
    return [points, t + (size - 1) * CONFIG.step];
  };
  const out: Side = { updateMany: {}, fetch: { pathSeconds: [], handleSeconds: [], points: 0, known: 0 } };
  for (const [size, calls] of CONFIG.batches as [number, number][]) {
    // Batches are built before the clock starts: only the engine's work is timed.
    let work = Array.from({ length: calls }, (_, i) => batch(i % CONFIG.files, size));
    let t0 = performance.now();
    for (let i = 0; i < calls; i++) {
      const [points, now] = work[i]!;
      updateMany(paths[i % CONFIG.files]!, points, now);
    }
    const pathSeconds = (performance.now() - t0) / 1000;
    const handles = paths.map((p) => WhisperFile.open(p));
    work = Array.from({ length: calls }, (_, i) => batch(i % CONFIG.files, size));
    t0 = performance.now();
    for (let i = 0; i < calls; i++) {
      const [points, now] = work[i]!;
      handles[i % CONFIG.files]!.updateMany(points, now);
    }
    const handleSeconds = (performance.now() - t0) / 1000;
    for (const h of handles) h.close();
    out.updateMany[String(size)] = { calls, pathSeconds, handleSeconds };
  }
  const day = 86400;
  const t = clocks[0]!;
  const perDay = day / CONFIG.step;
  for (let k = 0; k < perDay; k += 100) {
    const n = Math.min(100, perDay - k);
    const pts = Array.from({ length: n }, (_, j) => [t + (k + j) * CONFIG.step, j] as [number, number]);
    updateMany(paths[0]!, pts, t + (k + n - 1) * CONFIG.step);
  }
  const now = t + (day / CONFIG.step - 1) * CONFIG.step;
  let r = fetch(paths[0]!, now - day, now, now);
  for (let i = 0; i < CONFIG.fetches; i++) {
    const t0 = performance.now();
    r = fetch(paths[0]!, now - day, now, now);
    out.fetch.pathSeconds.push((performance.now() - t0) / 1000);
  }
  const handle = WhisperFile.open(paths[0]!, { readOnly: true });
  for (let i = 0; i < CONFIG.fetches; i++) {
    const t0 = performance.now();
    handle.fetch(now - day, now, now);
    out.fetch.handleSeconds.push((performance.now() - t0) / 1000);
  }
  handle.close();
  out.fetch.pathSeconds.sort((a, b) => a - b);
  out.fetch.handleSeconds.sort((a, b) => a - b);
  out.fetch.points = r?.values.length ?? 0;
  out.fetch.known = r?.values.filter((v) => v !== null).length ?? 0;
  return out;
}

function runPython(work: string): Side | undefined {
  const script = join(import.meta.dirname, 'whisper_bench.py');
  const res = spawnSync('/usr/bin/python3', [script, work, JSON.stringify(CONFIG)], {
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (res.status !== 0) {
    console.error(`whisper.py side failed (is python3-whisper installed?): ${res.stderr.slice(0, 500)}`);
    return undefined;
  }
  return JSON.parse(res.stdout) as Side;
}

const pct = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** `--dir DIR` puts the files elsewhere (default: the OS temp dir), e.g. /dev/shm to take the disk out. */
export async function runStorageBench(args: readonly string[] = []): Promise<void> {
  const at = args.indexOf('--dir');
  const parent = at >= 0 && args[at + 1] !== undefined ? args[at + 1]! : tmpdir();
  const work = mkdtempSync(join(parent, 'carbonado-bench-'));
  try {
    console.log(`dir: ${work}`);
    console.log(
      `file: ${CONFIG.archives.map(([s, p]) => `${s}s×${p}`).join(', ')} (3,775,732 bytes, sparse), ${CONFIG.files} files round-robin`,
    );
    const py = runPython(work);
    const ts = runNode(work);
    console.log(
      '\nupdateMany throughput (points/s; path = open+header+write+close per call, handle = file kept open)',
    );
    console.log(
      '| batch | calls | carbonado path | whisper.py path | ratio | carbonado handle | whisper.py file_update_many | ratio |',
    );
    console.log('|---|---|---|---|---|---|---|---|');
    for (const [size, calls] of CONFIG.batches as [number, number][]) {
      const o = ts.updateMany[String(size)]!;
      const p = py?.updateMany[String(size)];
      const rate = (s: number) => (calls * size) / s;
      const cells = [
        String(size),
        fmt(calls),
        fmt(rate(o.pathSeconds)),
        p ? fmt(rate(p.pathSeconds)) : 'n/a',
        p ? `${fmt(p.pathSeconds / o.pathSeconds, 1)}×` : 'n/a',
        fmt(rate(o.handleSeconds)),
        p ? fmt(rate(p.handleSeconds)) : 'n/a',
        p ? `${fmt(p.handleSeconds / o.handleSeconds, 1)}×` : 'n/a',
      ];
      console.log(`| ${cells.join(' | ')} |`);
    }
    console.log(
      `\none-day fetch (${ts.fetch.points} points, ${ts.fetch.known} known; ${CONFIG.fetches} calls; ms)`,
    );
    console.log('| | carbonado median | p99 | whisper.py median | p99 | ratio (median) |');
    console.log('|---|---|---|---|---|---|');
    for (const mode of ['pathSeconds', 'handleSeconds'] as const) {
      const o = ts.fetch[mode];
      const p = py?.fetch[mode];
      const ms = (s: number) => fmt(s * 1000, 3);
      console.log(
        `| ${mode === 'pathSeconds' ? 'path (open per call)' : 'handle'} | ${ms(pct(o, 0.5))} | ${ms(pct(o, 0.99))} | ` +
          `${p ? ms(pct(p, 0.5)) : 'n/a'} | ${p ? ms(pct(p, 0.99)) : 'n/a'} | ${p ? `${fmt(pct(p, 0.5) / pct(o, 0.5), 1)}×` : 'n/a'} |`,
      );
    }
    if (py && py.fetch.known !== ts.fetch.known)
      console.log(`WARNING: known points differ: whisper.py ${py.fetch.known}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
