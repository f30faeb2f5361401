// RetentionPolicy: storage-schemas.conf and storage-aggregation.conf together, answering "what whisper file
// does a new metric get" (carbon writer.py: schema archives + aggregation xff/method). Spec: graphite.md §6.4-6.5.
import { join } from 'node:path';
import type { AggregationMethod, ArchiveSpec } from '../whisper/format.js';
import { type StorageAggregation, defaultStorageAggregation, readStorageAggregation } from './aggregation.js';
import { type StorageSchemas, defaultStorageSchemas, readStorageSchemas } from './schemas.js';

/** The file names carbon looks for in its CONF_DIR. */
export const STORAGE_SCHEMAS_FILE = 'storage-schemas.conf';
export const STORAGE_AGGREGATION_FILE = 'storage-aggregation.conf';

/** Everything `whisper create` needs for a metric, and which sections decided it. */
export interface RetentionMatch {
  /** Sorted by precision. */
  readonly archives: readonly ArchiveSpec[];
  readonly xFilesFactor: number;
  readonly aggregationMethod: AggregationMethod;
  /** storage-schemas.conf section, or null for the built-in `60s:7d`. */
  readonly schema: string | null;
  /** storage-aggregation.conf section, or null for whisper's defaults (0.5, average). */
  readonly aggregation: string | null;
}

export interface RetentionPolicy {
  readonly schemas: StorageSchemas;
  readonly aggregation: StorageAggregation;
  match(metric: string): RetentionMatch;
}

/** Combines already-parsed schemas and aggregation rules (either may be the defaults). */
export function createRetentionPolicy(
  schemas: StorageSchemas = defaultStorageSchemas(),
  aggregation: StorageAggregation = defaultStorageAggregation(),
): RetentionPolicy {
  return Object.freeze({
    schemas,
    aggregation,
    match(metric: string): RetentionMatch {
      const s = schemas.match(metric);
      const a = aggregation.match(metric);
      return {
        archives: s.archives,
        xFilesFactor: a.xFilesFactor,
        aggregationMethod: a.aggregationMethod,
        schema: s.schema,
        aggregation: a.rule,
      };
    },
  });
}

/**
 * Reads `storage-schemas.conf` and `storage-aggregation.conf` from `configDir` (carbon's CONF_DIR). A file
 * that does not exist contributes its defaults; an invalid one rejects with STORAGE_ERR_INVALID_SCHEMA.
 */
export async function readRetentionPolicy(configDir: string): Promise<RetentionPolicy> {
  const [schemas, aggregation] = await Promise.all([
    readStorageSchemas(join(configDir, STORAGE_SCHEMAS_FILE)),
    readStorageAggregation(join(configDir, STORAGE_AGGREGATION_FILE)),
  ]);
  return createRetentionPolicy(schemas, aggregation);
}
