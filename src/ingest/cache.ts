// The write cache: points per metric waiting for the persister (last write wins per timestamp), sharded
// like the write pool, bounded in points with carbon-style flow control (full → pause, below the low
// watermark → resume), plus the in-flight points a worker is writing, so reads see both.
import { shardOf } from '../../storage/index.js';

interface Entry {
  ts: number[];
  vs: number[];
  /** WAL segment of the oldest point held (segments are deleted once nothing holds them). */
  seg: number;
}

/** Points of one metric taken for writing: de-duplicated (last write wins) and chronological. */
export interface TakenItem {
  name: string;
  timestamps: Float64Array;
  values: Float64Array;
  seg: number;
}

/** carbon's CACHE_WRITE_STRATEGY: which metrics a take() picks first. */
export type WriteStrategy = 'sorted' | 'max' | 'naive';

export interface CacheOptions {
  shards: number;
  /**
   * naive: longest-waiting first (a metric re-queues at the end once taken). sorted: rounds over a snapshot
   * sorted by points held, most first, each metric once per round. max: always the most points first
   * (sorts the shard on every take; sparse metrics can starve, as in carbon).
   */
  strategy?: WriteStrategy;
  /** Points (cached + in flight) at which the cache reports full. */
  maxSize: number;
  /** Fraction of maxSize below which a full cache reports drained. */
  lowWatermark: number;
  onFull?: () => void;
  onDrained?: () => void;
}

export class WriteCache {
  readonly shards: number;
  readonly #entries: Map<string, Entry>[];
  /** Metrics whose file does not exist yet and may not be created now (create budget used up). */
  readonly #parked: Map<string, Entry>[];
  readonly #inflight: Map<string, TakenItem>[];
  readonly #segRefs = new Map<number, number>();
  readonly #rounds: { names: string[]; at: number }[];
  readonly #options: CacheOptions;
  #cached = 0;
  #inflightPoints = 0;
  #full = false;

  constructor(options: CacheOptions) {
    this.#options = options;
    this.shards = options.shards;
    this.#entries = Array.from({ length: options.shards }, () => new Map());
    this.#parked = Array.from({ length: options.shards }, () => new Map());
    this.#inflight = Array.from({ length: options.shards }, () => new Map());
    this.#rounds = Array.from({ length: options.shards }, () => ({ names: [], at: 0 }));
  }

  /** Points waiting (not yet handed to a worker). */
  get size(): number {
    return this.#cached;
  }

  /** Points handed to workers and not yet confirmed. */
  get inflightSize(): number {
    return this.#inflightPoints;
  }

  /** Metrics with points waiting. */
  get queues(): number {
    return this.#entries.reduce((n, m) => n + m.size, 0) + this.#parked.reduce((n, m) => n + m.size, 0);
  }

  get full(): boolean {
    return this.#full;
  }

  /** Adds one accepted point, logged in WAL segment `seg`. */
  add(name: string, timestamp: number, value: number, seg: number): void {
    const shard = shardOf(name, this.shards);
    const parked = this.#parked[shard] as Map<string, Entry>;
    const map = parked.size > 0 && parked.has(name) ? parked : (this.#entries[shard] as Map<string, Entry>);
    const entry = map.get(name);
    if (entry === undefined) {
      map.set(name, { ts: [timestamp], vs: [value], seg });
      this.#ref(seg, 1);
    } else {
      entry.ts.push(timestamp);
      entry.vs.push(value);
    }
    this.#cached++;
    this.#checkFull();
  }

  /** Metrics of one shard ready to be written. */
  waiting(shard: number): number {
    return (this.#entries[shard] as Map<string, Entry>).size;
  }

  /** Metrics of one shard parked until their file may be created. */
  parkedCount(shard: number): number {
    return (this.#parked[shard] as Map<string, Entry>).size;
  }

  /** Makes up to `n` parked metrics of a shard (longest parked first) ready again; returns how many. */
  unpark(shard: number, n: number): string[] {
    const parked = this.#parked[shard] as Map<string, Entry>;
    const map = this.#entries[shard] as Map<string, Entry>;
    const moved: string[] = [];
    for (const [name, entry] of parked) {
      if (moved.length >= n) break;
      parked.delete(name);
      map.set(name, entry);
      moved.push(name);
    }
    return moved;
  }

  /** Names of one shard in the order the strategy writes them (a lazy sequence; entries may vanish). */
  *#order(shard: number): Generator<string> {
    const map = this.#entries[shard] as Map<string, Entry>;
    const strategy = this.#options.strategy ?? 'naive';
    if (strategy === 'naive') {
      yield* map.keys();
      return;
    }
    const bySize = () =>
      [...map.keys()].sort((a, b) => (map.get(b) as Entry).ts.length - (map.get(a) as Entry).ts.length);
    if (strategy === 'max') {
      yield* bySize();
      return;
    }
    const round = this.#rounds[shard] as { names: string[]; at: number };
    for (let pass = 0; pass < 2; pass++) {
      if (round.at >= round.names.length) {
        round.names = bySize();
        round.at = 0;
      }
      while (round.at < round.names.length) yield round.names[round.at++] as string;
    }
  }

  /**
   * Takes metrics of one shard for writing in the strategy's order until `maxPoints` or `maxMetrics`. Every
   * metric waits its turn, so it is written with all it gathered meanwhile. The taken points stay readable
   * until `settle`.
   */
  take(shard: number, maxPoints: number, maxMetrics: number): TakenItem[] {
    const map = this.#entries[shard] as Map<string, Entry>;
    const inflight = this.#inflight[shard] as Map<string, TakenItem>;
    const items: TakenItem[] = [];
    let points = 0;
    for (const name of this.#order(shard)) {
      if (items.length >= maxMetrics || (points >= maxPoints && items.length > 0)) break;
      const entry = map.get(name);
      if (entry === undefined || inflight.has(name)) continue; // one write per metric at a time keeps order
      map.delete(name);
      this.#cached -= entry.ts.length;
      const item = dedupe(name, entry);
      inflight.set(name, item);
      this.#inflightPoints += item.timestamps.length;
      points += item.timestamps.length;
      items.push(item);
    }
    return items;
  }

  /**
   * Ends a taken item. `done`: written (or dropped for good), released. `requeue`: its points go back in front
   * of anything that arrived meanwhile (which stays newer, so it still wins). `park`: the same, but set
   * aside with those newer points until `unpark` (its file may not be created yet).
   */
  settle(shard: number, item: TakenItem, outcome: 'done' | 'requeue' | 'park'): void {
    const inflight = this.#inflight[shard] as Map<string, TakenItem>;
    inflight.delete(item.name);
    this.#inflightPoints -= item.timestamps.length;
    if (outcome === 'done') {
      this.#ref(item.seg, -1);
      this.#checkFull();
      return;
    }
    const ready = this.#entries[shard] as Map<string, Entry>;
    const target = outcome === 'park' ? (this.#parked[shard] as Map<string, Entry>) : ready;
    const newer = ready.get(item.name);
    const ts = Array.from(item.timestamps);
    const vs = Array.from(item.values);
    if (newer === undefined) {
      target.set(item.name, { ts, vs, seg: item.seg });
    } else {
      newer.ts = ts.concat(newer.ts);
      newer.vs = vs.concat(newer.vs);
      const older = Math.min(newer.seg, item.seg);
      this.#ref(older === item.seg ? newer.seg : item.seg, -1);
      newer.seg = older;
      if (target !== ready) {
        ready.delete(item.name);
        target.set(item.name, newer);
      }
    }
    this.#cached += ts.length;
    this.#checkFull();
  }

  /** Drops the waiting (not in-flight) points of a metric, e.g. when the series is deleted; returns how many. */
  drop(name: string): number {
    const shard = shardOf(name, this.shards);
    for (const map of [this.#entries[shard], this.#parked[shard]] as Map<string, Entry>[]) {
      const entry = map.get(name);
      if (entry === undefined) continue;
      map.delete(name);
      this.#cached -= entry.ts.length;
      this.#ref(entry.seg, -1);
      this.#checkFull();
      return entry.ts.length;
    }
    return 0;
  }

  /** Every point not yet confirmed on disk for `name`, chronological by arrival (later wins). */
  pending(name: string): { timestamps: number[]; values: number[] } {
    const shard = shardOf(name, this.shards);
    const timestamps: number[] = [];
    const values: number[] = [];
    const inflight = (this.#inflight[shard] as Map<string, TakenItem>).get(name);
    if (inflight !== undefined) {
      timestamps.push(...inflight.timestamps);
      values.push(...inflight.values);
    }
    const entry =
      (this.#entries[shard] as Map<string, Entry>).get(name) ??
      (this.#parked[shard] as Map<string, Entry>).get(name);
    if (entry !== undefined) {
      timestamps.push(...entry.ts);
      values.push(...entry.vs);
    }
    return { timestamps, values };
  }

  /** The oldest WAL segment still holding unpersisted points, or undefined when none does. */
  oldestLiveSegment(): number | undefined {
    let oldest: number | undefined;
    for (const [seg, refs] of this.#segRefs)
      if (refs > 0 && (oldest === undefined || seg < oldest)) oldest = seg;
    return oldest;
  }

  #ref(seg: number, delta: number): void {
    const refs = (this.#segRefs.get(seg) ?? 0) + delta;
    if (refs <= 0) this.#segRefs.delete(seg);
    else this.#segRefs.set(seg, refs);
  }

  #checkFull(): void {
    const total = this.#cached + this.#inflightPoints;
    if (!this.#full && total >= this.#options.maxSize) {
      this.#full = true;
      this.#options.onFull?.();
    } else if (this.#full && total < this.#options.maxSize * this.#options.lowWatermark) {
      this.#full = false;
      this.#options.onDrained?.();
    }
  }
}

/** Chronological, one point per timestamp, the last received winning (whisper itself would keep the first). */
function dedupe(name: string, entry: Entry): TakenItem {
  const n = entry.ts.length;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++)
    if ((entry.ts[i] as number) <= (entry.ts[i - 1] as number)) sorted = false;
  if (sorted) {
    return {
      name,
      timestamps: Float64Array.from(entry.ts),
      values: Float64Array.from(entry.vs),
      seg: entry.seg,
    };
  }
  // Stable sort by timestamp, then keep the last of each run of equal timestamps.
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (entry.ts[a] as number) - (entry.ts[b] as number) || a - b,
  );
  const ts: number[] = [];
  const vs: number[] = [];
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    const next = order[k + 1];
    if (next !== undefined && entry.ts[next] === entry.ts[i]) continue;
    ts.push(entry.ts[i] as number);
    vs.push(entry.vs[i] as number);
  }
  return { name, timestamps: Float64Array.from(ts), values: Float64Array.from(vs), seg: entry.seg };
}
