// Field types for the config schema, each with one operator-grade message: "expected <what>, got <value>".
// Spec: docs/configuration.md; carbon.conf semantics from graphite.md §6.6.
import { z } from 'zod';

/** A value as an operator would recognise it in a message: numbers bare, strings quoted. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}

function expected(what: string): (issue: { input?: unknown }) => string {
  return (issue) => `expected ${what}, got ${describeValue(issue.input)}`;
}

/** A finite number satisfying `ok`; every failure, wrong type included, reads "expected <what>, got …". */
function numberWhere(what: string, ok: (n: number) => boolean) {
  const error = expected(what);
  return z.number({ error }).refine(ok, { error });
}

/** A whole number ≥ 1 (counts, sizes in bytes, intervals in ms). */
export function positiveInt() {
  return numberWhere('a positive integer', (n) => Number.isSafeInteger(n) && n > 0);
}

/** A whole number ≥ 0 (intervals where 0 switches the feature off). */
export function nonNegativeInt() {
  return numberWhere('a non-negative integer', (n) => Number.isSafeInteger(n) && n >= 0);
}

/** A TCP/UDP port; 0 asks the OS for an ephemeral one (tests). */
export function port() {
  return numberWhere('a port number (0–65535)', (n) => Number.isInteger(n) && n >= 0 && n <= 65535);
}

/** A fraction in (0, 1]. */
export function fraction() {
  return numberWhere('a fraction greater than 0 and at most 1', (n) => n > 0 && n <= 1);
}

const INFINITE = /^(inf|infinity)$/i;

/**
 * A limit that may be unlimited, spelled as carbon.conf does: `inf` (Python's float('inf')), `infinity`,
 * YAML `.inf` or `null`, all of which become `Infinity`. Whole numbers only when `integer`; 0 only when
 * `zero` (a rate of 0 allows nothing).
 */
export function limit({ integer, zero }: { integer: boolean; zero: boolean }) {
  const what = `${zero ? 'a non-negative' : 'a positive'} ${integer ? 'integer' : 'number'} or inf`;
  const error = expected(what);
  return z
    .union([z.number(), z.literal(Infinity), z.string(), z.null()], { error })
    .transform((value, ctx): number => {
      if (value === null || value === Infinity || (typeof value === 'string' && INFINITE.test(value))) {
        return Infinity;
      }
      const inRange = typeof value === 'number' && (value > 0 || (zero && value === 0));
      if (inRange && (!integer || Number.isSafeInteger(value))) return value;
      ctx.addIssue({ code: 'custom', message: error({ input: value }) });
      return z.NEVER;
    });
}

/** true or false (YAML 1.2 also reads True/TRUE; environment variables and flags take true/false). */
export function flag() {
  return z.boolean({ error: expected('true or false') });
}

/** A non-empty string. */
export function text(what = 'a non-empty string') {
  return z.string({ error: expected(what) }).min(1, { error: expected(what) });
}

/** A directory; relative paths are resolved against the working directory by loadConfig. */
export function directory() {
  return text('a directory path');
}

/** One or more dot-free metric path nodes, as carbon builds `carbon.agents.<host>-<instance>`. */
export function metricNode(what: string) {
  const error = expected(`${what} (letters, digits, -, _; no dots or spaces)`);
  return z.string({ error }).regex(/^[A-Za-z0-9_-]+$/, { error });
}

/** A dot-separated metric prefix such as `carbon` or `stats.carbon`. */
export function metricPrefix() {
  const error = expected('a metric prefix such as carbon or stats.carbon');
  return z.string({ error }).regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, { error });
}

/** An interface to bind: IPv4, IPv6 or a host name (`0.0.0.0` and `::` mean every interface). */
export function bindAddress() {
  const error = expected('an IPv4 or IPv6 address or a host name');
  return z.union([z.ipv4(), z.ipv6(), z.hostname()], { error });
}

/** One of a closed list of words, mapped 1:1 to config strings. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: expected(`one of ${values.join(', ')}`) });
}

/** A nested section: unknown keys are errors, missing keys take their defaults, the result is frozen. */
export function section<T extends z.core.$ZodLooseShape>(shape: T) {
  return z
    .strictObject(shape, {
      error: (issue) => (issue.code === 'invalid_type' ? expected('a mapping')(issue) : undefined),
    })
    .readonly();
}
