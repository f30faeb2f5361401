// Received metric names → carbon's canonical form (TaggedSeries.parse(name).path), the rules that keep every
// name's file inside the whisper directory, and the name → relative .wsp path mapping (TAG_HASH_FILENAMES).
// Spec: docs/ingestion.md "Metric names"; carbon lib/carbon/util.py TaggedSeries, lib/carbon/database.py.
import { createHash } from 'node:crypto';

/** A normalized name, or why the received name was rejected. */
export type NameCheck = { ok: true; name: string } | { ok: false; reason: string };

/** Longest relative path, in UTF-8 bytes (Linux PATH_MAX − 1; go-carbon persister/whisper.go). */
export const MAX_PATH_LENGTH = 4095;
/** Longest file or directory name, in UTF-8 bytes, `.wsp` included (Linux NAME_MAX). */
export const MAX_FILENAME_LENGTH = 255;
/** Directory holding tagged series; plain names may not start with this node. */
export const TAGGED_DIR = '_tagged';

const WSP = '.wsp';
// tag=value segments of an OpenMetrics name, exactly carbon's regex, including its `(:?,|$)` typo, which
// lets `a="b":,c="d"` through.
const OPENMETRICS_SEGMENT = /^([^=]+)="((?:[\\]["\\]|[^"\\])+)"(:?,|$)/;
const PROHIBITED_TAG_CHARS = [';', '!', '^', '='];

const fail = (reason: string): NameCheck => ({ ok: false, reason });
/** A name as quoted in a reason: reasons go to logs, names may be 16 KiB long. */
const show = (name: string) => (name.length > 80 ? `${name.slice(0, 80)}…` : name);

/**
 * Normalizes a received metric name as carbon does and checks it is safe as a path. Plain names lose
 * leading `~`; tagged names (`name;tag=value…` or `name{tag="value",…}`) get carbon's canonical form: tags
 * sorted, duplicates last-wins, the `name` tag replaced by the metric. Every rejection rule is listed, with
 * its reason, in docs/ingestion.md.
 */
export function normalizeMetricName(raw: string): NameCheck {
  if (isNormalizedAsciiName(raw)) return { ok: true, name: raw };
  if (raw.length === 0) return fail('empty metric name');
  const bad = unsafeCharacter(raw);
  if (bad !== undefined) return fail(bad);
  if (!raw.includes(';') && !(raw.endsWith('"}') && raw.includes('{'))) {
    const name = raw.charCodeAt(0) === 0x7e ? raw.replace(/^~+/, '') : raw;
    if (name.length === 0) return fail(`metric name "${show(raw)}" is only '~' characters`);
    const problem = plainNameProblem(name);
    return problem === undefined ? { ok: true, name } : fail(problem);
  }
  const canonical = canonicalMetricName(raw);
  if (!canonical.ok) return canonical;
  if (canonical.name.includes(';')) {
    // Carbon stores names that do not parse back to themselves (`a;b{c="d"}` → `a;b;c=d`); graphite-web's
    // tag index and our own WAL replay would then read a different series.
    const again = canonicalMetricName(canonical.name);
    return again.ok && again.name === canonical.name
      ? canonical
      : fail(
          `tagged name "${show(raw)}" has no stable canonical form (carbon gives "${show(canonical.name)}")`,
        );
  }
  // `a;name=x` and `a{name="x"}` canonicalize to the plain name `a`.
  const problem = plainNameProblem(canonical.name);
  return problem === undefined ? canonical : fail(problem);
}

/**
 * Exactly carbon's `TaggedSeries.parse(raw).path`, with carbon's parse errors and none of our safety rules:
 * tags sorted by code point, duplicates last-wins, the `name` tag replaced by the metric without leading `~`.
 */
export function canonicalMetricName(raw: string): NameCheck {
  return raw.endsWith('"}') && raw.includes('{') ? parseOpenMetrics(raw) : parseCarbonTags(raw);
}

/**
 * Relative path (with '/' separators, ending '.wsp') of a normalized name inside the whisper dir: `a.b.c` →
 * `a/b/c.wsp`; a tagged name → `_tagged/<h[0:3]>/<h[3:6]>/<h>.wsp`, h = sha256 hex of the name (carbon
 * with TAG_HASH_FILENAMES=True). Throws RangeError for a plain name normalizeMetricName would reject.
 */
export function metricRelativePath(name: string): string {
  if (name.includes(';')) {
    const h = createHash('sha256').update(name, 'utf8').digest('hex');
    return `${TAGGED_DIR}/${h.slice(0, 3)}/${h.slice(3, 6)}/${h}${WSP}`;
  }
  const problem = unsafeCharacter(name) ?? plainNameProblem(name);
  if (problem !== undefined)
    throw new RangeError(`metricRelativePath: not a normalized metric name: ${problem}`);
  return name.replaceAll('.', '/') + WSP;
}

/**
 * The hot path, without allocating: true for printable ASCII without `/ \\ ; { ~`, no empty node, not under
 * _tagged/, every node and the path within the byte limits (one byte per character). Such a name is already
 * normalized and safe. False means only that normalizeMetricName must decide.
 */
export function isNormalizedAsciiName(name: string): boolean {
  const n = name.length;
  if (n === 0 || n + WSP.length > MAX_PATH_LENGTH) return false;
  let nodeStart = 0;
  for (let i = 0; i < n; i++) {
    const c = name.charCodeAt(i);
    if (c === 0x2e) {
      if (i === nodeStart || i - nodeStart > MAX_FILENAME_LENGTH) return false;
      nodeStart = i + 1;
    } else if (c < 0x21 || c > 0x7d || c === 0x2f || c === 0x5c || c === 0x3b || c === 0x7b) return false;
  }
  if (nodeStart === n || n - nodeStart + WSP.length > MAX_FILENAME_LENGTH) return false;
  return !(
    name.startsWith(TAGGED_DIR) &&
    (n === TAGGED_DIR.length || name.charCodeAt(TAGGED_DIR.length) === 0x2e)
  );
}

/** Control characters (C0, DEL, C1) and lone UTF-16 surrogates, which no file name or log line should hold. */
function unsafeCharacter(name: string): string | undefined {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
      return `metric name contains control character U+${c.toString(16).padStart(4, '0').toUpperCase()} at position ${i}`;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = name.charCodeAt(i + 1);
      if (c >= 0xdc00 || !(next >= 0xdc00 && next <= 0xdfff)) {
        return `metric name contains a lone UTF-16 surrogate at position ${i}`;
      }
      i++;
    }
  }
  return undefined;
}

/** Why a plain (untagged) name is unsafe as a path below the whisper directory, or undefined. */
function plainNameProblem(name: string): string | undefined {
  const shown = show(name);
  if (name.length === 0) return 'empty metric name';
  let nodeStart = 0;
  for (let i = 0; i <= name.length; i++) {
    const c = i === name.length ? 0x2e : name.charCodeAt(i);
    if (c === 0x2f || c === 0x5c) {
      return `metric name "${shown}" contains '${c === 0x2f ? '/' : '\\'}' (a path separator)`;
    }
    if (c !== 0x2e) continue;
    if (i === nodeStart) {
      const where = i === 0 ? 'leading' : i === name.length ? 'trailing' : 'consecutive';
      return `metric name "${shown}" has an empty node (${where} '.')`;
    }
    nodeStart = i + 1;
  }
  if (name.startsWith(TAGGED_DIR) && (name.length === TAGGED_DIR.length || name[TAGGED_DIR.length] === '.')) {
    return `metric name "${shown}" starts with the reserved node "${TAGGED_DIR}" (where tagged series live)`;
  }
  // UTF-8 takes at most 3 bytes per UTF-16 unit, so short names skip the byte counts.
  if (name.length * 3 + WSP.length <= MAX_FILENAME_LENGTH) return undefined;
  const nodes = name.split('.');
  for (let n = 0; n < nodes.length; n++) {
    const bytes = Buffer.byteLength(nodes[n]!, 'utf8') + (n === nodes.length - 1 ? WSP.length : 0);
    if (bytes > MAX_FILENAME_LENGTH) {
      return `metric name "${shown}" has a node of ${bytes} bytes${n === nodes.length - 1 ? ' with .wsp' : ''}; file names are limited to ${MAX_FILENAME_LENGTH}`;
    }
  }
  const total = Buffer.byteLength(name, 'utf8') + WSP.length;
  if (total > MAX_PATH_LENGTH) {
    return `metric name "${shown}" makes a ${total}-byte path; paths are limited to ${MAX_PATH_LENGTH}`;
  }
  return undefined;
}

/** carbon TaggedSeries.parse_carbon: `metric;tag=value;…`. */
function parseCarbonTags(raw: string): NameCheck {
  const segments = raw.split(';');
  const tags = new Map<string, string>();
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i]!;
    const eq = segment.indexOf('=');
    if (eq <= 0)
      return fail(`tagged name "${show(raw)}" has an invalid segment "${show(segment)}" (want tag=value)`);
    const problem = tagProblem(segment.slice(0, eq), segment.slice(eq + 1));
    if (problem !== undefined) return fail(`tagged name "${show(raw)}": ${problem}`);
    tags.set(segment.slice(0, eq), segment.slice(eq + 1));
  }
  return formatTagged(raw, segments[0]!, tags);
}

/** carbon TaggedSeries.parse_openmetrics: `metric{tag="value",…}`, `\"` and `\\` escapes in values. */
function parseOpenMetrics(raw: string): NameCheck {
  const parts = raw.slice(0, -1).split('{');
  if (parts.length !== 2) return fail(`tagged name "${show(raw)}" has more than one '{'`);
  const metric = parts[0]!;
  const tags = new Map<string, string>();
  let rest = parts[1]!;
  while (rest.length > 0) {
    const m = OPENMETRICS_SEGMENT.exec(rest);
    if (m === null)
      return fail(`tagged name "${show(raw)}" has an invalid segment "${show(rest)}" (want tag="value")`);
    const value = m[2]!.replaceAll('\\"', '"').replaceAll('\\\\', '\\');
    const problem = tagProblem(m[1]!, value);
    if (problem !== undefined) return fail(`tagged name "${show(raw)}": ${problem}`);
    tags.set(m[1]!, value);
    rest = rest.slice(m[0].length);
  }
  return formatTagged(raw, metric, tags);
}

/** carbon TaggedSeries.validateTagAndValue. */
function tagProblem(tag: string, value: string): string | undefined {
  if (tag.length === 0) return 'tag may not be empty';
  if (value.length === 0) return `value for tag "${show(tag)}" may not be empty`;
  for (const ch of PROHIBITED_TAG_CHARS) {
    if (tag.includes(ch)) return `character "${ch}" is not allowed in tag "${show(tag)}"`;
  }
  if (value.includes(';'))
    return `character ";" is not allowed in value "${show(value)}" of tag "${show(tag)}"`;
  if (value[0] === '~') return `tag values may not start with "~" (tag "${show(tag)}")`;
  return undefined;
}

/** carbon TaggedSeries.format: the `name` tag (metric without leading `~`) + sorted `;tag=value` strings. */
function formatTagged(raw: string, metric: string, tags: Map<string, string>): NameCheck {
  if (metric.length === 0) return fail(`tagged name "${show(raw)}" has no metric before its tags`);
  const name = metric.replace(/^~+/, '');
  if (name.length === 0) return fail(`tagged name "${show(raw)}": its metric is only '~' characters`);
  const pairs: string[] = [];
  for (const [tag, value] of tags) if (tag !== 'name') pairs.push(`;${tag}=${value}`);
  return { ok: true, name: name + pairs.sort(compareCodePoints).join('') };
}

/** Python's str ordering (by code point); JS's default sort compares UTF-16 units, which differs above U+FFFF. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (U+D800–DFFF) encode code points above U+FFFF: move them above U+E000–FFFF.
    if (x >= 0xd800) x += x < 0xe000 ? 0x2000 : -0x800;
    if (y >= 0xd800) y += y < 0xe000 ? 0x2000 : -0x800;
    return x - y;
  }
  return a.length - b.length;
}
