// format=json, byte for byte as graphite-web's renderViewJson (render/views.py) writes it: maxDataPoints
// consolidation (render/consolidate.ts), noNullPoints, json.dumps spacing, NaN → null, ±Infinity → ±1e9999.
// The hot path of every Grafana panel, so the text is written by hand in one pass (no JSON.stringify).
import { consolidateForJson } from '../consolidate.js';
import { AsciiWriter } from './ascii-writer.js';
import type { Series } from '../series.js';
import { type PyJson, pyJsonDumps, pyJsonString } from './py-json.js';
import { type FormatOptions, type FormatResult, withJsonp } from './types.js';

/**
 * graphite-web runs `.replace('NaN,', 'null,').replace('Infinity,', '1e9999,')` over the whole text; values
 * are written already replaced, so only string literals (names, tags) can still hold those words.
 */
function pyReplaceQuirk(text: string): string {
  return text.includes('NaN,') || text.includes('Infinity,')
    ? text.replaceAll('NaN,', 'null,').replaceAll('Infinity,', '1e9999,')
    : text;
}

/** The [value, timestamp] pairs graphite-web's datapoints() yields (timestamps zipped, so truncating). */
function eachPoint(s: Series, visit: (value: number | null, t: number) => void): void {
  const values = s.points();
  const stride = Math.trunc(s.step * s.valuesPerPoint);
  const end = Math.trunc(s.end);
  if (stride <= 0) return;
  for (let i = 0, t = Math.trunc(s.start); i < values.length && t <= end; i++, t += stride) {
    visit(values[i] as number | null, t);
  }
}

function tagsText(tags: Record<string, string>): string {
  let out = '{';
  let first = true;
  for (const [k, v] of Object.entries(tags)) {
    out += `${first ? '' : ', '}${pyJsonString(k)}: ${pyJsonString(v)}`;
    first = false;
  }
  return `${out}}`;
}

const COMMA = 0x2c;
const SPACE = 0x20;
const OPEN = 0x5b;
const CLOSE = 0x5d;

interface Frame {
  start: number;
  stride: number;
  count: number;
  /** Every timestamp's digits back to back, `width` bytes each; width 0 when they differ in length. */
  digits: Uint8Array;
  width: number;
}

function timestampDigits(start: number, stride: number, count: number): Frame {
  const first = String(start);
  const lastText = String(start + Math.max(0, count - 1) * stride);
  if (start < 0 || first.length !== lastText.length)
    return { start, stride, count, digits: new Uint8Array(), width: 0 };
  const width = first.length;
  const w = new AsciiWriter();
  for (let i = 0; i < count; i++) w.int(start + i * stride);
  return { start, stride, count, digits: w.buf.subarray(0, w.len), width };
}

function compact(series: readonly Series[], noNullPoints: boolean): Buffer {
  const out = new AsciiWriter();
  let frame: Frame | undefined;
  out.write('[');
  let firstSeries = true;
  for (const s of series) {
    const values = s.points();
    const stride = Math.trunc(s.step * s.valuesPerPoint);
    const end = Math.trunc(s.end);
    const last = stride <= 0 ? -1 : Math.floor((end - Math.trunc(s.start)) / stride);
    const count = Math.max(0, Math.min(values.length, last + 1));
    if (noNullPoints && !values.slice(0, count).some((v) => !isNullPoint(v))) continue;
    const head = `{"target": ${pyJsonString(s.name)}, "tags": ${tagsText(s.tags)}, "datapoints": [`;
    out.write(`${firstSeries ? '' : ', '}${pyReplaceQuirk(head)}`);
    firstSeries = false;
    out.reserve(count * 26);
    // the series of one answer mostly share their timestamps: print them once per frame, copy them after
    const start = Math.trunc(s.start);
    if (frame === undefined || frame.start !== start || frame.stride !== stride || frame.count < count)
      frame = timestampDigits(start, stride, count);
    const { digits, width } = frame;
    let sep = false;
    for (let i = 0; i < count; i++) {
      const v = values[i] as number | null;
      if (noNullPoints && isNullPoint(v)) continue;
      if (sep) out.byte2(COMMA, SPACE);
      sep = true;
      out.byte(OPEN);
      if (v === null || Number.isNaN(v)) out.write('null');
      else if (!Number.isFinite(v)) out.write(v > 0 ? '1e9999' : '-1e9999');
      else out.float(v);
      out.byte2(COMMA, SPACE);
      if (width > 0) out.bytes(digits, i * width, width);
      else out.int(start + i * stride);
      out.byte(CLOSE);
    }
    out.write(']}');
  }
  out.write(']');
  return out.buf.subarray(0, out.len);
}

const isNullPoint = (v: number | null): boolean => v === null || Number.isNaN(v);

/** pretty=1 is rare and small: the generic json.dumps(indent=2) encoder, then graphite-web's replace. */
function pretty(series: readonly Series[], noNullPoints: boolean): string {
  const data: PyJson[] = [];
  for (const s of series) {
    const datapoints: PyJson[] = [];
    eachPoint(s, (v, t) => {
      if (!(noNullPoints && isNullPoint(v))) datapoints.push([v, BigInt(t)]);
    });
    if (noNullPoints && datapoints.length === 0) continue;
    data.push({ target: s.name, tags: { ...s.tags }, datapoints });
  }
  return pyJsonDumps(data, 2).replaceAll('NaN,', 'null,').replaceAll('Infinity,', '1e9999,');
}

/**
 * format=json: `[{"target": name, "tags": {…}, "datapoints": [[value, timestamp], …]}, …]` with Python's
 * json.dumps spacing and float repr; application/json, or text/javascript `cb(...)` with `jsonp`. The plain
 * answer's body is a Buffer of ASCII bytes (nothing left to encode); pretty and jsonp answers are strings.
 */
export function formatJson(series: readonly Series[], options: FormatOptions = {}): FormatResult {
  // `if any(data)`: a list of series that all hold no values at all prints as [].
  let data = series.some((s) => s.values.length > 0) ? series : [];
  if (options.maxDataPoints !== undefined) data = consolidateForJson(data, options.maxDataPoints);
  const noNull = options.noNullPoints === true;
  if (options.pretty === true) return withJsonp(pretty(data, noNull), options);
  const body = compact(data, noNull);
  if (options.jsonp === undefined) return { body, contentType: 'application/json' };
  return withJsonp(body.toString('latin1'), options);
}
