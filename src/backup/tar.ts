// Minimal POSIX tar (ustar, with pax `path` records for long names), enough for backups: regular files
// written one after another into a gzip stream, and read back from one. GNU tar and bsdtar read both ways.
// Spec: POSIX.1-2001 pax "ustar Interchange Format" and "pax Extended Header".
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';

const BLOCK = 512;

function writeString(buf: Buffer, text: string, at: number, length: number): void {
  buf.write(text, at, length, 'utf8');
}

function writeOctal(buf: Buffer, value: number, at: number, length: number): void {
  buf.write(
    Math.floor(value)
      .toString(8)
      .padStart(length - 1, '0') + '\0',
    at,
    length,
    'ascii',
  );
}

/** ustar's name/prefix split of `path`, or undefined when it needs a pax record. */
function splitName(path: string): { name: string; prefix: string } | undefined {
  if (Buffer.byteLength(path) <= 100) return { name: path, prefix: '' };
  for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100 && name !== '')
      return { name, prefix };
  }
  return undefined;
}

function header(name: string, prefix: string, size: number, mtimeMs: number, type: string): Buffer {
  const buf = Buffer.alloc(BLOCK);
  writeString(buf, name, 0, 100);
  writeOctal(buf, 0o644, 100, 8);
  writeOctal(buf, 0, 108, 8);
  writeOctal(buf, 0, 116, 8);
  writeOctal(buf, size, 124, 12);
  writeOctal(buf, mtimeMs / 1000, 136, 12);
  buf.fill(0x20, 148, 156); // the checksum is computed with its own field as spaces
  writeString(buf, type, 156, 1);
  writeString(buf, 'ustar\0', 257, 6);
  writeString(buf, '00', 263, 2);
  writeString(buf, prefix, 345, 155);
  let sum = 0;
  for (const byte of buf) sum += byte;
  buf.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8, 'ascii');
  return buf;
}

function padding(size: number): Buffer {
  return Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);
}

/** One pax record, `"<len> path=<value>\n"`, where len counts the whole record including its own digits. */
function paxRecord(key: string, value: string): Buffer {
  const body = ` ${key}=${value}\n`;
  let len = Buffer.byteLength(body) + 1;
  while (String(len).length + Buffer.byteLength(body) !== len)
    len = String(len).length + Buffer.byteLength(body);
  return Buffer.from(`${len}${body}`);
}

/** Writes regular files into `out` (usually a gzip stream), waiting for it to drain. */
export class TarWriter {
  readonly #out: Writable;

  constructor(out: Writable) {
    this.#out = out;
  }

  async #write(chunk: Buffer): Promise<void> {
    if (!this.#out.write(chunk)) await once(this.#out, 'drain');
  }

  async add(path: string, data: Buffer, mtimeMs: number): Promise<void> {
    let split = splitName(path);
    if (split === undefined) {
      const pax = paxRecord('path', path);
      await this.#write(header(`PaxHeader/${path.slice(-80)}`, '', pax.length, mtimeMs, 'x'));
      await this.#write(Buffer.concat([pax, padding(pax.length)]));
      split = { name: path.slice(-100), prefix: '' };
    }
    await this.#write(header(split.name, split.prefix, data.length, mtimeMs, '0'));
    await this.#write(data);
    const pad = padding(data.length);
    if (pad.length > 0) await this.#write(pad);
  }

  /** Writes the two zero blocks that end an archive and ends `out`. */
  async end(): Promise<void> {
    await this.#write(Buffer.alloc(2 * BLOCK));
    this.#out.end();
    await once(this.#out, 'finish');
  }
}

export interface TarEntry {
  path: string;
  data: Buffer;
  mtimeMs: number;
}

/** Bytes arriving in chunks, taken in exact lengths. */
class ByteQueue {
  #chunks: Buffer[] = [];
  length = 0;

  push(chunk: Buffer): void {
    this.#chunks.push(chunk);
    this.length += chunk.length;
  }

  take(n: number): Buffer {
    const first = this.#chunks[0];
    if (first !== undefined && first.length >= n) {
      this.#chunks[0] = first.subarray(n);
      if (first.length === n) this.#chunks.shift();
      this.length -= n;
      return first.subarray(0, n);
    }
    const all = Buffer.concat(this.#chunks);
    this.#chunks = [all.subarray(n)];
    this.length -= n;
    return all.subarray(0, n);
  }
}

function readString(buf: Buffer, at: number, length: number): string {
  const raw = buf.subarray(at, at + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end < 0 ? length : end).toString('utf8');
}

function readOctal(buf: Buffer, at: number, length: number, where: string): number {
  const text = readString(buf, at, length).trim();
  const value = text === '' ? 0 : parseInt(text, 8);
  if (!Number.isFinite(value)) throw new RangeError(`${where}: corrupt tar header (field at ${at})`);
  return value;
}

function parsePax(data: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  const text = data.toString('utf8');
  for (const line of text.split('\n')) {
    const m = /^\d+ ([^=]+)=(.*)$/s.exec(line);
    if (m) out.set(m[1] as string, m[2] as string);
  }
  return out;
}

/** Yields the regular files of a tar stream (already gunzipped); directories and links are skipped. */
export async function* readTar(input: Readable, where: string): AsyncGenerator<TarEntry> {
  const queue = new ByteQueue();
  const iterator = input[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const fill = async (n: number): Promise<boolean> => {
    while (queue.length < n) {
      const next = await iterator.next();
      if (next.done) return false;
      queue.push(next.value);
    }
    return true;
  };
  let longPath: string | undefined;
  for (;;) {
    if (!(await fill(BLOCK))) throw new RangeError(`${where}: tar archive ends without its end blocks`);
    const block = queue.take(BLOCK);
    if (block.every((b) => b === 0)) return;
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (block[i] as number);
    if (sum !== readOctal(block, 148, 8, where))
      throw new RangeError(`${where}: tar header checksum mismatch`);
    const size = readOctal(block, 124, 12, where);
    const type = String.fromCharCode(block[156] as number);
    const padded = size + ((BLOCK - (size % BLOCK)) % BLOCK);
    if (!(await fill(padded))) throw new RangeError(`${where}: tar archive truncated inside an entry`);
    const data = Buffer.from(queue.take(padded).subarray(0, size));
    if (type === 'x') {
      longPath = parsePax(data).get('path') ?? longPath;
      continue;
    }
    if (type === 'L') {
      longPath = readString(data, 0, data.length);
      continue;
    }
    if (type !== '0' && type !== '\0') {
      longPath = undefined;
      continue;
    }
    const name = readString(block, 0, 100);
    // Only POSIX ustar has a prefix field; old GNU headers keep times there.
    const prefix = block.toString('latin1', 257, 263) === 'ustar\0' ? readString(block, 345, 155) : '';
    const path = longPath ?? (prefix === '' ? name : `${prefix}/${name}`);
    longPath = undefined;
    yield { path, data, mtimeMs: readOctal(block, 136, 12, where) * 1000 };
  }
}
