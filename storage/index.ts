// storage/ public surface: the whisper file engine, the schema readers and the STORAGE_ERR_* table.
// src/ imports storage only through this file.
export * from './whisper/index.js';
export { STORAGE_ERRORS, StorageError, type StorageErrorCode, type StorageErrorOptions } from './errors.js';
export * from './retention/index.js';
export { WritePool, shardOf, workerFilename } from './pool/write-pool.js';
export type {
  CreateSpec,
  WriteItem,
  WriteResult,
  WriteStatus,
  WriteTask,
  WriteTaskResult,
} from './pool/write-task.js';
export type {
  FindNode,
  FindOptions,
  MetricIndex,
  SeriesInfo,
  TagCount,
  TagValueCount,
} from './index/metric-index.js';
export { LevelMetricIndex } from './index/level-index.js';
export { MemoryMetricIndex } from './index/memory-index.js';
export { compileGlob, expandBraces, type CompiledGlob, type GlobSegment } from './index/glob.js';
export {
  canonicalTaggedName,
  formatTaggedName,
  isTagged,
  parseTagExpression,
  parseTaggedName,
} from './index/tag-expr.js';
export { compileRenderRegex, type RenderRegex } from './index/regex-sub.js';
export type { EventStore, GraphiteEvent, NewEvent, TagSet } from './events/event-store.js';
export { MAX_WHEN, MIN_WHEN } from './events/event-store.js';
export { LevelEventStore } from './events/level-event-store.js';
export { MemoryEventStore } from './events/memory-event-store.js';
export {
  resizeKind,
  type ResizeItem,
  type ResizeItemResult,
  type ResizeOutcome,
  type ResizeTask,
} from './pool/resize-task.js';
export { ResizePool, resizeOnShard, resizeTaskFilename } from './pool/resize-pool.js';
