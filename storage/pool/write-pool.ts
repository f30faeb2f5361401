// The persister's worker pool: one single-thread piscina pool per shard, so every file is always written by
// the same thread (a metric's shard is a hash of its name) and a shard's tasks run in order.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { WriteTask, WriteTaskResult } from './write-task.js';

/** The compiled worker: dist/storage/pool/write-worker.js, also when this module runs from source (tsx). */
export function workerFilename(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return fileURLToPath(new URL('./write-worker.js', import.meta.url));
  const built = fileURLToPath(new URL('../../dist/storage/pool/write-worker.js', import.meta.url));
  if (!existsSync(built)) throw new Error(`${built} is missing: run npm run build`);
  return built;
}

/** FNV-1a over the UTF-16 code units: cheap, stable across runs, good spread for metric names. */
export function shardOf(name: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % shards;
}

export class WritePool {
  readonly shards: number;
  readonly #pools: Piscina[];

  constructor(shards: number) {
    if (!Number.isInteger(shards) || shards < 1)
      throw new RangeError(`shards must be a positive integer, got ${shards}`);
    this.shards = shards;
    const filename = workerFilename();
    this.#pools = Array.from(
      { length: shards },
      () =>
        new Piscina({
          filename,
          minThreads: 1,
          maxThreads: 1,
          idleTimeout: Infinity,
          concurrentTasksPerWorker: 1,
        }),
    );
  }

  /** Runs a task on the shard's worker; tasks of one shard run one after another, in order. */
  run(shard: number, task: WriteTask): Promise<WriteTaskResult> {
    const pool = this.#pools[shard];
    if (pool === undefined) throw new RangeError(`no shard ${shard}`);
    return pool.run(task) as Promise<WriteTaskResult>;
  }

  /** Runs export `name` of worker module `filename` on the shard's thread, queued with its write tasks. */
  runOn(shard: number, filename: string, name: string, payload: unknown): Promise<unknown> {
    const pool = this.#pools[shard];
    if (pool === undefined) throw new RangeError(`no shard ${shard}`);
    return pool.run(payload, { filename, name });
  }

  /** Makes the shard's worker close its handles of these files (they are about to be deleted). */
  forget(shard: number, whisperDir: string, paths: string[]): Promise<number> {
    const pool = this.#pools[shard];
    if (pool === undefined) throw new RangeError(`no shard ${shard}`);
    return pool.run({ whisperDir, paths }, { name: 'forget' }) as Promise<number>;
  }

  /** Closes the workers' open files, then the threads. */
  async close(): Promise<void> {
    await Promise.all(this.#pools.map((pool) => pool.run(null, { name: 'closeAll' }).catch(() => 0)));
    await Promise.all(this.#pools.map((pool) => pool.destroy()));
  }
}
