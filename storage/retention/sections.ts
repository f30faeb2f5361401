// The plumbing both storage-*.conf readers share: read the file (absent → null), INI-parse it, run each
// section through a zod sub-schema and turn issues into `file [section]: problem`. Spec: graphite.md §6.4-6.5.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { StorageError, ioError } from '../errors.js';
import { type IniValue, parseIni, sectionItems } from './ini.js';
import { translatePythonRegex } from './python-regex.js';

/** A section that passed its schema: its name, header line and validated value. */
export interface ValidSection<T> {
  name: string;
  line: number;
  value: T;
}

/** Turns an error a parser threw into a zod issue, so one section can report several problems. */
export function issueFrom(ctx: z.RefinementCtx, err: unknown, message: (err: StorageError) => string): void {
  if (!(err instanceof StorageError)) throw err;
  ctx.addIssue({ code: 'custom', message: message(err) });
}

/**
 * `pattern`: a Python regex carbon uses with `re.search` (unanchored) → `{ source, regex }`, the text as
 * written and its JavaScript translation. Empty is an error (carbon skips the section with a log line).
 */
export const PatternSchema = z
  .string({ error: 'pattern is missing (carbon skips such a section)' })
  .transform((pattern, ctx) => {
    if (pattern === '') {
      ctx.addIssue({ code: 'custom', message: 'pattern is empty' });
      return z.NEVER;
    }
    try {
      return { source: pattern, regex: translatePythonRegex(pattern) };
    } catch (err) {
      issueFrom(ctx, err, (e) => e.message);
      return z.NEVER;
    }
  });

/**
 * Parses `text` as INI and validates every section (with `[DEFAULT]` inherited and %-interpolation applied)
 * against `schema`, in file order. `[DEFAULT]` itself is not a rule and may not set any of `notInDefault`.
 * Throws STORAGE_ERR_INVALID_SCHEMA `file [section]: problem; problem` for the first invalid section.
 */
export function parseSections<T>(
  text: string,
  file: string,
  schema: z.ZodType<T>,
  notInDefault: readonly string[],
): ValidSection<T>[] {
  const doc = parseIni(text, file);
  for (const key of notInDefault) {
    const at = doc.defaults.get(key);
    if (at !== undefined) {
      throw new StorageError(
        'STORAGE_ERR_INVALID_SCHEMA',
        `${file} [DEFAULT]: ${key} may not be set in [DEFAULT] (every section would inherit it, and carbon would ` +
          `also treat [DEFAULT] as a rule of its own)`,
        { context: { file, section: 'DEFAULT', line: at.line } },
      );
    }
  }
  return doc.sections.map((section) => {
    const items = sectionItems(doc, section);
    const result = schema.safeParse(Object.fromEntries([...items].map(([key, { value }]) => [key, value])));
    if (result.success) return { name: section.name, line: section.line, value: result.data };
    const issues = result.error.issues;
    const firstKey = issues[0]?.path[0];
    const at: IniValue | undefined = typeof firstKey === 'string' ? items.get(firstKey) : undefined;
    throw new StorageError(
      'STORAGE_ERR_INVALID_SCHEMA',
      `${file} [${section.name}]: ${issues.map((issue) => issue.message).join('; ')}`,
      {
        context: {
          file,
          section: section.name,
          line: at?.line ?? section.line,
          issues: issues.map(({ path, message }) => ({ path, message })),
        },
      },
    );
  });
}

/**
 * Reads a conf file as UTF-8 (what Python's open() does on a UTF-8 locale), or null when it does not
 * exist. Invalid UTF-8 is STORAGE_ERR_INVALID_SCHEMA; other failures are STORAGE_ERR_IO.
 */
export async function readConfText(path: string): Promise<string | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw ioError(err, 'read', path);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (err) {
    throw new StorageError('STORAGE_ERR_INVALID_SCHEMA', `${path}: not valid UTF-8 text`, {
      cause: err,
      context: { file: path },
    });
  }
}
