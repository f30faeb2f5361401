// The persister: keeps every write-pool shard busy with batches taken from the write cache, creates new
// files through a token bucket (maxCreatesPerMinute; a metric over budget keeps its points in the cache),
// and counts what carbon's writer counts (committedPoints, updateOperations, creates, droppedCreates, errors).
import type { RetentionPolicy, WritePool, WriteItem, WriteTaskResult } from '../storage/index.js';
import type { TakenItem, WriteCache } from './ingest/cache.js';

export interface PersisterOptions {
  pool: WritePool;
  cache: WriteCache;
  /** The current retention policy (reloaded on SIGHUP). */
  policy: () => RetentionPolicy;
  /** Relative whisper path of a metric name. */
  pathOf: (name: string) => string;
  whisperDir: string;
  sparse: boolean;
  fallocate: boolean;
  maxCreatesPerMinute: number;
  /** updateMany calls per second across all workers (carbon MAX_UPDATES_PER_SECOND). */
  maxUpdatesPerSecond: number;
  flushIntervalMs: number;
  /** Points and metrics per task. */
  batchPoints?: number;
  batchMetrics?: number;
  /** After each task: the cache may now hold fewer WAL segments. */
  onSettled?: () => void;
  onError?: (name: string, code: string, message: string) => void;
  /** Files this task created (the metric index learns of new series here). */
  onCreated?: (names: string[]) => void;
  now?: () => number;
}

export interface PersisterStats {
  committedPoints: number;
  updateOperations: number;
  creates: number;
  droppedCreates: number;
  errors: number;
  /** Summed worker time of tasks, ms (avgUpdateTime = this / updateOperations). */
  workerMs: number;
  /** Write tasks handed to the pool. */
  tasks: number;
}

/** Token bucket: holds one period's worth (`capacity`), refilled continuously over `periodMs`. */
class TokenBucket {
  #tokens: number;
  #last = performance.now();
  constructor(
    readonly capacity: number,
    readonly periodMs: number,
  ) {
    this.#tokens = capacity;
  }
  take(wanted: number): number {
    if (!Number.isFinite(this.capacity)) return wanted;
    const now = performance.now();
    this.#tokens = Math.min(
      this.capacity,
      this.#tokens + ((now - this.#last) * this.capacity) / this.periodMs,
    );
    this.#last = now;
    const granted = Math.min(wanted, Math.floor(this.#tokens));
    this.#tokens -= granted;
    return granted;
  }
  refund(n: number): void {
    if (Number.isFinite(this.capacity)) this.#tokens = Math.min(this.capacity, this.#tokens + n);
  }
  /** Whether a take(1) now would get a token. */
  available(): boolean {
    return this.take(1) === 1 && (this.refund(1), true);
  }
}

export class Persister {
  readonly stats: PersisterStats = {
    committedPoints: 0,
    updateOperations: 0,
    creates: 0,
    droppedCreates: 0,
    errors: 0,
    workerMs: 0,
    tasks: 0,
  };
  readonly #o: PersisterOptions;
  readonly #busy: boolean[];
  /** Metrics handed a create token: their next write carries the schema to create the file with. */
  readonly #granted = new Set<string>();
  #stopped = false;
  #bucket: TokenBucket;
  #updates: TokenBucket;
  #timer: NodeJS.Timeout | undefined;
  #running = 0;
  #idle: (() => void)[] = [];

  constructor(options: PersisterOptions) {
    this.#o = options;
    this.#busy = Array.from({ length: options.pool.shards }, () => false);
    this.#bucket = new TokenBucket(options.maxCreatesPerMinute, 60_000);
    this.#updates = new TokenBucket(options.maxUpdatesPerSecond, 1000);
  }

  start(): void {
    this.#timer = setInterval(() => this.pumpAll(), this.#o.flushIntervalMs);
    this.#timer.unref();
  }

  /** Stops dispatching; tasks already running finish (wait with `idle`). */
  stop(): void {
    this.#stopped = true;
    clearInterval(this.#timer);
  }

  /** Resolves when no task is running, or after `ms`. */
  async idle(ms: number): Promise<void> {
    const until = Date.now() + ms;
    while (this.#running > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
  }

  /** Tasks running in the pool now. */
  get running(): number {
    return this.#running;
  }

  pumpAll(): void {
    for (let shard = 0; shard < this.#busy.length; shard++) this.#pump(shard);
  }

  /**
   * Writes until the cache is empty or `deadline` (ms since epoch) passes, lifting the create limit (what
   * is not written stays in the WAL for the next start). Calls `progress` about once a second.
   */
  async flush(
    deadline: number,
    progress: (pointsLeft: number, metricsLeft: number) => void,
  ): Promise<boolean> {
    this.#bucket = new TokenBucket(Infinity, 60_000);
    this.#updates = new TokenBucket(Infinity, 1000);
    let lastReport = 0;
    while (this.#o.cache.size + this.#o.cache.inflightSize > 0) {
      if (Date.now() >= deadline) return false;
      this.pumpAll();
      if (Date.now() - lastReport >= 1000) {
        progress(this.#o.cache.size + this.#o.cache.inflightSize, this.#o.cache.queues);
        lastReport = Date.now();
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.#idle.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return true;
  }

  #pump(shard: number): void {
    if (this.#stopped || this.#busy[shard]) return;
    // Metrics whose file is missing wait parked until the create bucket has a token for them.
    const parked = this.#o.cache.parkedCount(shard);
    if (parked > 0) {
      const tokens = this.#bucket.take(Math.min(parked, this.#o.batchMetrics ?? 2_000));
      for (const name of this.#o.cache.unpark(shard, tokens)) this.#granted.add(name);
    }
    if (this.#o.cache.waiting(shard) === 0) return;
    const updates = this.#updates.take(this.#o.batchMetrics ?? 2_000);
    if (updates === 0) return; // the update budget refills; the timer comes back
    const taken = this.#o.cache.take(shard, this.#o.batchPoints ?? 20_000, updates);
    this.#updates.refund(updates - taken.length);
    if (taken.length === 0) return;
    const items: WriteItem[] = [];
    let wantCreate = 0;
    for (const t of taken) {
      const item: WriteItem = {
        name: t.name,
        path: this.#o.pathOf(t.name),
        timestamps: t.timestamps,
        values: t.values,
      };
      if (this.#granted.has(t.name)) {
        const m = this.#o.policy().match(t.name);
        item.create = {
          archives: [...m.archives],
          xFilesFactor: m.xFilesFactor,
          aggregationMethod: m.aggregationMethod,
        };
        wantCreate++;
      }
      items.push(item);
    }
    const createBudget = wantCreate; // tokens taken when these were unparked
    this.#busy[shard] = true;
    this.#running++;
    this.stats.tasks++;
    const task = {
      whisperDir: this.#o.whisperDir,
      now: Math.floor((this.#o.now?.() ?? Date.now()) / 1000),
      sparse: this.#o.sparse,
      fallocate: this.#o.fallocate,
      createBudget,
      items,
    };
    this.#o.pool.run(shard, task).then(
      (result) => this.#settle(shard, taken, result, createBudget),
      (err: Error) => this.#failTask(shard, taken, err),
    );
  }

  #settle(shard: number, taken: TakenItem[], result: WriteTaskResult, createBudget: number): void {
    const s = this.stats;
    s.workerMs += result.elapsedMs;
    s.updateOperations += result.updateOperations;
    s.creates += result.creates;
    this.#bucket.refund(createBudget - result.creates);
    let progress = false;
    const created: string[] = [];
    result.results.forEach((r, i) => {
      const item = taken[i] as TakenItem;
      const granted = this.#granted.delete(r.name);
      switch (r.status) {
        case 'created':
        case 'updated':
          if (r.status === 'created') created.push(r.name);
          progress = true;
          s.committedPoints += r.committed;
          this.#o.cache.settle(shard, item, 'done');
          break;
        case 'missing':
          // The file does not exist: park the metric until a create token is free for it. Parking is
          // progress too: the next pump unparks it at once if a token is free, and never re-sends it without.
          progress = true;
          if (!granted && !this.#bucket.available()) s.droppedCreates++;
          this.#o.cache.settle(shard, item, 'park');
          break;
        case 'error': {
          s.errors++;
          const code = r.error?.code ?? 'STORAGE_ERR_IO';
          this.#o.onError?.(r.name, code, r.error?.message ?? 'write failed');
          // An I/O failure (disk full, EIO) may pass: keep the points. Anything else (a corrupt file) would
          // fail forever: drop them, as carbon does, and say so.
          this.#o.cache.settle(shard, item, code === 'STORAGE_ERR_IO' ? 'requeue' : 'done');
          break;
        }
      }
    });
    if (created.length > 0) this.#o.onCreated?.(created);
    this.#done(shard, progress);
  }

  #failTask(shard: number, taken: TakenItem[], err: Error): void {
    this.stats.errors++;
    this.#o.onError?.('(write task)', 'STORAGE_ERR_IO', err.message);
    for (const item of taken) {
      this.#granted.delete(item.name);
      this.#o.cache.settle(shard, item, 'requeue');
    }
    this.#done(shard, false);
  }

  /** A task ended: keep the shard busy at once unless it only failed (then wait for the next tick). */
  #done(shard: number, progress: boolean): void {
    this.#busy[shard] = false;
    this.#running--;
    this.#o.onSettled?.();
    for (const wake of this.#idle.splice(0)) wake();
    if (progress) this.#pump(shard);
  }
}
