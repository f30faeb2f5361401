// carbon's self-instrumentation (instrumentation.py): every interval, carbon.agents.<host>-<instance>.* is
// computed and ingested like any received series (WAL, cache, whisper file), counters as per-interval deltas.
import type { IngestCounters } from './ingest/batch-sink.js';
import type { PersisterStats } from './persister.js';

export interface SelfMetricSources {
  counters: IngestCounters;
  persister: PersisterStats;
  cacheSize: () => number;
  cacheQueues: () => number;
  activeConnections: () => number;
  walSegments: () => number;
  /** Times flow control paused the receivers. */
  flowControlPauses: () => number;
}

type Snapshot = Record<string, number>;

function counterSnapshot(s: SelfMetricSources): Snapshot {
  const rejected = Object.values(s.counters.rejected).reduce((a, b) => a + b, 0);
  return {
    metricsReceived: s.counters.metricsReceived,
    committedPoints: s.persister.committedPoints,
    updateOperations: s.persister.updateOperations,
    creates: s.persister.creates,
    droppedCreates: s.persister.droppedCreates,
    errors: s.persister.errors,
    workerMs: s.persister.workerMs,
    rejectedLines: rejected - s.counters.rejected.overflow,
    'cache.overflow': s.counters.rejected.overflow,
    'cache.flowControlPauses': s.flowControlPauses(),
  };
}

export class SelfMetrics {
  #last: Snapshot;
  #lastCpu = process.cpuUsage();
  #lastAt = performance.now();

  constructor(
    readonly prefix: string,
    readonly sources: SelfMetricSources,
  ) {
    this.#last = counterSnapshot(sources);
  }

  /** The points for this interval: [name, value] pairs under the prefix. */
  collect(): [string, number][] {
    const now = counterSnapshot(this.sources);
    const d = (key: string) => (now[key] as number) - (this.#last[key] as number);
    const cpu = process.cpuUsage(this.#lastCpu);
    const elapsedMs = performance.now() - this.#lastAt;
    const updates = d('updateOperations');
    const values: [string, number][] = [
      ['metricsReceived', d('metricsReceived')],
      ['committedPoints', d('committedPoints')],
      ['updateOperations', updates],
      ['pointsPerUpdate', updates > 0 ? d('committedPoints') / updates : 0],
      ['avgUpdateTime', updates > 0 ? d('workerMs') / updates / 1000 : 0],
      ['creates', d('creates')],
      ['droppedCreates', d('droppedCreates')],
      ['errors', d('errors')],
      ['rejectedLines', d('rejectedLines')],
      ['cache.size', this.sources.cacheSize()],
      ['cache.queues', this.sources.cacheQueues()],
      ['cache.overflow', d('cache.overflow')],
      ['cache.flowControlPauses', d('cache.flowControlPauses')],
      ['wal.segments', this.sources.walSegments()],
      ['activeConnections', this.sources.activeConnections()],
      ['memUsage', process.memoryUsage.rss()],
      ['cpuUsage', elapsedMs > 0 ? ((cpu.user + cpu.system) / 1000 / elapsedMs) * 100 : 0],
    ];
    this.#last = now;
    this.#lastCpu = process.cpuUsage();
    this.#lastAt = performance.now();
    return values.map(([name, value]) => [`${this.prefix}.${name}`, value]);
  }
}
