// The backup manifest (manifest.json, written last: a backup without one is incomplete): every file with
// size, sha256 and mtime, the time the backup covers, and for incremental backups the base it builds on.
// Layout and runbook: docs/cli.md "Backup and restore".
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const MANIFEST_NAME = 'manifest.json';
export const MANIFEST_FORMAT = 'carbonado-backup';

/** What a file is: restore treats each kind differently (whisper files are filled on --merge, WAL replayed). */
export type FileKind = 'whisper' | 'wal' | 'index';

export interface ManifestFile {
  /** Relative to the backup root, `/`-separated: `whisper/a/b.wsp`, `wal/wal-000000000003.log`, `index/…`. */
  path: string;
  kind: FileKind;
  size: number;
  sha256: string;
  /** Source file's mtime, epoch milliseconds. */
  mtimeMs: number;
  /** Set when the file was unchanged since the base: the id of the backup that holds its bytes. */
  in?: string;
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  formatVersion: 1;
  id: string;
  carbonadoVersion: string;
  /** `data-dir`: whisper/, wal/ and index/ of a carbonado data directory; `whisper-dir`: whisper files only. */
  layout: 'data-dir' | 'whisper-dir';
  source: { dataDir: string | null; whisperDir: string };
  /** Epoch seconds: every point accepted before startTime is in the backup (whisper files or WAL). */
  startTime: number;
  endTime: number;
  startedAt: string;
  endedAt: string;
  /** `copied`: index/ holds a consistent LevelDB copy; `rebuild`: restore lets the server rebuild it. */
  index: 'copied' | 'rebuild' | 'none';
  base: { id: string; path: string } | null;
  files: ManifestFile[];
}

/** `2024-05-01T10:20:30.123Z` → `20240501T102030Z-1a2b3c`: sortable, unique enough for a chain. */
export function newBackupId(now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

/** Parses and checks a manifest's shape; throws RangeError naming `where` when it is not one. */
export function parseManifest(text: string, where: string): Manifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new RangeError(`${where}: not a backup manifest (invalid JSON: ${(err as Error).message})`);
  }
  const m = value as Partial<Manifest> | null;
  if (m === null || typeof m !== 'object' || m.format !== MANIFEST_FORMAT || !Array.isArray(m.files)) {
    throw new RangeError(`${where}: not a carbonado backup manifest`);
  }
  if (m.formatVersion !== 1) {
    throw new RangeError(`${where}: manifest formatVersion ${String(m.formatVersion)} is not supported (1)`);
  }
  for (const f of m.files) {
    if (typeof f.path !== 'string' || f.path.startsWith('/') || f.path.split('/').includes('..')) {
      throw new RangeError(`${where}: manifest lists an unsafe path ${JSON.stringify(f.path)}`);
    }
  }
  return m as Manifest;
}

export function readManifestFile(dir: string): Manifest {
  const path = join(dir, MANIFEST_NAME);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new RangeError(`${dir}: no ${MANIFEST_NAME} (not a backup, or a backup that did not finish)`);
  }
  return parseManifest(text, path);
}

export { carbonadoVersion } from '../version.js';
