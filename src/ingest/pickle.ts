// carbon's pickle protocol: Int32StringReceiver framing, an unpickler that only builds lists, tuples, str,
// bytes, int, float, None and bool, and MetricPickleReceiver's per-item float() coercion.
// Spec: docs/ingestion.md "Pickle protocol"; CPython Lib/pickletools.py, Modules/_pickle.c; carbon protocols.py.
import { isUtf8 } from 'node:buffer';
import { type PointRejection, type PointSink, admitPoint, toSample } from './line-protocol.js';
import {
  escapeDecode,
  intFromBytesLE,
  parsePickleFloatText,
  parsePickleIntText,
  parsePythonIntLiteral,
  pythonFloatOf,
  rawUnicodeEscapeDecode,
} from './python-float.js';

/** An unreadable or refused pickle payload; the whole message is ignored, as carbon does. */
export class PickleError extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super(`invalid pickle: ${reason}`);
    this.name = 'PickleError';
    this.reason = reason;
  }
}

/** Bounds on one payload's work: values pushed (each costs at least a byte) and open MARKs. */
export type UnpickleLimits = { maxDepth: number; maxItems: number };
export const UNPICKLE_LIMITS: Readonly<UnpickleLimits> = { maxDepth: 32, maxItems: 1_000_000 };

// Every opcode of pickle protocols 0–5 by byte, for error messages (names as in Lib/pickletools.py).
const OPCODE_NAMES = new Map(
  `28 MARK 2e STOP 30 POP 31 POP_MARK 32 DUP 46 FLOAT 49 INT 4a BININT 4b BININT1 4c LONG 4d BININT2 4e NONE
  50 PERSID 51 BINPERSID 52 REDUCE 53 STRING 54 BINSTRING 55 SHORT_BINSTRING 56 UNICODE 58 BINUNICODE
  61 APPEND 62 BUILD 63 GLOBAL 64 DICT 7d EMPTY_DICT 65 APPENDS 67 GET 68 BINGET 69 INST 6a LONG_BINGET
  6c LIST 5d EMPTY_LIST 6f OBJ 70 PUT 71 BINPUT 72 LONG_BINPUT 73 SETITEM 74 TUPLE 29 EMPTY_TUPLE
  75 SETITEMS 47 BINFLOAT 80 PROTO 81 NEWOBJ 82 EXT1 83 EXT2 84 EXT4 85 TUPLE1 86 TUPLE2 87 TUPLE3
  88 NEWTRUE 89 NEWFALSE 8a LONG1 8b LONG4 42 BINBYTES 43 SHORT_BINBYTES 8c SHORT_BINUNICODE
  8d BINUNICODE8 8e BINBYTES8 8f EMPTY_SET 90 ADDITEMS 91 FROZENSET 92 NEWOBJ_EX 93 STACK_GLOBAL
  94 MEMOIZE 95 FRAME 96 BYTEARRAY8 97 NEXT_BUFFER 98 READONLY_BUFFER`
    .split(/\s+/)
    .flatMap((word, i, all) => (i % 2 === 0 ? [[parseInt(word, 16), all[i + 1]!] as const] : [])),
);

/** "GLOBAL (0x63 'c')": an opcode's pickletools name, byte and character. */
export function opcodeName(op: number): string {
  const ch = op > 0x20 && op < 0x7f ? ` '${String.fromCharCode(op)}'` : '';
  return `${OPCODE_NAMES.get(op) ?? 'unknown opcode'} (0x${op.toString(16).padStart(2, '0')}${ch})`;
}

const SAFE_INT = 2n ** 53n;

/** Python's unpickler state: the stack, the stacks MARK set aside (its metastack), the memo. */
class Machine {
  pos = 0;
  op = 0;
  at = 0;
  stack: unknown[] = [];
  readonly marks: unknown[][] = [];
  readonly memo = new Map<number, unknown>();
  #pushed = 0;

  constructor(
    readonly buf: Buffer,
    readonly limits: UnpickleLimits,
  ) {}

  error = (what: string) => new PickleError(`${opcodeName(this.op)} at offset ${this.at}: ${what}`);
  fail(what: string): never {
    throw this.error(what);
  }
  /** Consumes n bytes, returning where they start. */
  take(n: number): number {
    if (n < 0) this.fail('negative byte count');
    if (n > this.buf.length - this.pos) this.fail('pickle data was truncated');
    this.pos += n;
    return this.pos - n;
  }
  u8 = (): number => this.buf[this.take(1)]!;
  u32 = (): number => this.buf.readUInt32LE(this.take(4));
  u64 = (): number => Number(this.buf.readBigUInt64LE(this.take(8)));
  i32 = (): number => this.buf.readInt32LE(this.take(4));
  bytes = (n: number): Buffer => this.buf.subarray(this.take(n), this.pos);
  copy = (n: number): Buffer => Buffer.from(this.bytes(n));
  /** The text opcodes' argument: up to the next `\n`, as latin-1. */
  line(): string {
    const nl = this.buf.indexOf(0x0a, this.pos);
    return this.buf.toString('latin1', this.take(nl < 0 ? Infinity : nl + 1 - this.pos), nl);
  }
  utf8 = (b: Buffer): string => (isUtf8(b) ? b.toString('utf8') : this.fail('string is not valid UTF-8'));
  push(value: unknown): void {
    if (++this.#pushed > this.limits.maxItems) throw this.error(`more than ${this.limits.maxItems} items`);
    this.stack.push(value);
  }
  /** Python's messages when an opcode needs more values than the stack (since the last MARK) holds. */
  underflow = (): never => this.fail(this.marks.length > 0 ? 'unexpected MARK found' : 'stack is empty');
  top = (): unknown => (this.stack.length > 0 ? this.stack[this.stack.length - 1] : this.underflow());
  pop = (): unknown => (this.top(), this.stack.pop());
  mark(): void {
    if (this.marks.length >= this.limits.maxDepth) throw this.error('MARKs nested too deeply');
    this.marks.push(this.stack);
    this.stack = [];
  }
  popMark(): unknown[] {
    const items = this.stack;
    const outer = this.marks.pop();
    if (outer === undefined) throw this.error('could not find MARK');
    this.stack = outer;
    return items;
  }
  tuple = (n: number) =>
    this.push(Object.freeze(this.stack.length < n ? this.underflow() : this.stack.splice(-n)));
  /** APPEND and APPENDS: tuples are frozen and, as in Python, have no append. */
  append(items: unknown[]): void {
    const list = this.top();
    if (!Array.isArray(list) || Object.isFrozen(list)) throw this.error('the target is not a list');
    for (const item of items) list.push(item);
  }
  get = (key: number) =>
    this.push(this.memo.has(key) ? this.memo.get(key) : this.fail(`no memo entry ${key}`));
  memoKey = (text: string): number =>
    /^\d+$/.test(text) ? Number(text) : this.fail(`bad memo key "${text}"`);
  /** A Python int as a number when that is exact, else as a bigint. */
  int(value: bigint | boolean | undefined, text: string): number | bigint | boolean {
    if (value === undefined) this.fail(`invalid integer literal "${toSample(text)}"`);
    return typeof value === 'bigint' && value >= -SAFE_INT && value <= SAFE_INT ? Number(value) : value;
  }
  textFloat(text: string): number {
    return parsePickleFloatText(text) ?? this.fail(`could not convert "${toSample(text)}" to float`);
  }
}

// The allowed opcodes; every other one, above all those that import or call (GLOBAL, STACK_GLOBAL, REDUCE,
// INST, OBJ, NEWOBJ, BUILD, EXT*, PERSID), is refused by name.
const OPS = new Map<number, (m: Machine) => void>([
  [0x80, (m) => m.u8() <= 5 || m.fail('unsupported pickle protocol (above 5)')], // PROTO
  [0x95, (m) => m.u64() <= m.buf.length - m.pos || m.fail('pickle data was truncated')], // FRAME
  [0x28, (m) => m.mark()], // MARK
  [0x5d, (m) => m.push([])], // EMPTY_LIST
  [0x6c, (m) => m.push(m.popMark())], // LIST
  [0x61, (m) => m.append([m.pop()])], // APPEND
  [0x65, (m) => m.append(m.popMark())], // APPENDS
  [0x29, (m) => m.push(Object.freeze([]))], // EMPTY_TUPLE
  [0x74, (m) => m.push(Object.freeze(m.popMark()))], // TUPLE
  [0x85, (m) => m.tuple(1)], // TUPLE1
  [0x86, (m) => m.tuple(2)], // TUPLE2
  [0x87, (m) => m.tuple(3)], // TUPLE3
  [0x4e, (m) => m.push(null)], // NONE
  [0x88, (m) => m.push(true)], // NEWTRUE
  [0x89, (m) => m.push(false)], // NEWFALSE
  [0x49, (m) => m.push(m.int(parsePickleIntText(m.line()), 'INT'))], // INT
  [0x4c, (m) => m.push(m.int(parsePythonIntLiteral(m.line().replace(/L$/, '')), 'LONG'))], // LONG
  [0x4a, (m) => m.push(m.buf.readInt32LE(m.take(4)))], // BININT
  [0x4b, (m) => m.push(m.u8())], // BININT1
  [0x4d, (m) => m.push(m.buf.readUInt16LE(m.take(2)))], // BININT2
  [0x8a, (m) => m.push(m.int(intFromBytesLE(m.bytes(m.u8())), 'LONG1'))], // LONG1
  [0x8b, (m) => m.push(m.int(intFromBytesLE(m.bytes(m.i32())), 'LONG4'))], // LONG4
  [0x46, (m) => m.push(m.textFloat(m.line()))], // FLOAT
  [0x47, (m) => m.push(m.buf.readDoubleBE(m.take(8)))], // BINFLOAT
  [0x53, (m) => m.push(m.utf8(escapeDecode(m.line(), (what) => m.error(what))))], // STRING
  [0x54, (m) => m.push(m.utf8(m.bytes(m.i32())))], // BINSTRING
  [0x55, (m) => m.push(m.utf8(m.bytes(m.u8())))], // SHORT_BINSTRING
  [0x56, (m) => m.push(rawUnicodeEscapeDecode(m.line(), (what) => m.error(what)))], // UNICODE
  [0x58, (m) => m.push(m.utf8(m.bytes(m.u32())))], // BINUNICODE
  [0x8c, (m) => m.push(m.utf8(m.bytes(m.u8())))], // SHORT_BINUNICODE
  [0x8d, (m) => m.push(m.utf8(m.bytes(m.u64())))], // BINUNICODE8
  [0x43, (m) => m.push(m.copy(m.u8()))], // SHORT_BINBYTES
  [0x42, (m) => m.push(m.copy(m.u32()))], // BINBYTES
  [0x8e, (m) => m.push(m.copy(m.u64()))], // BINBYTES8
  [0x70, (m) => m.memo.set(m.memoKey(m.line()), m.top())], // PUT
  [0x71, (m) => m.memo.set(m.u8(), m.top())], // BINPUT
  [0x72, (m) => m.memo.set(m.u32(), m.top())], // LONG_BINPUT
  [0x94, (m) => m.memo.set(m.memo.size, m.top())], // MEMOIZE
  [0x67, (m) => m.get(m.memoKey(m.line()))], // GET
  [0x68, (m) => m.get(m.u8())], // BINGET
  [0x6a, (m) => m.get(m.u32())], // LONG_BINGET
]);

/**
 * Decodes one pickle payload of carbon's shape [(path, (timestamp, value)), ...] with a safe subset of
 * opcodes. Lists are arrays, tuples frozen arrays; str → string; bytes → Buffer; int → number (bigint beyond
 * 2^53); float → number; None → null; bool → boolean. Opcodes that import, call or build other objects,
 * truncated input and payloads over the limits throw PickleError. The items are untrusted: check them with
 * checkPickledPoints.
 */
export function unpickleMetrics(payload: Buffer, limits: UnpickleLimits = UNPICKLE_LIMITS): unknown[] {
  const m = new Machine(payload, limits);
  for (;;) {
    m.at = m.pos;
    m.op = m.u8();
    if (m.op === 0x2e) break; // STOP
    const run = OPS.get(m.op);
    if (run === undefined)
      throw m.error('not allowed: only lists, tuples, str, bytes, int, float, None, bool');
    run(m);
  }
  const result = m.pop();
  if (!Array.isArray(result)) throw m.error('the payload is not a list of (metric, (timestamp, value))');
  return result;
}

/**
 * Coerces unpickled items like carbon's MetricPickleReceiver: each must be `(metric, (timestamp, value))`
 * (tuples or lists), metric a str or UTF-8 bytes, timestamp and value int, float, bool or a numeric str
 * (Python float()). Good items go through admitPoint to sink.point; a bad one is reported via sink.reject
 * and skipped, and the rest of the message survives. `now` (seconds) replaces timestamp -1.
 */
export function checkPickledPoints(items: unknown[], now: number, sink: PointSink): void {
  const clock = () => now;
  for (const item of items) {
    const rejection = checkItem(item, clock, sink);
    if (rejection !== undefined) sink.reject(rejection.kind, sampleOf(item), rejection.reason);
  }
}

function checkItem(item: unknown, now: () => number, sink: PointSink): PointRejection | undefined {
  const pair: unknown = Array.isArray(item) && item.length === 2 ? item[1] : undefined;
  if (!Array.isArray(pair) || pair.length !== 2) {
    return { kind: 'fields', reason: 'item is not (metric, (timestamp, value))' };
  }
  let name: unknown = (item as unknown[])[0];
  if (name instanceof Uint8Array && !isUtf8(name))
    return { kind: 'utf8', reason: 'metric bytes are not UTF-8' };
  if (name instanceof Uint8Array) name = Buffer.from(name).toString('utf8');
  if (typeof name !== 'string') return { kind: 'name', reason: 'metric is not a str or bytes' };
  const [timestamp, value] = [pythonFloatOf(pair[0]), pythonFloatOf(pair[1])];
  if (value === undefined) return { kind: 'value', reason: "value is not a number Python's float() accepts" };
  if (timestamp === undefined) {
    return { kind: 'timestamp', reason: "timestamp is not a number Python's float() accepts" };
  }
  return admitPoint(name, timestamp, value, now, sink);
}

/** A short Python-like repr of an item for the log, at most three levels deep. */
function sampleOf(x: unknown, depth = 0): string {
  if (typeof x === 'string') return toSample(JSON.stringify(x));
  if (x instanceof Uint8Array) return toSample(`b${JSON.stringify(Buffer.from(x).toString('latin1'))}`);
  if (x === null || typeof x === 'boolean') return x === null ? 'None' : x ? 'True' : 'False';
  if (!Array.isArray(x)) return String(x);
  if (depth >= 3) return '(...)';
  const shown = x.slice(0, 10).map((e: unknown) => sampleOf(e, depth + 1));
  return toSample(`(${shown.join(', ')}${x.length > 10 ? ', ...' : ''})`);
}

/** Options of PickleFrameDecoder. */
export interface PickleFrameOptions {
  /** Largest accepted payload in bytes (carbon: PICKLE_RECEIVER_MAX_LENGTH = 2^20). */
  maxFrameBytes: number;
  /** A complete payload; it may share memory with pushed chunks, so copy it to keep it past the call. */
  onFrame(payload: Buffer): void;
  /** A length prefix over maxFrameBytes: framing can no longer be trusted and the decoder has stopped. */
  onOversize(length: number): void;
}

/**
 * Splits a TCP byte stream into Twisted Int32StringReceiver frames: a 4-byte big-endian unsigned length,
 * then that many payload bytes. Frames inside one chunk are passed on without copying.
 */
export class PickleFrameDecoder {
  readonly #options: PickleFrameOptions;
  /** Bytes of an unfinished frame (its header, maybe part of its payload), joined once #needed arrived. */
  #parts: Buffer[] = [];
  #partsLength = 0;
  #needed = 0;
  #stopped = false;

  constructor(options: PickleFrameOptions) {
    this.#options = options;
  }

  /** Emits every frame the chunk completes; keeps the rest for the next push. Ignored once stopped. */
  push(chunk: Buffer): void {
    if (this.#stopped) return;
    let buf = chunk;
    if (this.#partsLength > 0) {
      this.#parts.push(chunk);
      this.#partsLength += chunk.length;
      if (this.#partsLength < this.#needed) return;
      buf = Buffer.concat(this.#parts, this.#partsLength);
    }
    let pos = 0;
    while (buf.length - pos >= 4) {
      const length = buf.readUInt32BE(pos);
      if (length > this.#options.maxFrameBytes) {
        this.#stopped = true;
        this.#parts = [];
        return this.#options.onOversize(length);
      }
      if (buf.length - pos - 4 < length) break;
      pos += 4 + length;
      this.#options.onFrame(buf.subarray(pos - length, pos));
    }
    const rest = buf.subarray(pos);
    this.#parts = rest.length > 0 ? [rest] : [];
    this.#partsLength = rest.length;
    this.#needed = rest.length < 4 ? 4 : 4 + rest.readUInt32BE(0);
  }
}
