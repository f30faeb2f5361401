// Opening a backup to read it: a directory as is, a .tar.gz (or `-`, stdin) extracted into a scratch
// directory first; an incremental backup's chain of bases is followed through each manifest's `base`.
import {
  createReadStream,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import {
  MANIFEST_NAME,
  type Manifest,
  type ManifestFile,
  parseManifest,
  readManifestFile,
} from './manifest.js';
import { readTar } from './tar.js';

/** A failure an operator fixes (bad path, incomplete backup, non-empty target): exit 1, no stack. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

/** Whether `path` names a compressed tar stream rather than a directory. */
export function isTarPath(path: string): boolean {
  return path === '-' || path.endsWith('.tar.gz') || path.endsWith('.tgz');
}

function safeRelative(path: string, where: string): string {
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  if (path.startsWith('/') || parts.includes('..') || parts.length === 0) {
    throw new BackupError(`${where}: refusing the unsafe path ${JSON.stringify(path)}`);
  }
  return parts.join('/');
}

/** Extracts a gzipped tar stream into `dir`, keeping mtimes; returns how many files it held. */
export async function extractTarGz(input: Readable, dir: string, where: string): Promise<number> {
  const gunzip = createGunzip();
  input.on('error', (err) => gunzip.destroy(err));
  input.pipe(gunzip);
  let files = 0;
  try {
    for await (const entry of readTar(gunzip, where)) {
      const target = join(dir, safeRelative(entry.path, where));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, entry.data);
      utimesSync(target, entry.mtimeMs / 1000, entry.mtimeMs / 1000);
      files++;
    }
  } catch (err) {
    if (err instanceof RangeError || err instanceof BackupError) throw new BackupError(err.message);
    throw new BackupError(`${where}: cannot read the archive: ${(err as Error).message}`);
  } finally {
    input.unpipe(gunzip);
    gunzip.destroy();
  }
  return files;
}

/** The manifest of a backup directory or .tar.gz, without unpacking the files. */
export async function readBackupManifest(src: string): Promise<Manifest> {
  if (!isTarPath(src) || src === '-') {
    try {
      return readManifestFile(src);
    } catch (err) {
      throw new BackupError((err as Error).message);
    }
  }
  let input;
  try {
    statSync(src);
    input = createReadStream(src);
  } catch {
    throw new BackupError(`${src}: no such backup file`);
  }
  const gunzip = createGunzip();
  input.pipe(gunzip);
  try {
    for await (const entry of readTar(gunzip, src)) {
      if (entry.path === MANIFEST_NAME)
        return parseManifest(entry.data.toString('utf8'), `${src}:${MANIFEST_NAME}`);
    }
  } catch (err) {
    throw new BackupError((err as Error).message);
  } finally {
    input.destroy();
    gunzip.destroy();
  }
  throw new BackupError(`${src}: no ${MANIFEST_NAME} (not a backup, or a backup that did not finish)`);
}

export interface OpenedBackup {
  dir: string;
  manifest: Manifest;
}

/** Scratch directories made while opening backups; `close()` removes them. */
export class BackupReader {
  readonly #scratchParent: string;
  readonly #stdin: () => Readable;
  #scratch: string[] = [];

  /** `scratchParent`: where .tar.gz backups are unpacked (the target's file system, to move not copy). */
  constructor(scratchParent: string, stdin: () => Readable = () => process.stdin) {
    this.#scratchParent = scratchParent;
    this.#stdin = stdin;
  }

  /** A backup directory (or a .tar.gz unpacked) and its manifest. */
  async open(src: string): Promise<OpenedBackup> {
    if (!isTarPath(src)) {
      let isDir = false;
      try {
        isDir = statSync(src).isDirectory();
      } catch {
        throw new BackupError(`${src}: no such backup (directory or .tar.gz)`);
      }
      if (!isDir) throw new BackupError(`${src}: not a directory or a .tar.gz file`);
      return { dir: src, manifest: this.#manifest(src) };
    }
    if (src !== '-') {
      try {
        statSync(src);
      } catch {
        throw new BackupError(`${src}: no such backup file`);
      }
    }
    mkdirSync(this.#scratchParent, { recursive: true });
    const dir = mkdtempSync(join(this.#scratchParent, '.carbonado-unpack-'));
    this.#scratch.push(dir);
    const input = src === '-' ? this.#stdin() : createReadStream(src);
    await extractTarGz(input, dir, src === '-' ? 'stdin' : src);
    return { dir, manifest: this.#manifest(dir, src) };
  }

  #manifest(dir: string, shown = dir): Manifest {
    try {
      return readManifestFile(dir);
    } catch (err) {
      throw new BackupError((err as Error).message.replace(dir, shown));
    }
  }

  /**
   * Opens `src` and every base its files are inherited from. A base is looked for at the path its manifest
   * recorded, then beside `src` under the same name (a chain of backups moved together to a new host).
   */
  async openChain(src: string): Promise<BackupChain> {
    const top = await this.open(src);
    const dirs = new Map<string, string>([[top.manifest.id, top.dir]]);
    const needed = new Set(
      top.manifest.files.map((f) => f.in).filter((id): id is string => id !== undefined),
    );
    const chain = [top.manifest.id];
    let manifest = top.manifest;
    let from = src;
    while ([...needed].some((id) => !dirs.has(id))) {
      const base = manifest.base;
      if (base === null) {
        const lost = [...needed].filter((id) => !dirs.has(id));
        throw new BackupError(
          `${src}: files are inherited from backup(s) ${lost.join(', ')}, not in its chain`,
        );
      }
      const candidates = [base.path];
      if (from !== '-') candidates.push(join(dirname(resolve(from)), basename(base.path)));
      const path = candidates.find((p) => exists(p));
      if (path === undefined) {
        throw new BackupError(
          `${src}: base backup ${base.id} not found at ${candidates.join(' or ')} (copy it there)`,
        );
      }
      const opened = await this.open(path);
      if (opened.manifest.id !== base.id) {
        throw new BackupError(`${path}: is backup ${opened.manifest.id}, but ${base.id} was expected`);
      }
      dirs.set(base.id, opened.dir);
      chain.push(base.id);
      manifest = opened.manifest;
      from = path;
    }
    return new BackupChain(top.manifest, dirs, chain);
  }

  close(): void {
    for (const dir of this.#scratch) rmSync(dir, { recursive: true, force: true });
    this.#scratch = [];
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** An opened backup with its bases: where each manifest file's bytes are. */
export class BackupChain {
  constructor(
    readonly manifest: Manifest,
    readonly dirs: ReadonlyMap<string, string>,
    /** Backup ids, newest first. */
    readonly ids: readonly string[],
  ) {}

  locate(file: ManifestFile): string {
    const dir = this.dirs.get(file.in ?? this.manifest.id);
    if (dir === undefined) throw new BackupError(`${file.path}: its backup ${file.in} is not open`);
    return join(dir, file.path);
  }
}

/**
 * An operator-fixable failure as an exit status: BackupError and system errors (ENOSPC, EACCES…) print
 * `[ERROR] message` and give 1; anything else (a bug) is rethrown.
 */
export function failureStatus(err: unknown, report: (text: string) => void): number {
  if (
    err instanceof BackupError ||
    (err instanceof Error && typeof (err as NodeJS.ErrnoException).errno === 'number')
  ) {
    report(`[ERROR] ${err.message}`);
    return 1;
  }
  throw err;
}
