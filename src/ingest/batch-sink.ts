// Collects the points one socket read yields (PointSink for the parsers), hands them to the server as one
// batch (one WAL record), and counts and rate-limits the log of rejected input.
import type { IngestErrorKind, PointSink } from './line-protocol.js';

/** Where accepted batches go: the server logs them to the WAL and caches them. */
export type AcceptBatch = (names: string[], timestamps: number[], values: number[]) => void;

export interface IngestCounters {
  metricsReceived: number;
  /** Rejected lines or pickle items, by reason. */
  /** `failed`: reads whose handling threw (the batch was not accepted; the connection was closed). */
  rejected: Record<IngestErrorKind | 'pickle' | 'oversize' | 'overflow' | 'failed', number>;
}

export function newIngestCounters(): IngestCounters {
  return {
    metricsReceived: 0,
    rejected: {
      fields: 0,
      value: 0,
      timestamp: 0,
      nan: 0,
      utf8: 0,
      'too-long': 0,
      name: 0,
      pickle: 0,
      oversize: 0,
      overflow: 0,
      failed: 0,
    },
  };
}

/** Logs at most `perSecond` rejections a second, then one line saying how many were not logged. */
export class RejectLog {
  #windowStart = 0;
  #logged = 0;
  #suppressed = 0;
  constructor(
    readonly log: (message: string, detail: Record<string, unknown>) => void,
    readonly perSecond = 10,
  ) {}

  note(message: string, detail: Record<string, unknown>): void {
    const now = Date.now();
    if (now - this.#windowStart >= 1000) {
      if (this.#suppressed > 0) this.log('more bad input not logged', { suppressed: this.#suppressed });
      this.#windowStart = now;
      this.#logged = 0;
      this.#suppressed = 0;
    }
    if (this.#logged < this.perSecond) {
      this.#logged++;
      this.log(message, detail);
    } else {
      this.#suppressed++;
    }
  }
}

export class BatchSink implements PointSink {
  #names: string[] = [];
  #timestamps: number[] = [];
  #values: number[] = [];

  constructor(
    readonly protocol: string,
    readonly peer: string,
    readonly counters: IngestCounters,
    readonly rejects: RejectLog,
    readonly accept: AcceptBatch,
  ) {}

  point(name: string, timestamp: number, value: number): void {
    this.#names.push(name);
    this.#timestamps.push(timestamp);
    this.#values.push(value);
  }

  reject(kind: IngestErrorKind, sample: string, reason: string): void {
    this.counters.rejected[kind]++;
    this.rejects.note('rejected input', { protocol: this.protocol, peer: this.peer, kind, reason, sample });
  }

  /** Hands the collected points over (if any) as one batch. */
  flush(): void {
    if (this.#names.length === 0) return;
    const names = this.#names;
    const timestamps = this.#timestamps;
    const values = this.#values;
    this.#names = [];
    this.#timestamps = [];
    this.#values = [];
    this.counters.metricsReceived += names.length;
    this.accept(names, timestamps, values);
  }
}
