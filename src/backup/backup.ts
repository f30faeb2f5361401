// Hot backup of a data directory while the server ingests: WAL segments first, then whisper files (read
// without torn points), then the LevelDB index. Every point accepted before startTime is then in the copy:
// either its WAL segment was still there when copied, or it was deleted only after the point reached its
// whisper file, which is copied later. Incremental: files unchanged since the base are listed, not copied.
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { Progress, type ProgressOptions } from '../cli/progress.js';
import { copyLevelDb, type ReadResult, readPlain, readWhisperStable, sha256 } from './copy.js';
import {
  type FileKind,
  type Manifest,
  type ManifestFile,
  carbonadoVersion,
  newBackupId,
} from './manifest.js';
import { type BackupSink, DirSink, TarSink } from './sink.js';
import { BackupError, isTarPath, readBackupManifest } from './source.js';

export interface BackupOptions {
  /** A carbonado data directory (whisper/, wal/, index/); or give whisperDir alone. */
  dataDir?: string;
  whisperDir?: string;
  /** A directory, a `.tar.gz`/`.tgz` path, or `-` (the tar.gz goes to `stdout`). */
  dest: string;
  /** A previous backup (directory or .tar.gz): only files changed since it are copied. */
  incremental?: string;
  stdout?: Writable;
  progress?: Partial<ProgressOptions>;
  /** Milliseconds clock. */
  now?: () => number;
}

export interface BackupSummary {
  id: string;
  dest: string;
  base: string | null;
  files: number;
  copied: number;
  inherited: number;
  bytes: number;
  copiedBytes: number;
  /** Whisper points that changed while read and were re-read. */
  reread: number;
  index: Manifest['index'];
  startTime: number;
  endTime: number;
  seconds: number;
  filesPerSecond: number;
}

const WAL_SEGMENT = /^wal-\d{12}\.log$/;

/** *.wsp files under `dir` (relative, `/`-separated, sorted); dot-entries and resize's .bak/.tmp skipped. */
function walkWhisper(dir: string, prefix: string, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    if (prefix === '' && (err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const rel = prefix === '' ? e.name : `${prefix}/${e.name}`;
    if (e.isDirectory()) walkWhisper(join(dir, e.name), rel, out);
    else if (e.isFile() && e.name.endsWith('.wsp')) out.push(rel);
  }
}

function listWal(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => WAL_SEGMENT.test(n))
      .sort();
  } catch {
    return [];
  }
}

/** Takes a backup; throws BackupError for an operator's mistake (bad paths, non-empty destination). */
export async function takeBackup(o: BackupOptions): Promise<BackupSummary> {
  const clock = o.now ?? Date.now;
  if ((o.dataDir === undefined) === (o.whisperDir === undefined)) {
    throw new RangeError('give exactly one of --data-dir and --whisper-dir');
  }
  const whisperDir = o.whisperDir ?? join(o.dataDir as string, 'whisper');
  try {
    if (!lstatSync(whisperDir).isDirectory()) throw new Error();
  } catch {
    throw new BackupError(`${whisperDir}: no such whisper directory`);
  }
  const base = o.incremental === undefined ? undefined : await readBackupManifest(o.incremental);
  const previous = new Map(base?.files.map((f) => [f.path, f]) ?? []);

  const start = clock();
  const id = newBackupId(new Date(start));
  const sink: BackupSink =
    o.dest === '-'
      ? new TarSink(undefined, o.stdout ?? process.stdout)
      : isTarPath(o.dest)
        ? new TarSink(o.dest)
        : new DirSink(o.dest);
  const files: ManifestFile[] = [];
  const totals = { copied: 0, inherited: 0, bytes: 0, copiedBytes: 0, reread: 0 };

  /** Records one file: inherited when the base has the same bytes, else written to the sink. */
  const record = async (path: string, kind: FileKind, read: ReadResult): Promise<void> => {
    const hash = sha256(read.data);
    const prev = previous.get(path);
    totals.bytes += read.data.length;
    totals.reread += read.reread;
    const entry: ManifestFile = { path, kind, size: read.data.length, sha256: hash, mtimeMs: read.mtimeMs };
    if (prev !== undefined && base !== undefined && prev.size === entry.size && prev.sha256 === hash) {
      entry.in = prev.in ?? base.id;
      totals.inherited++;
    } else {
      await sink.add(path, read.data, read.mtimeMs);
      totals.copied++;
      totals.copiedBytes += read.data.length;
    }
    files.push(entry);
  };

  /** Size and mtime as in the base: inherited without reading (the base's checksum stands). */
  const unchanged = (path: string, full: string): boolean => {
    const prev = previous.get(path);
    if (prev === undefined || base === undefined) return false;
    const st = lstatSync(full, { throwIfNoEntry: false });
    if (st === undefined || st.size !== prev.size || st.mtimeMs !== prev.mtimeMs) return false;
    files.push({ ...prev, in: prev.in ?? base.id });
    totals.inherited++;
    totals.bytes += prev.size;
    return true;
  };

  try {
    const walDir = o.dataDir === undefined ? undefined : join(o.dataDir, 'wal');
    const wal = walDir === undefined ? [] : listWal(walDir);
    const whisper: string[] = [];
    walkWhisper(whisperDir, '', whisper);
    const progress = new Progress({
      total: wal.length + whisper.length,
      unit: 'files',
      label: 'backed up',
      ...o.progress,
    });
    const each = async (
      names: string[],
      dir: string,
      prefix: string,
      kind: FileKind,
      read: (p: string) => ReadResult,
    ) => {
      for (let i = 0; i < names.length; i++) {
        const rel = `${prefix}/${names[i]}`;
        const full = join(dir, names[i] as string);
        if (!unchanged(rel, full)) {
          let got: ReadResult | undefined;
          try {
            got = read(full);
          } catch (err) {
            // A WAL segment released, a series deleted: gone since listed, and nothing it held is lost.
            if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
          }
          if (got !== undefined) await record(rel, kind, got);
        }
        progress.tick();
        // Let an in-process server (tests, embedding) breathe between files.
        if (i % 256 === 255) await new Promise((r) => setImmediate(r));
      }
    };
    if (walDir !== undefined) await each(wal, walDir, 'wal', 'wal', readPlain);
    await each(whisper, whisperDir, 'whisper', 'whisper', readWhisperStable);
    progress.finish();

    let index: Manifest['index'] = 'none';
    if (o.dataDir !== undefined && existsSync(join(o.dataDir, 'index'))) {
      const copy = await copyLevelDb(join(o.dataDir, 'index'));
      if (copy !== undefined) {
        for (const f of copy.files) await record(`index/${f.name}`, 'index', f.read);
        index = 'copied';
      } else {
        index = 'rebuild';
      }
    }

    const end = clock();
    const manifest: Manifest = {
      format: 'carbonado-backup',
      formatVersion: 1,
      id,
      carbonadoVersion: carbonadoVersion(),
      layout: o.dataDir === undefined ? 'whisper-dir' : 'data-dir',
      source: {
        dataDir: o.dataDir === undefined ? null : resolve(o.dataDir),
        whisperDir: resolve(whisperDir),
      },
      startTime: start / 1000,
      endTime: end / 1000,
      startedAt: new Date(start).toISOString(),
      endedAt: new Date(end).toISOString(),
      index,
      base: base === undefined ? null : { id: base.id, path: resolve(o.incremental as string) },
      files,
    };
    await sink.finish(manifest);
    const seconds = (clock() - start) / 1000;
    return {
      id,
      dest: o.dest === '-' ? '-' : resolve(o.dest),
      base: manifest.base?.id ?? null,
      files: files.length,
      ...totals,
      index,
      startTime: manifest.startTime,
      endTime: manifest.endTime,
      seconds,
      filesPerSecond: seconds > 0 ? files.length / seconds : files.length,
    };
  } catch (err) {
    sink.abort();
    throw err;
  }
}
