// storage-aggregation.conf → frozen, ordered rules; `match(metric)` gives the xFilesFactor and
// aggregationMethod a new whisper file gets (carbon storage.loadAggregationSchemas). Spec: graphite.md §6.5.
import { z } from 'zod';
import { AGGREGATION_METHODS, type AggregationMethod, isAggregationMethod } from '../whisper/format.js';
import { PatternSchema, parseSections, readConfText } from './sections.js';

/** whisper.create's defaults, used for a field no rule sets. */
export const DEFAULT_X_FILES_FACTOR = 0.5;
export const DEFAULT_AGGREGATION_METHOD: AggregationMethod = 'average';

/** Python float() syntax (digits may be grouped with `_`); inf and nan are out of range anyway. */
const PY_FLOAT =
  /^[+-]?(?:[0-9](?:_?[0-9])*(?:\.(?:[0-9](?:_?[0-9])*)?)?|\.[0-9](?:_?[0-9])*)(?:[eE][+-]?[0-9](?:_?[0-9])*)?$/;

/** `xFilesFactor`: a float from 0 to 1 (carbon: `float(x)`, then `assert 0 <= x <= 1`). */
export const XFilesFactorSchema = z.string().transform((text, ctx) => {
  const value = PY_FLOAT.test(text) ? Number(text.replaceAll('_', '')) : NaN;
  if (!(value >= 0 && value <= 1)) {
    const problem = Number.isNaN(value) ? 'is not a number' : 'is not between 0 and 1';
    ctx.addIssue({ code: 'custom', message: `xFilesFactor "${text}" ${problem}` });
    return z.NEVER;
  }
  return value;
});

/** `aggregationMethod`: one of whisper's eight, spelled exactly (carbon compares case-sensitively). */
export const AggregationMethodSchema = z.string().transform((text, ctx): AggregationMethod => {
  if (!isAggregationMethod(text)) {
    ctx.addIssue({
      code: 'custom',
      message: `aggregationMethod "${text}" is not one of ${AGGREGATION_METHODS.join(', ')}`,
    });
    return z.NEVER;
  }
  return text;
});

/** One storage-aggregation.conf section (keys lower-cased by configparser; unknown keys are ignored). */
export const StorageAggregationSectionSchema = z.object({
  pattern: PatternSchema,
  xfilesfactor: XFilesFactorSchema.optional(),
  aggregationmethod: AggregationMethodSchema.optional(),
});

export interface AggregationRule {
  readonly name: string;
  /** The Python pattern as written. */
  readonly pattern: string;
  readonly regex: RegExp;
  /** null when the section does not set it: whisper's default 0.5 applies. */
  readonly xFilesFactor: number | null;
  /** null when the section does not set it: whisper's default `average` applies. */
  readonly aggregationMethod: AggregationMethod | null;
  /** Line of the `[name]` header. */
  readonly line: number;
}

export interface AggregationMatch {
  /** The matching section, or null when none matched. */
  readonly rule: string | null;
  readonly xFilesFactor: number;
  readonly aggregationMethod: AggregationMethod;
}

export interface StorageAggregation {
  /** The file the rules came from; null when there was none. */
  readonly file: string | null;
  /** In file order. */
  readonly rules: readonly AggregationRule[];
  /**
   * The first rule whose pattern `re.search`-matches the metric. The search stops there even if that rule
   * sets only one of the two fields: the other is whisper's default, not a later rule's value (as in carbon).
   */
  match(metric: string): AggregationMatch;
}

function buildAggregation(file: string | null, rules: AggregationRule[]): StorageAggregation {
  const ordered = Object.freeze(rules.map((r) => Object.freeze(r)));
  const fallback: AggregationMatch = Object.freeze({
    rule: null,
    xFilesFactor: DEFAULT_X_FILES_FACTOR,
    aggregationMethod: DEFAULT_AGGREGATION_METHOD,
  });
  const results = new Map(
    ordered.map((r) => [
      r,
      Object.freeze({
        rule: r.name,
        xFilesFactor: r.xFilesFactor ?? DEFAULT_X_FILES_FACTOR,
        aggregationMethod: r.aggregationMethod ?? DEFAULT_AGGREGATION_METHOD,
      }),
    ]),
  );
  return Object.freeze({
    file,
    rules: ordered,
    match(metric: string): AggregationMatch {
      const rule = ordered.find((r) => r.regex.test(metric));
      return rule === undefined ? fallback : (results.get(rule) ?? fallback);
    },
  });
}

/** No rules: every metric gets xFilesFactor 0.5 and `average`. */
export function defaultStorageAggregation(): StorageAggregation {
  return buildAggregation(null, []);
}

/**
 * Parses storage-aggregation.conf text; `file` names it in errors. STORAGE_ERR_INVALID_SCHEMA
 * `storage-aggregation.conf [count]: xFilesFactor "2" is not between 0 and 1` for a bad or missing pattern,
 * an xFilesFactor that is not a float in [0, 1], an unknown aggregationMethod, or INI syntax.
 */
export function parseStorageAggregation(text: string, file: string): StorageAggregation {
  const sections = parseSections(text, file, StorageAggregationSectionSchema, ['pattern']);
  return buildAggregation(
    file,
    sections.map(({ name, line, value }) => ({
      name,
      pattern: value.pattern.source,
      regex: value.pattern.regex,
      xFilesFactor: value.xfilesfactor ?? null,
      aggregationMethod: value.aggregationmethod ?? null,
      line,
    })),
  );
}

/** Reads storage-aggregation.conf; a missing file gives {@link defaultStorageAggregation}, as in carbon. */
export async function readStorageAggregation(path: string): Promise<StorageAggregation> {
  const text = await readConfText(path);
  return text === null ? defaultStorageAggregation() : parseStorageAggregation(text, path);
}
