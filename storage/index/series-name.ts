// Series names as the index keys them: plain dotted paths (graphite.md §3) and canonical tagged names
// (§4.1, carbon normalizes every tagged name before storing it). Shared by both MetricIndex implementations.
import { canonicalTaggedName, isTagged } from './tag-expr.js';

/**
 * The key a series is indexed under: tagged names in canonical form, plain paths unchanged.
 * Plain paths must be non-empty dotted names without empty segments or NUL (the ingest path rejects
 * those first, so here they are a RangeError); a malformed tagged name is
 * STORAGE_ERR_INVALID_TAG_EXPRESSION.
 */
export function normalizeSeriesName(name: string): string {
  if (name.includes('\0')) throw new RangeError(`series name ${JSON.stringify(name)} contains NUL`);
  if (isTagged(name)) return canonicalTaggedName(name);
  if (name.split('.').includes('')) {
    throw new RangeError(`series name ${JSON.stringify(name)} has an empty segment`);
  }
  return name;
}
