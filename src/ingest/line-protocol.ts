// carbon's plaintext protocol, `metric value timestamp` lines from TCP streams (LineParser) and UDP datagrams
// (parseDatagram), with carbon's semantics: str.split(), Python float(), NaN dropped, timestamp -1 = now.
// Spec: docs/ingestion.md "Plaintext protocol"; carbon lib/carbon/protocols.py MetricLineReceiver.
import { isUtf8 } from 'node:buffer';
import { isNormalizedAsciiName, normalizeMetricName } from './metric-name.js';
import { PY_WHITESPACE_RE, latin1, parseAsciiFloatBytes, parsePythonFloat } from './python-float.js';

/** Why a line or pickled item was rejected; the listener counts each under `errors`. */
export type IngestErrorKind = 'fields' | 'value' | 'timestamp' | 'nan' | 'utf8' | 'too-long' | 'name';

/** Receives what the parsers make of their input, synchronously and in input order. */
export interface PointSink {
  /** A valid point: normalized name, integer seconds (timestamp -1 already replaced by now), finite or ±inf value. */
  point(name: string, timestamp: number, value: number): void;
  /** A rejected line (or pickle item): `sample` is the offending input truncated to 400 characters for the log. */
  reject(kind: IngestErrorKind, sample: string, reason: string): void;
}

/** Options shared by LineParser and parseDatagram. */
export interface LineOptions {
  /** Longest accepted line in bytes, without its `\n` (carbon: Twisted's 16384). */
  maxLineLength: number;
  /** Current time in seconds (fractions are truncated); called only for timestamps of -1. */
  now: () => number;
  sink: PointSink;
}

/** What admitPoint refused and why. */
export type PointRejection = { kind: IngestErrorKind; reason: string };

/** Whisper stores timestamps as uint32: the accepted range is [0, TIMESTAMP_LIMIT). */
export const TIMESTAMP_LIMIT = 2 ** 32;
/** Characters of offending input kept in a sample, as carbon logs them. */
export const SAMPLE_LENGTH = 400;

/** The log form of offending input: trimmed, cut to SAMPLE_LENGTH characters (+ `...`), controls escaped. */
export function toSample(text: string): string {
  let s = text.trim();
  const cut = s.length > SAMPLE_LENGTH;
  // Do not cut between the halves of a surrogate pair (a high surrogate is 0xD800–0xDBFF: >> 10 is 0x36).
  if (cut) s = s.slice(0, SAMPLE_LENGTH - (s.charCodeAt(SAMPLE_LENGTH - 1) >> 10 === 0x36 ? 1 : 0));
  s = s.replace(/\p{Cc}/gu, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return cut ? `${s}...` : s;
}

/**
 * The checks of carbon's metricReceived plus ours, in this order: NaN value → `nan`; timestamp not finite →
 * `timestamp`; truncate like int(); -1 → now; outside [0, 2^32) → `timestamp`; name → normalizeMetricName
 * or `name`. Calls sink.point and returns undefined, or returns the rejection without reporting it.
 */
export function admitPoint(
  rawName: string,
  timestamp: number,
  value: number,
  now: () => number,
  sink: PointSink,
): PointRejection | undefined {
  if (value !== value) return { kind: 'nan', reason: 'value is NaN (carbon drops NaN values)' };
  if (!Number.isFinite(timestamp))
    return { kind: 'timestamp', reason: `timestamp ${timestamp} is not finite` };
  let ts = Math.trunc(timestamp);
  if (ts === -1) ts = Math.trunc(now());
  if (!(ts >= 0 && ts < TIMESTAMP_LIMIT)) {
    return { kind: 'timestamp', reason: `timestamp ${ts} is outside whisper's range [0, 2^32)` };
  }
  let name = rawName;
  // Most names are plain ASCII and already normal: checked without allocating a NameCheck.
  if (!isNormalizedAsciiName(rawName)) {
    const check = normalizeMetricName(rawName);
    if (!check.ok) return { kind: 'name', reason: check.reason };
    name = check.name;
  }
  sink.point(name, ts + 0, value); // + 0 turns the -0 of Math.trunc(-0.5) into 0
  return undefined;
}

/** Checks one point the way carbon's metricReceived does (NaN dropped, -1 = now, name normalized). */
export function checkPoint(
  rawName: string,
  timestamp: number,
  value: number,
  now: number,
  sink: PointSink,
): void {
  const rejection = admitPoint(rawName, timestamp, value, () => now, sink);
  if (rejection !== undefined) {
    sink.reject(rejection.kind, toSample(`${rawName} ${value} ${timestamp}`), rejection.reason);
  }
}

// Byte classes for tokenizing: 0 token byte, 1 separator (Python str.split()'s ASCII whitespace, which
// includes \x1c–\x1f), 2 non-ASCII (the line takes the decoding path).
const CLASS = new Uint8Array(256).fill(2, 0x80);
for (const c of [9, 10, 11, 12, 13, 28, 29, 30, 31, 32]) CLASS[c] = 1;
// Datagrams split like Python's str.splitlines(); these are its ASCII line boundaries.
const LINE_BREAK = new Uint8Array(256);
for (const c of [10, 11, 12, 13, 28, 29, 30]) LINE_BREAK[c] = 1;
const UNICODE_LINE_BREAK = /[\x85\u2028\u2029]/;
// Where a line comes from: a TCP stream, a datagram with more data after it, the end of a datagram.
const NOT_DATAGRAM = 0;
const DATAGRAM_LINE = 1;
const DATAGRAM_LAST = 2;

/** Parses single lines (without their `\n`) into sink calls. */
class Lines {
  readonly #now: () => number;
  readonly #sink: PointSink;
  /** Token bounds [start, end) × 3 of the line being parsed. */
  readonly #bounds = new Int32Array(6);
  // The line being parsed, for rejection samples: buf[start, end), or text when #buf is undefined.
  #buf: Buffer | undefined;
  #start = 0;
  #end = 0;
  #text = '';

  constructor(options: LineOptions) {
    this.#now = options.now;
    this.#sink = options.sink;
  }

  /** buf[start, end) as one line; ASCII is tokenized in place, anything else decoded first. */
  bytes(buf: Buffer, start: number, end: number, datagram = NOT_DATAGRAM): void {
    const b = this.#bounds;
    let n = 0;
    for (let i = start; i < end;) {
      const c = CLASS[buf[i]!];
      if (c === 1) i++;
      else if (c === 2) return this.#decode(buf, start, end, datagram);
      else {
        const s = i;
        do i++;
        while (i < end && CLASS[buf[i]!] === 0);
        if (n < 3) {
          b[2 * n] = s;
          b[2 * n + 1] = i;
        }
        n++;
      }
    }
    this.#buf = buf;
    this.#start = start;
    this.#end = end;
    if (n !== 3) return this.#fields(n);
    this.#check(
      latin1(buf, b[0]!, b[1]!),
      parseAsciiFloatBytes(buf, b[2]!, b[3]!),
      parseAsciiFloatBytes(buf, b[4]!, b[5]!),
    );
  }

  /** A decoded line: Python's line.strip().split() and float(). */
  text(line: string): void {
    this.#buf = undefined;
    this.#text = line;
    const fields = line.split(PY_WHITESPACE_RE);
    if (fields[0] === '') fields.shift();
    if (fields.at(-1) === '') fields.pop();
    if (fields.length !== 3) return this.#fields(fields.length);
    this.#check(fields[0]!, parsePythonFloat(fields[1]!), parsePythonFloat(fields[2]!));
  }

  /** Reports input that is no line: too long, or unfinished at the end of a stream. */
  report(kind: IngestErrorKind, head: Buffer, reason: string): void {
    this.#sink.reject(kind, toSample(head.toString('utf8', 0, SAMPLE_LENGTH * 4)), reason);
  }

  #check(name: string, value: number | undefined, timestamp: number | undefined): void {
    if (value === undefined) return this.#reject('value', "value is not a number Python's float() accepts");
    if (timestamp === undefined) {
      return this.#reject('timestamp', "timestamp is not a number Python's float() accepts");
    }
    const rejection = admitPoint(name, timestamp, value, this.#now, this.#sink);
    if (rejection !== undefined) this.#reject(rejection.kind, rejection.reason);
  }

  #decode(buf: Buffer, start: number, end: number, datagram: number): void {
    const line = buf.subarray(start, end);
    if (!isUtf8(line)) return this.report('utf8', line, 'line is not valid UTF-8');
    const text = line.toString('utf8');
    if (datagram === NOT_DATAGRAM) return this.text(text);
    // Python's splitlines() also breaks at U+0085, U+2028 and U+2029, and drops an empty last line.
    const lines = text.split(UNICODE_LINE_BREAK);
    if (datagram === DATAGRAM_LAST && lines.length > 1 && lines.at(-1) === '') lines.pop();
    for (const line of lines) this.text(line);
  }

  #fields(n: number): void {
    this.#reject('fields', n === 0 ? 'empty line' : `${n} fields; want 3: metric value timestamp`);
  }

  #reject(kind: IngestErrorKind, reason: string): void {
    const line = this.#buf === undefined ? this.#text : this.#buf.toString('utf8', this.#start, this.#end);
    this.#sink.reject(kind, toSample(line), reason);
  }
}

/**
 * Splits a TCP byte stream into `\n`-terminated lines and parses each. Lines inside one chunk are parsed in
 * place; only a line split across chunks is copied. A line longer than maxLineLength bytes is reported once
 * as `too-long` and skipped up to its `\n`; the connection lives on.
 */
export class LineParser {
  readonly #lines: Lines;
  readonly #max: number;
  #pending: Buffer[] = [];
  #pendingLength = 0;
  #discarding = false;

  constructor(options: LineOptions) {
    this.#lines = new Lines(options);
    this.#max = options.maxLineLength;
  }

  /** Parses every line the chunk completes; keeps an unfinished last line for the next push. */
  push(chunk: Buffer): void {
    let start = 0;
    if (this.#pendingLength > 0 || this.#discarding) {
      const nl = chunk.indexOf(0x0a);
      const head = nl < 0 ? chunk : chunk.subarray(0, nl);
      if (this.#discarding) {
        this.#discarding = nl < 0;
      } else if (this.#pendingLength + head.length > this.#max) {
        this.#tooLong(Buffer.concat([...this.#pending, head.subarray(0, SAMPLE_LENGTH * 4)]));
        this.#clearPending();
        this.#discarding = nl < 0;
      } else if (nl < 0) {
        this.#pending.push(Buffer.from(chunk));
        this.#pendingLength += chunk.length;
      } else {
        const line = Buffer.concat([...this.#pending, head]);
        this.#clearPending();
        this.#lines.bytes(line, 0, line.length);
      }
      if (nl < 0) return;
      start = nl + 1;
    }
    const max = this.#max;
    for (let nl = chunk.indexOf(0x0a, start); nl >= 0; nl = chunk.indexOf(0x0a, start)) {
      if (nl - start > max) this.#tooLong(chunk.subarray(start, nl));
      else this.#lines.bytes(chunk, start, nl);
      start = nl + 1;
    }
    if (start === chunk.length) return;
    if (chunk.length - start > max) {
      this.#tooLong(chunk.subarray(start));
      this.#discarding = true;
    } else {
      this.#pending.push(Buffer.from(chunk.subarray(start)));
      this.#pendingLength = chunk.length - start;
    }
  }

  /**
   * The stream ended. A last line without `\n` is discarded, as carbon (Twisted) and go-carbon do, because
   * a connection cut mid-line can leave a valid-looking but wrong point; it is reported as `fields`.
   */
  end(): void {
    if (this.#pendingLength > 0) {
      const reason = 'unfinished line at end of stream (no trailing newline); discarded';
      this.#lines.report('fields', Buffer.concat(this.#pending), reason);
    }
    this.#clearPending();
    this.#discarding = false;
  }

  /** Reports a too-long line by its first maxLineLength + 1 bytes: all that any chunking has seen of it. */
  #tooLong(head: Buffer): void {
    const reason = `line longer than ${this.#max} bytes; discarded up to the next newline`;
    this.#lines.report('too-long', head.subarray(0, this.#max + 1), reason);
  }

  #clearPending(): void {
    this.#pending = [];
    this.#pendingLength = 0;
  }
}

/**
 * Parses one UDP datagram. Lines split as Python's splitlines() splits them (also at \r, \v, \f, \x1c–\x1e,
 * U+0085, U+2028, U+2029); each is checked against maxLineLength. Unlike carbon, which loses the whole
 * datagram, a line that is not UTF-8 costs only that line.
 */
export function parseDatagram(datagram: Buffer, options: LineOptions): void {
  const lines = new Lines(options);
  const n = datagram.length;
  let start = 0;
  for (let i = 0; i <= n; i++) {
    if (i < n && LINE_BREAK[datagram[i]!] === 0) continue;
    if (i === n && start === n) break;
    if (i - start > options.maxLineLength) {
      lines.report(
        'too-long',
        datagram.subarray(start, i),
        `line longer than ${options.maxLineLength} bytes`,
      );
    } else lines.bytes(datagram, start, i, i === n ? DATAGRAM_LAST : DATAGRAM_LINE);
    if (datagram[i] === 0x0d && datagram[i + 1] === 0x0a) i++;
    start = i + 1;
  }
}
