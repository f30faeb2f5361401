// Retention definitions (`60:1440`, `1m:1d`, `10s:6h,1m:7d`) parsed by carbon's and by whisper.py's rules,
// which differ in their units. Spec: shared/reference/graphite.md §6.4 (carbon.util) and §7.7 (whisper.py).
import { StorageError } from '../errors.js';
import type { ArchiveSpec } from '../whisper/format.js';
import { pyStrip } from './python-text.js';

/** Which parser a retention string follows: carbon (storage-schemas.conf) or whisper.py (the CLI tools). */
export type RetentionSyntax = 'carbon' | 'whisper';

/** carbon.util.UnitMultipliers: single letters only. */
const CARBON_UNITS: Readonly<Record<string, number>> = {
  s: 1,
  m: 60,
  h: 3600,
  d: 86_400,
  w: 604_800,
  y: 31_536_000,
};

/** whisper.UnitMultipliers, searched in this order for the first word the unit is a prefix of. */
const WHISPER_UNITS: readonly (readonly [string, number])[] = [
  ['seconds', 1],
  ['minutes', 60],
  ['hours', 3600],
  ['days', 86_400],
  ['weeks', 604_800],
  ['years', 31_536_000],
];

const PLAIN = /^[0-9]+$/;
const WITH_UNIT = /^([0-9]+)([a-z]+)$/;

function unitSeconds(syntax: RetentionSyntax, unit: string): number | undefined {
  if (syntax === 'carbon') return Object.hasOwn(CARBON_UNITS, unit) ? CARBON_UNITS[unit] : undefined;
  return WHISPER_UNITS.find(([word]) => word.startsWith(unit))?.[1];
}

function knownUnits(syntax: RetentionSyntax): string {
  return syntax === 'carbon' ? 's, m, h, d, w, y' : 'a prefix of seconds, minutes, hours, days, weeks, years';
}

function fail(def: string, problem: string): StorageError {
  return new StorageError('STORAGE_ERR_INVALID_RETENTION', `retention "${def}": ${problem}`, {
    context: { definition: def, problem },
  });
}

function toSafeInteger(def: string, digits: string, what: string): number {
  const n = Number(digits);
  if (!Number.isSafeInteger(n)) throw fail(def, `${what} "${digits}" is too large`);
  return n;
}

/** One side of `precision:duration`: a number of seconds (plain integers count seconds on the left). */
function parseSide(
  def: string,
  syntax: RetentionSyntax,
  text: string,
  side: 'precision' | 'duration',
): { value: number; unit: boolean } {
  if (PLAIN.test(text)) return { value: toSafeInteger(def, text, side), unit: false };
  const m = WITH_UNIT.exec(text);
  if (m === null) {
    const expected = side === 'precision' ? 'seconds or <n><unit>' : 'a point count or <n><unit>';
    throw fail(def, `invalid ${side} "${text}" (expected ${expected}, e.g. 60 or 1m)`);
  }
  const [, digits = '', unit = ''] = m;
  const multiplier = unitSeconds(syntax, unit);
  if (multiplier === undefined) {
    throw fail(def, `invalid ${side} "${text}": unknown unit "${unit}" (units are ${knownUnits(syntax)})`);
  }
  const value = toSafeInteger(def, digits, side) * multiplier;
  if (!Number.isSafeInteger(value)) throw fail(def, `${side} "${text}" is too large`);
  return { value, unit: true };
}

function parseDef(raw: string, syntax: RetentionSyntax): ArchiveSpec {
  const def = pyStrip(raw);
  // carbon splits on every ':' and needs exactly two parts; whisper.py splits once, so "1:2:3" fails later
  // on its duration "2:3" instead. Either way the definition is rejected.
  const parts = syntax === 'carbon' ? def.split(':') : splitOnce(def);
  if (parts.length !== 2) throw fail(def, 'expected precision:duration, e.g. 60:1440 or 1m:1d');
  const [precisionText = '', durationText = ''] = parts;
  const precision = parseSide(def, syntax, precisionText, 'precision');
  if (precision.value === 0) throw fail(def, 'precision must be at least 1 second');
  const duration = parseSide(def, syntax, durationText, 'duration');
  let points = duration.value;
  if (duration.unit) {
    // carbon: int(seconds / precision), a true (float) division then truncation; whisper.py: seconds //
    // precision. Both operands are safe integers, so the float quotient is the one Python computes.
    points =
      syntax === 'carbon'
        ? Math.trunc(points / precision.value)
        : (points - (points % precision.value)) / precision.value;
  }
  if (points === 0) {
    throw fail(
      def,
      `duration "${durationText}" is shorter than the precision (${precision.value} s), leaving 0 points`,
    );
  }
  return { secondsPerPoint: precision.value, points };
}

function splitOnce(s: string): string[] {
  const at = s.indexOf(':');
  return at < 0 ? [s] : [s.slice(0, at), s.slice(at + 1)];
}

/**
 * Parses one retention definition by carbon's rules (`carbon.util.parseRetentionDef`): `precision:duration`,
 * each side a plain integer or `<int><unit>` with a single-letter unit s, m, h, d, w or y (1 y = 365 d).
 * A plain left side is seconds; a plain right side is a point count; a right side with a unit is a time span
 * and becomes `span // precision` points. `60:1440`, `1m:1d` and `60s:86400s` all give 60 s × 1440.
 *
 * Stricter than carbon: a zero precision (carbon divides by zero) and a span shorter than the precision
 * (carbon makes an archive of 0 points) are rejected. Throws STORAGE_ERR_INVALID_RETENTION naming `def`.
 */
export function parseRetentionDef(def: string): ArchiveSpec {
  return parseDef(def, 'carbon');
}

/**
 * Parses one retention definition by whisper.py's rules (`whisper.parseRetentionDef`, used by whisper-create
 * and whisper-resize): like {@link parseRetentionDef}, but a unit may be any prefix of seconds, minutes,
 * hours, days, weeks or years (`1min:2hours`, `10sec:1year`).
 */
export function parseWhisperRetentionDef(def: string): ArchiveSpec {
  return parseDef(def, 'whisper');
}

/**
 * Parses a comma-separated list such as `10s:6h, 1m:7d, 10m:5y` (carbon splits the `retentions` value on
 * `,` and strips each item). Archives come back in the order written; whisper's archive-list rules are
 * checked separately (`validateArchiveList`, or the schema readers).
 */
export function parseRetentions(list: string, syntax: RetentionSyntax = 'carbon'): ArchiveSpec[] {
  return list.split(',').map((def) => parseDef(def, syntax));
}
