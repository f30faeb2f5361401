// storage/retention public surface: retention definitions, storage-schemas.conf, storage-aggregation.conf
// and the RetentionPolicy that combines them. Spec: shared/reference/graphite.md §6.4, §6.5, §7.7.
export {
  type RetentionSyntax,
  parseRetentionDef,
  parseRetentions,
  parseWhisperRetentionDef,
} from './retention-def.js';
export { type IniDocument, type IniSection, type IniValue, parseIni, sectionItems } from './ini.js';
export { translatePythonRegex } from './python-regex.js';
export { PatternSchema } from './sections.js';
export {
  DEFAULT_ARCHIVES,
  RetentionsSchema,
  type SchemaMatch,
  type SchemaRule,
  StorageSchemaSectionSchema,
  type StorageSchemas,
  defaultStorageSchemas,
  parseStorageSchemas,
  readStorageSchemas,
} from './schemas.js';
export {
  AggregationMethodSchema,
  type AggregationMatch,
  type AggregationRule,
  DEFAULT_AGGREGATION_METHOD,
  DEFAULT_X_FILES_FACTOR,
  StorageAggregationSectionSchema,
  type StorageAggregation,
  XFilesFactorSchema,
  defaultStorageAggregation,
  parseStorageAggregation,
  readStorageAggregation,
} from './aggregation.js';
export {
  type RetentionMatch,
  type RetentionPolicy,
  STORAGE_AGGREGATION_FILE,
  STORAGE_SCHEMAS_FILE,
  createRetentionPolicy,
  readRetentionPolicy,
} from './policy.js';
