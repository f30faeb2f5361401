// format=msgpack as graphite-web's renderViewMsgPack writes it (getInfo() dicts, strings as msgpack str),
// with what carbonapi's msgpack protocol needs (grafana-federation.md §3.2): start/end/step as ints and
// every value a float64 (0xcb) or nil, since its decoder turns int-encoded values into NaN. Written by hand
// (smallest int/str/array/map headers, as graphite-web's umsgpack picks them) to control every byte.
import type { Series } from '../series.js';
import { ByteWriter } from './byte-writer.js';
import type { FormatOptions, FormatResult } from './types.js';

class Writer extends ByteWriter {
  /** A header: `fix | n` when n < fixLimit, else the 8/16/32-bit form (code -1 = no 8-bit form). */
  header(n: number, fix: number, fixLimit: number, codes: readonly [number, number, number]): void {
    this.reserve(5);
    const b = this.buf;
    if (n < fixLimit) b[this.len++] = fix | n;
    else if (n < 0x100 && codes[0] !== -1) {
      b[this.len++] = codes[0];
      b[this.len++] = n;
    } else if (n < 0x10000) {
      b[this.len++] = codes[1];
      b.writeUInt16BE(n, this.len);
      this.len += 2;
    } else {
      b[this.len++] = codes[2];
      b.writeUInt32BE(n, this.len);
      this.len += 4;
    }
  }
  str(s: string): void {
    const n = Buffer.byteLength(s, 'utf8');
    this.header(n, 0xa0, 32, [0xd9, 0xda, 0xdb]);
    this.reserve(n);
    this.len += this.buf.write(s, this.len, 'utf8');
  }
  float(x: number): void {
    this.reserve(9);
    this.buf[this.len] = 0xcb;
    this.buf.writeDoubleBE(x, this.len + 1);
    this.len += 9;
  }
  /** An integer in its smallest encoding; a non-integral number as float64. */
  number(x: number): void {
    if (!Number.isInteger(x) || Math.abs(x) > Number.MAX_SAFE_INTEGER) return this.float(x);
    this.reserve(9);
    const b = this.buf;
    const at = this.len;
    if (x >= 0 && x < 0x80) b[this.len++] = x;
    else if (x < 0 && x >= -32) b[this.len++] = x & 0xff;
    else if (x >= 0) {
      const [code, size] =
        x < 0x100 ? [0xcc, 1] : x < 0x10000 ? [0xcd, 2] : x < 2 ** 32 ? [0xce, 4] : [0xcf, 8];
      b[at] = code;
      if (size === 8) b.writeBigUInt64BE(BigInt(x), at + 1);
      else b.writeUIntBE(x, at + 1, size);
      this.len += 1 + size;
    } else {
      const [code, size] =
        x >= -0x80 ? [0xd0, 1] : x >= -0x8000 ? [0xd1, 2] : x >= -(2 ** 31) ? [0xd2, 4] : [0xd3, 8];
      b[at] = code;
      if (size === 8) b.writeBigInt64BE(BigInt(x), at + 1);
      else b.writeIntBE(x, at + 1, size);
      this.len += 1 + size;
    }
  }
}

const ARRAY: readonly [number, number, number] = [-1, 0xdc, 0xdd];
const MAP: readonly [number, number, number] = [-1, 0xde, 0xdf];

function writeSeries(out: Writer, s: Series): void {
  out.header(9, 0x80, 16, MAP);
  out.str('name');
  out.str(s.name);
  out.str('start');
  out.number(s.start);
  out.str('end');
  out.number(s.end);
  out.str('step');
  out.number(s.step);
  out.str('values');
  const values = s.points();
  out.header(values.length, 0x90, 16, ARRAY);
  for (const v of values) {
    if (v === null) out.byte(0xc0);
    else out.float(v);
  }
  out.str('pathExpression');
  out.str(s.pathExpression);
  out.str('valuesPerPoint');
  out.number(s.valuesPerPoint);
  out.str('consolidationFunc');
  out.str(s.consolidationFunc);
  out.str('xFilesFactor');
  out.float(s.xFilesFactor);
}

/** format=msgpack (application/x-msgpack): `[{name, start, end, step, values, …}]`; no series → 0x90. */
export function formatMsgpack(series: readonly Series[], _options: FormatOptions = {}): FormatResult {
  const out = new Writer();
  out.header(series.length, 0x90, 16, ARRAY);
  for (const s of series) writeSeries(out, s);
  return { body: out.buf.subarray(0, out.len), contentType: 'application/x-msgpack' };
}
