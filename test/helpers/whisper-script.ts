// Replays the operation scripts of test/fixtures/whisper/whisper_ops.py with storage/whisper, so the same
// script can run against whisper.py and carbonado and the answers and bytes be compared.
import { StorageError } from '../../storage/errors.js';
import { type AggregationMethod, WhisperFile } from '../../storage/whisper/index.js';

export type WireValue = number | string | null;

export type ScriptOp =
  | { op: 'update_many'; points: [number, WireValue][]; now: number }
  | { op: 'update'; value: WireValue; timestamp: number; now: number }
  | { op: 'fetch'; from: number; until: number; now: number; archive?: number | string }
  | { op: 'set_aggregation'; method: string; xff?: number }
  | { op: 'set_xff'; xff: number };

export interface ScriptCreate {
  archives: [number, number][];
  xff: number | null;
  method: string | null;
  sparse: boolean;
  fallocate?: boolean;
}

export type Answer = { result: unknown } | { error: string };

/** whisper exception class → the STORAGE_ERR_* code carbonado raises for the same failure. */
export const WHISPER_ERROR_CODES: Record<string, string> = {
  TimestampNotCovered: 'STORAGE_ERR_TIMESTAMP_NOT_COVERED',
  InvalidAggregationMethod: 'STORAGE_ERR_INVALID_AGGREGATION_METHOD',
  InvalidXFilesFactor: 'STORAGE_ERR_INVALID_XFILESFACTOR',
  InvalidTimeInterval: 'STORAGE_ERR_INVALID_TIME_INTERVAL',
  InvalidConfiguration: 'STORAGE_ERR_INVALID_ARCHIVE_LIST',
  ValueError: 'STORAGE_ERR_INVALID_GRANULARITY',
};

export function decodeValue(v: WireValue): number {
  if (typeof v === 'string') return Number(v);
  return v as number;
}

/** An input value for a script: as encodeValue, and -0 as a string too (JSON.stringify(-0) is "0"). */
export function encodeInput(v: number): WireValue {
  return Object.is(v, -0) ? '-0' : encodeValue(v);
}

/** A value as whisper_ops.py answers it: JSON has no NaN or ±Infinity, those travel as strings. */
export function encodeValue(v: number | null): WireValue {
  if (v === null) return null;
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  return v;
}

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31536000 };

/** whisper's archiveToSelect: a number of seconds or `<n><unit>`. */
function precisionOf(archive: number | string): number {
  if (typeof archive === 'number') return archive;
  const m = /^(\d+)([smhdwy])?/.exec(archive);
  if (m === null) throw new Error(`bad archive ${archive}`);
  return Number(m[1]) * (UNITS[m[2] ?? 's'] as number);
}

function runOp(file: WhisperFile, op: ScriptOp): unknown {
  switch (op.op) {
    case 'update_many':
      file.updateMany(
        op.points.map(([t, v]) => [t, decodeValue(v)] as const),
        op.now,
      );
      return null;
    case 'update':
      file.update(decodeValue(op.value), op.timestamp, op.now);
      return null;
    case 'fetch': {
      const options = op.archive === undefined ? {} : { secondsPerPoint: precisionOf(op.archive) };
      const r = file.fetch(op.from, op.until, op.now, options);
      return r === null ? null : { ...r, values: r.values.map(encodeValue) };
    }
    case 'set_aggregation':
      return file.setAggregationMethod(op.method as AggregationMethod, op.xff);
    case 'set_xff':
      return file.setXFilesFactor(op.xff);
  }
}

/** Creates `path` and runs every op, answering like whisper_ops.py (errors as whisper exception names). */
export function runScript(path: string, create: ScriptCreate, ops: readonly ScriptOp[]): Answer[] {
  const file = WhisperFile.create(
    path,
    create.archives.map(([secondsPerPoint, points]) => ({ secondsPerPoint, points })),
    {
      ...(create.xff === null ? {} : { xFilesFactor: create.xff }),
      ...(create.method === null ? {} : { aggregationMethod: create.method as AggregationMethod }),
      sparse: create.sparse,
      fallocate: create.fallocate ?? false,
    },
  );
  try {
    return ops.map((op) => {
      try {
        return { result: runOp(file, op) };
      } catch (err) {
        if (!(err instanceof StorageError)) throw err;
        const name = Object.keys(WHISPER_ERROR_CODES).find((k) => WHISPER_ERROR_CODES[k] === err.code);
        return { error: name ?? err.code };
      }
    });
  } finally {
    file.close();
  }
}
