// Test helpers for src/ingest: a PointSink that records every call in order, and the golden fixtures that
// test/fixtures/ingest/generate.py made with the real carbon and CPython.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IngestErrorKind, PointSink } from '../../src/ingest/line-protocol.js';

export type Event =
  | { point: [name: string, timestamp: number, value: number] }
  | { reject: IngestErrorKind; sample: string; reason: string };

/** Records points and rejections in the order the parser reports them. */
export class RecordingSink implements PointSink {
  readonly events: Event[] = [];
  point(name: string, timestamp: number, value: number): void {
    this.events.push({ point: [name, timestamp, value] });
  }
  reject(kind: IngestErrorKind, sample: string, reason: string): void {
    this.events.push({ reject: kind, sample, reason });
  }
  /** Points as [name, timestamp, value], rejections as their kind. */
  get summary(): ([string, number, number] | IngestErrorKind)[] {
    return this.events.map((e) => ('point' in e ? e.point : e.reject));
  }
}

/** Reads a JSON fixture from test/fixtures/ingest. */
export function readFixture<T>(name: string): T {
  return JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/ingest', name), 'utf8')) as T;
}

/** What carbon made of one line or pickled item (see generate.py `outcome`). */
export type CarbonOutcome = (
  | { point: { metric: string; name: string | null; ts: string; value: string } }
  | { logged: number }
  | { exception: string }
)[];

/** The clock every fixture was generated with. */
export const FIXTURE_NOW = 1700000000.5;

/**
 * Checks our single event for one input against carbon's outcome for it, and returns a description of the
 * mismatch (or undefined). Where we are stricter than carbon, the rejection must be one of our documented
 * extra rules: a name normalizeMetricName refuses (`nameRejected`), or a timestamp outside whisper's range.
 */
export function compareWithCarbon(
  ours: Event | undefined,
  carbon: CarbonOutcome,
  nameRejected: (metric: string) => boolean,
): string | undefined {
  if (ours === undefined) return 'we reported nothing';
  const [only, extra] = carbon;
  if (extra !== undefined) return `carbon reported ${carbon.length} things`;
  if (only === undefined)
    return 'reject' in ours && ours.reject === 'nan' ? undefined : 'carbon dropped it silently';
  if ('logged' in only) {
    return 'reject' in ours && ['fields', 'value', 'timestamp'].includes(ours.reject)
      ? undefined
      : 'carbon logged it';
  }
  if ('exception' in only) {
    const want = only.exception === 'UnicodeDecodeError' ? 'utf8' : 'timestamp';
    return 'reject' in ours && ours.reject === want
      ? undefined
      : `carbon raised ${only.exception}; want ${want}`;
  }
  const { metric, name, ts, value } = only.point;
  if ('point' in ours) {
    const [oursName, oursTs, oursValue] = ours.point;
    const same = oursName === name && oursTs === Number(ts) && Object.is(oursValue, Number(value));
    return same ? undefined : `carbon stored ${JSON.stringify(only.point)}`;
  }
  if (ours.reject === 'timestamp') {
    const t = Number(ts);
    return t < 0 || t >= 2 ** 32 ? undefined : `carbon stored timestamp ${ts}`;
  }
  if (ours.reject === 'name') return nameRejected(metric) ? undefined : `carbon stored ${metric}`;
  return `carbon stored ${JSON.stringify(only.point)}`;
}
