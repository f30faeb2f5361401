// A pickle (protocol 2) writer for the plain data graphite-web peers unpickle: None, bool, int, float, str,
// list, tuple, dict. Used for `format=pickle` answers (graphite-web federation reads pickle: see
// grafana-federation.md errata 6).

/** Marks a number to be pickled as a float even when it is integral (graphite-web reads floats there). */
export class PyFloat {
  constructor(readonly value: number) {}
}

/** Marks an array to be pickled as a tuple. */
export class PyTuple {
  constructor(readonly items: readonly unknown[]) {}
}

export function pickle(value: unknown): Buffer {
  const out: Buffer[] = [Buffer.from([0x80, 0x02])];
  write(value, out);
  out.push(Buffer.from('.'));
  return Buffer.concat(out);
}

function write(value: unknown, out: Buffer[]): void {
  if (value === null || value === undefined) {
    out.push(Buffer.from('N'));
  } else if (value === true || value === false) {
    out.push(Buffer.from([value ? 0x88 : 0x89]));
  } else if (value instanceof PyFloat || (typeof value === 'number' && !Number.isInteger(value))) {
    const b = Buffer.alloc(9);
    b[0] = 0x47; // BINFLOAT
    b.writeDoubleBE(value instanceof PyFloat ? value.value : (value as number), 1);
    out.push(b);
  } else if (typeof value === 'number') {
    writeInt(value, out);
  } else if (typeof value === 'string') {
    const s = Buffer.from(value, 'utf8');
    const b = Buffer.alloc(5);
    b[0] = 0x58; // BINUNICODE
    b.writeUInt32LE(s.length, 1);
    out.push(b, s);
  } else if (value instanceof PyTuple) {
    out.push(Buffer.from('('));
    for (const item of value.items) write(item, out);
    out.push(Buffer.from('t'));
  } else if (Array.isArray(value)) {
    out.push(Buffer.from(']('));
    for (const item of value) write(item, out);
    out.push(Buffer.from('e'));
  } else if (typeof value === 'object') {
    out.push(Buffer.from('}('));
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      write(k, out);
      write(v, out);
    }
    out.push(Buffer.from('u'));
  } else {
    throw new TypeError(`cannot pickle a ${typeof value}`);
  }
}

function writeInt(n: number, out: Buffer[]): void {
  if (n >= -(2 ** 31) && n < 2 ** 31) {
    const b = Buffer.alloc(5);
    b[0] = 0x4a; // BININT
    b.writeInt32LE(n, 1);
    out.push(b);
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
  out.push(Buffer.from([0x8a, bytes.length, ...bytes]));
}
