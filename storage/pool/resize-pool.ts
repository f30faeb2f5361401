// Where bulk-resize tasks (resize-task.ts) run: a Piscina of their own when no server holds the files, or
// the write pool's shard that owns each file when one does (ordered with that shard's writes).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { WritePool } from './write-pool.js';
import type { ResizeItemResult, ResizeTask } from './resize-task.js';

/** The compiled task: dist/storage/pool/resize-task.js, also when this module runs from source (tsx). */
export function resizeTaskFilename(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return fileURLToPath(new URL('./resize-task.js', import.meta.url));
  const built = fileURLToPath(new URL('../../dist/storage/pool/resize-task.js', import.meta.url));
  if (!existsSync(built)) throw new Error(`${built} is missing: run npm run build`);
  return built;
}

/** A pool of `threads` workers running resize tasks in parallel (the files must not be written meanwhile). */
export class ResizePool {
  readonly #pool: Piscina;

  constructor(threads: number) {
    if (!Number.isInteger(threads) || threads < 1)
      throw new RangeError(`threads must be a positive integer, got ${threads}`);
    this.#pool = new Piscina({ filename: resizeTaskFilename(), minThreads: threads, maxThreads: threads });
  }

  run(task: ResizeTask): Promise<ResizeItemResult[]> {
    return this.#pool.run(task) as Promise<ResizeItemResult[]>;
  }

  close(): Promise<void> {
    return this.#pool.destroy();
  }
}

/** Runs a resize task on the write-pool shard that owns its files (the caller groups items by shard). */
export function resizeOnShard(pool: WritePool, shard: number, task: ResizeTask): Promise<ResizeItemResult[]> {
  return pool.runOn(shard, resizeTaskFilename(), 'default', task) as Promise<ResizeItemResult[]>;
}
