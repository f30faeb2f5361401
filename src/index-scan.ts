// Builds and reconciles the metric index from the whisper directory: on first start (in the background,
// serving what is indexed meanwhile, resumable from a checkpoint) and on SIGHUP: files dropped in by hand
// (a restored backup) appear, series whose file was removed by hand disappear. carbon's hashed _tagged files
// cannot be turned back into names, so tagged series come from ingest and /tags/tagSeries only.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MetricIndex } from '../storage/index.js';

export interface ScanProgress {
  files: number;
  added: number;
  removed: number;
  done: boolean;
}

interface Checkpoint {
  complete: boolean;
  /** Last top-level directory fully indexed (directories are walked in sorted order). */
  after?: string;
}

export class IndexScanner {
  #running: Promise<ScanProgress> | undefined;

  constructor(
    readonly index: MetricIndex,
    readonly whisperDir: string,
    readonly checkpointFile: string,
    readonly log: (progress: ScanProgress, message: string) => void,
  ) {}

  /** True once a full scan has completed (then start-up needs no scan). */
  get complete(): boolean {
    return this.#checkpoint().complete;
  }

  /** Scans (resuming a cut-short first scan); with `reconcile`, also drops series whose file is gone. */
  scan(reconcile: boolean): Promise<ScanProgress> {
    this.#running ??= this.#scan(reconcile).finally(() => (this.#running = undefined));
    return this.#running;
  }

  #checkpoint(): Checkpoint {
    try {
      return JSON.parse(readFileSync(this.checkpointFile, 'utf8')) as Checkpoint;
    } catch {
      return { complete: false };
    }
  }

  async #scan(reconcile: boolean): Promise<ScanProgress> {
    const progress: ScanProgress = { files: 0, added: 0, removed: 0, done: false };
    const start = this.#checkpoint();
    const resumeAfter = start.complete || reconcile ? undefined : start.after;
    let lastLog = Date.now();
    let top: string[];
    try {
      top = readdirSync(this.whisperDir).sort();
    } catch {
      top = [];
    }
    for (const entry of top) {
      if (entry.startsWith('.') || entry === '_tagged') continue;
      if (resumeAfter !== undefined && entry <= resumeAfter) continue;
      const batch: { name: string; seen: number }[] = [];
      const path = join(this.whisperDir, entry);
      if (entry.endsWith('.wsp')) {
        progress.files++;
        batch.push({ name: entry.slice(0, -4), seen: Math.floor(statSync(path).mtimeMs / 1000) });
      } else {
        await this.#walk(path, entry, batch, progress);
      }
      if (batch.length > 0) await this.index.add(batch);
      progress.added += batch.length;
      if (!start.complete)
        writeFileSync(this.checkpointFile, JSON.stringify({ complete: false, after: entry }));
      if (Date.now() - lastLog >= 1000) {
        this.log(progress, 'indexing whisper files');
        lastLog = Date.now();
      }
      await new Promise((r) => setImmediate(r)); // let ingest and queries run between directories
    }
    if (reconcile) {
      const gone: string[] = [];
      for await (const series of this.index.all()) {
        if (series.name.includes(';')) continue;
        try {
          statSync(join(this.whisperDir, ...series.name.split('.')) + '.wsp');
        } catch {
          gone.push(series.name);
        }
      }
      progress.removed = gone.length > 0 ? await this.index.remove(gone) : 0;
    }
    writeFileSync(this.checkpointFile, JSON.stringify({ complete: true }));
    progress.done = true;
    this.log(progress, 'whisper files indexed');
    return progress;
  }

  async #walk(
    dir: string,
    prefix: string,
    batch: { name: string; seen: number }[],
    progress: ScanProgress,
  ): Promise<void> {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      if (e.isDirectory()) {
        await this.#walk(join(dir, e.name), `${prefix}.${e.name}`, batch, progress);
      } else if (e.isFile() && e.name.endsWith('.wsp')) {
        progress.files++;
        // Yield to the event loop now and then: a big subtree must not hold up ingest and queries.
        if (progress.files % 2000 === 0) await new Promise((r) => setImmediate(r));
        const seen = Math.floor(statSync(join(dir, e.name)).mtimeMs / 1000);
        batch.push({ name: `${prefix}.${e.name.slice(0, -4)}`, seen });
        if (batch.length >= 10_000) {
          await this.index.add(batch.splice(0));
          progress.added += 10_000;
        }
      }
    }
  }
}
