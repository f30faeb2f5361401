// Where a backup goes: a directory (files fsynced, manifest.json written last by rename, so a backup with a
// manifest is complete) or a gzipped tar (to a file, renamed into place at the end, or to a stream).
import { once } from 'node:events';
import {
  closeSync,
  createWriteStream,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  utimesSync,
  writeSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { MANIFEST_NAME, type Manifest } from './manifest.js';
import { BackupError } from './source.js';
import { TarWriter } from './tar.js';

export interface BackupSink {
  add(path: string, data: Buffer, mtimeMs: number): Promise<void>;
  /** Makes everything durable and writes the manifest last. */
  finish(manifest: Manifest): Promise<void>;
  /** Removes what a failed backup wrote (a directory sink leaves no manifest either way). */
  abort(): void;
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * fsyncs many files (then their directories), several at a time on libuv's thread pool: on virtual and
 * networked disks one fsync at a time costs more than the copying (10,000 files: 6 s sequential).
 */
export async function fsyncAll(paths: readonly string[], concurrency = 16): Promise<void> {
  const dirs = [...new Set(paths.map((p) => dirname(p)))];
  for (const list of [paths, dirs]) {
    let next = 0;
    const lane = async () => {
      while (next < list.length) {
        const handle = await open(list[next++] as string, 'r');
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, list.length) }, lane));
  }
}

/** Writes `data` to `path` durably: temp file, fsync, rename, fsync the directory. */
export function writeFileDurably(path: string, data: Buffer | string): void {
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    const buf = typeof data === 'string' ? Buffer.from(data) : data;
    let done = 0;
    while (done < buf.length) done += writeSync(fd, buf, done, buf.length - done);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  fsyncPath(dirname(path));
}

export class DirSink implements BackupSink {
  readonly #root: string;
  readonly #written: string[] = [];
  readonly #dirs = new Set<string>();

  constructor(root: string) {
    let entries: string[] = [];
    try {
      entries = readdirSync(root);
    } catch {
      // does not exist yet
    }
    if (entries.length > 0) {
      throw new BackupError(`${root}: backup destination is not empty (give a new directory)`);
    }
    mkdirSync(root, { recursive: true });
    this.#root = root;
  }

  async add(path: string, data: Buffer, mtimeMs: number): Promise<void> {
    const target = join(this.#root, path);
    const dir = dirname(target);
    if (!this.#dirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.#dirs.add(dir);
    }
    const fd = openSync(target, 'w');
    try {
      let done = 0;
      while (done < data.length) done += writeSync(fd, data, done, data.length - done);
    } finally {
      closeSync(fd);
    }
    utimesSync(target, mtimeMs / 1000, mtimeMs / 1000);
    this.#written.push(target);
  }

  async finish(manifest: Manifest): Promise<void> {
    // fsync after all writes rather than per file: the kernel writes back in bulk, most fsyncs find clean pages.
    await fsyncAll(this.#written);
    for (const dir of this.#dirs) fsyncPath(dir);
    writeFileDurably(join(this.#root, MANIFEST_NAME), JSON.stringify(manifest, null, 1) + '\n');
  }

  abort(): void {
    // Files stay for inspection; without manifest.json restore and verify refuse the directory.
  }
}

export class TarSink implements BackupSink {
  readonly #gzip = createGzip({ level: 1 });
  readonly #tar = new TarWriter(this.#gzip);
  readonly #out: Writable;
  readonly #path: string | undefined;
  readonly #done: Promise<void>;

  /** To `path` (written as `path.partial`, renamed at the end), or to `stream` when path is undefined. */
  constructor(path: string | undefined, stream?: Writable) {
    this.#path = path;
    if (path !== undefined) {
      mkdirSync(dirname(path), { recursive: true });
      this.#out = createWriteStream(`${path}.partial`);
      this.#gzip.pipe(this.#out);
      this.#done = once(this.#out, 'close').then(() => undefined);
    } else {
      if (stream === undefined) throw new TypeError('TarSink needs a path or a stream');
      this.#out = stream;
      // Not piped: ending process.stdout is not ours to do.
      this.#gzip.pipe(this.#out, { end: false });
      this.#done = once(this.#gzip, 'end').then(async () => {
        if (this.#out.writableNeedDrain) await once(this.#out, 'drain');
      });
    }
    this.#out.on('error', (err) => this.#gzip.destroy(err));
  }

  add(path: string, data: Buffer, mtimeMs: number): Promise<void> {
    return this.#tar.add(path, data, mtimeMs);
  }

  async finish(manifest: Manifest): Promise<void> {
    await this.#tar.add(MANIFEST_NAME, Buffer.from(JSON.stringify(manifest, null, 1) + '\n'), Date.now());
    await this.#tar.end();
    await this.#done;
    if (this.#path !== undefined) {
      fsyncPath(`${this.#path}.partial`);
      renameSync(`${this.#path}.partial`, this.#path);
      fsyncPath(dirname(this.#path));
    }
  }

  abort(): void {
    this.#gzip.destroy();
    if (this.#path !== undefined) rmSync(`${this.#path}.partial`, { force: true });
  }
}
