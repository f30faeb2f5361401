// storage-schemas.conf → frozen, ordered retention rules; `match(metric)` picks the archives a new whisper
// file gets (carbon storage.loadStorageSchemas + go-carbon whisper_schema.go priority). Spec: graphite.md §6.4.
import { z } from 'zod';
import type { ArchiveSpec } from '../whisper/format.js';
import { validateArchiveList } from '../whisper/validate.js';
import { parseRetentions } from './retention-def.js';
import { PatternSchema, issueFrom, parseSections, readConfText } from './sections.js';

/** carbon's fallback when no section matches: 60 s × 10080 points (`60s:7d`, storage.defaultSchema). */
export const DEFAULT_ARCHIVES: readonly ArchiveSpec[] = Object.freeze([
  Object.freeze({ secondsPerPoint: 60, points: 10_080 }),
]);

/**
 * A `retentions` value: comma-separated carbon retention definitions (`60:1440`, `1m:1d`), checked against
 * whisper's archive-list rules, sorted by precision and frozen.
 */
export const RetentionsSchema = z
  .string({ error: 'retentions is missing (carbon skips such a section)' })
  .transform((text, ctx) => {
    try {
      return { text, archives: parseRetentions(text) };
    } catch (err) {
      issueFrom(
        ctx,
        err,
        (e) => `retentions "${String(e.context.definition)}": ${String(e.context.problem)}`,
      );
      return z.NEVER;
    }
  })
  .superRefine(({ text, archives }, ctx) => {
    try {
      validateArchiveList(archives);
    } catch (err) {
      issueFrom(ctx, err, (e) => `retentions "${text}": ${e.message}`);
    }
  })
  .transform(({ archives }) =>
    Object.freeze(
      [...archives].sort((a, b) => a.secondsPerPoint - b.secondsPerPoint).map((a) => Object.freeze(a)),
    ),
  );

/** configparser's getboolean() words. */
const BOOLEANS: Readonly<Record<string, boolean>> = {
  '1': true,
  yes: true,
  true: true,
  on: true,
  '0': false,
  no: false,
  false: false,
  off: false,
};

const MatchAllSchema = z.string().transform((text, ctx) => {
  const value = BOOLEANS[text.toLowerCase()];
  if (value === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `match-all "${text}" is not a boolean (true/false, yes/no, on/off, 1/0)`,
    });
    return z.NEVER;
  }
  return value;
});

/** go-carbon's `priority`: a whole number, higher first; sections of equal priority keep file order. */
const PrioritySchema = z.string().transform((text, ctx) => {
  const n = /^[+-]?[0-9]+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n)) {
    ctx.addIssue({ code: 'custom', message: `priority "${text}" is not a whole number` });
    return z.NEVER;
  }
  return n;
});

/** One storage-schemas.conf section (keys as configparser lower-cases them; unknown keys are ignored). */
export const StorageSchemaSectionSchema = z
  .object({
    pattern: PatternSchema.optional(),
    'match-all': MatchAllSchema.optional(),
    retentions: RetentionsSchema,
    priority: PrioritySchema.optional(),
  })
  .superRefine((section, ctx) => {
    const matchAll = section['match-all'] === true;
    if (section.pattern === undefined && !matchAll) {
      ctx.addIssue({
        code: 'custom',
        message: 'neither pattern nor match-all = true is set (carbon skips such a section)',
      });
    }
    if (section.pattern !== undefined && matchAll) {
      ctx.addIssue({ code: 'custom', message: 'pattern and match-all = true are both set; keep one' });
    }
  });

export interface SchemaRule {
  /** The section name. */
  readonly name: string;
  /** The Python pattern as written, or null for a `match-all = true` section. */
  readonly pattern: string | null;
  /** `pattern` translated for JavaScript, or null for match-all. */
  readonly regex: RegExp | null;
  /** Sorted by precision, validated. */
  readonly archives: readonly ArchiveSpec[];
  readonly priority: number;
  /** Line of the `[name]` header. */
  readonly line: number;
}

export interface SchemaMatch {
  /** The matching section, or null when carbon's built-in default (`60s:7d`) applied. */
  readonly schema: string | null;
  readonly archives: readonly ArchiveSpec[];
}

export interface StorageSchemas {
  /** The file the rules came from; null when there was none and the built-in default is all there is. */
  readonly file: string | null;
  /** In matching order: priority descending, then file order. */
  readonly rules: readonly SchemaRule[];
  /** The first rule whose pattern `re.search`-matches the metric name (or match-all), else the default. */
  match(metric: string): SchemaMatch;
}

function buildSchemas(file: string | null, rules: SchemaRule[]): StorageSchemas {
  // Array.prototype.sort is stable, so equal priorities keep file order (go-carbon: priority<<32 - index).
  const ordered = Object.freeze(rules.sort((a, b) => b.priority - a.priority).map((r) => Object.freeze(r)));
  const fallback: SchemaMatch = Object.freeze({ schema: null, archives: DEFAULT_ARCHIVES });
  const results = new Map(ordered.map((r) => [r, Object.freeze({ schema: r.name, archives: r.archives })]));
  return Object.freeze({
    file,
    rules: ordered,
    match(metric: string): SchemaMatch {
      const rule = ordered.find((r) => r.regex === null || r.regex.test(metric));
      return rule === undefined ? fallback : (results.get(rule) ?? fallback);
    },
  });
}

/** Schemas with no rules: every metric gets carbon's default `60s:7d`. */
export function defaultStorageSchemas(): StorageSchemas {
  return buildSchemas(null, []);
}

/**
 * Parses storage-schemas.conf text. `file` names the file in errors: STORAGE_ERR_INVALID_SCHEMA
 * `storage-schemas.conf [default]: retentions "1x:1d": invalid precision "1x": unknown unit "x" (…)` for an
 * unparsable retention, an archive list whisper would refuse, a section with neither pattern nor
 * `match-all = true`, a missing `retentions`, a bad regex or priority, or INI syntax (`file:line: …`).
 */
export function parseStorageSchemas(text: string, file: string): StorageSchemas {
  const sections = parseSections(text, file, StorageSchemaSectionSchema, ['pattern', 'match-all']);
  return buildSchemas(
    file,
    sections.map(({ name, line, value }) => ({
      name,
      pattern: value.pattern === undefined ? null : value.pattern.source,
      regex: value.pattern === undefined ? null : value.pattern.regex,
      archives: value.retentions,
      priority: value.priority ?? 0,
      line,
    })),
  );
}

/**
 * Reads storage-schemas.conf. A missing file gives {@link defaultStorageSchemas} (carbon refuses to start
 * without one; see docs/schemas.md). Read failures other than ENOENT are STORAGE_ERR_IO.
 */
export async function readStorageSchemas(path: string): Promise<StorageSchemas> {
  const text = await readConfText(path);
  return text === null ? defaultStorageSchemas() : parseStorageSchemas(text, path);
}
