// A pickle (protocol 2) writer for the plain data graphite-web peers unpickle: None, bool, int, float, str,
// list, tuple, dict — no globals, so graphite-web's SafeUnpickler accepts it (grafana-federation.md §2.2.2).
// Used by format=pickle renders and /metrics/find?format=pickle.
import { ByteWriter } from './byte-writer.js';

/** Marks a number to be pickled as a float even when it is integral (graphite-web reads floats there). */
export class PyFloat {
  constructor(readonly value: number) {}
}

/** Marks an array to be pickled as a tuple. */
export class PyTuple {
  constructor(readonly items: readonly unknown[]) {}
}

/** A list of floats and Nones (series values), written without a marker object per value. */
export class PyFloatList {
  constructor(readonly values: readonly (number | null)[]) {}
}

class Writer extends ByteWriter {
  bytes(...bytes: number[]): void {
    this.reserve(bytes.length);
    for (const b of bytes) this.buf[this.len++] = b;
  }
  float(x: number): void {
    this.reserve(9);
    this.buf[this.len] = 0x47; // BINFLOAT
    this.buf.writeDoubleBE(x, this.len + 1);
    this.len += 9;
  }
  text(s: string): void {
    const n = Buffer.byteLength(s, 'utf8');
    this.reserve(5 + n);
    this.buf[this.len] = 0x58; // BINUNICODE
    this.buf.writeUInt32LE(n, this.len + 1);
    this.buf.write(s, this.len + 5, 'utf8');
    this.len += 5 + n;
  }
}

const NONE = 0x4e;
const MARK = 0x28;

/** Pickles `value` (protocol 2): null/undefined → None, arrays → lists, plain objects → dicts. */
export function pickle(value: unknown): Buffer {
  const out = new Writer();
  out.bytes(0x80, 0x02);
  write(value, out);
  out.bytes(0x2e); // STOP
  return out.buf.subarray(0, out.len);
}

function write(value: unknown, out: Writer): void {
  if (value === null || value === undefined) out.bytes(NONE);
  else if (value === true || value === false) out.bytes(value ? 0x88 : 0x89);
  else if (value instanceof PyFloat) out.float(value.value);
  else if (typeof value === 'number') {
    if (Number.isInteger(value)) writeInt(value, out);
    else out.float(value);
  } else if (typeof value === 'string') out.text(value);
  else if (value instanceof PyFloatList) {
    out.bytes(0x5d, MARK); // EMPTY_LIST MARK
    for (const v of value.values) {
      if (v === null) out.bytes(NONE);
      else out.float(v);
    }
    out.bytes(0x65); // APPENDS
  } else if (value instanceof PyTuple) {
    out.bytes(MARK);
    for (const item of value.items) write(item, out);
    out.bytes(0x74); // TUPLE
  } else if (Array.isArray(value)) {
    out.bytes(0x5d, MARK);
    for (const item of value) write(item, out);
    out.bytes(0x65);
  } else if (typeof value === 'object') {
    out.bytes(0x7d, MARK); // EMPTY_DICT MARK
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      write(k, out);
      write(v, out);
    }
    out.bytes(0x75); // SETITEMS
  } else {
    throw new TypeError(`cannot pickle a ${typeof value}`);
  }
}

function writeInt(n: number, out: Writer): void {
  if (n >= -(2 ** 31) && n < 2 ** 31) {
    out.reserve(5);
    out.buf[out.len] = 0x4a; // BININT
    out.buf.writeInt32LE(n, out.len + 1);
    out.len += 5;
    return;
  }
  // LONG1: little-endian two's complement, as few bytes as it takes.
  let big = BigInt(n);
  const bytes: number[] = [];
  while (true) {
    bytes.push(Number(big & 0xffn));
    big >>= 8n;
    const last = bytes[bytes.length - 1] as number;
    if ((big === 0n && (last & 0x80) === 0) || (big === -1n && (last & 0x80) !== 0)) break;
  }
  out.bytes(0x8a, bytes.length, ...bytes);
}
