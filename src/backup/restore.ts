// Restores a backup (a directory or .tar.gz, incremental chains followed to their bases) into an empty data
// directory, or with `merge` into an existing or live one: files it lacks are copied in, files it has get
// their gaps filled the way whisper-fill does (storage's fill), the backup's WAL points applied first.
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { LevelMetricIndex, WhisperFile, create, fill, info } from '../../storage/index.js';
import { Progress, type ProgressOptions } from '../cli/progress.js';
import { metricRelativePath } from '../ingest/metric-name.js';
import { sha256 } from './copy.js';
import type { ManifestFile } from './manifest.js';
import { fsyncAll, writeFileDurably } from './sink.js';
import { BackupError, BackupReader } from './source.js';
import { readWalSegments } from './wal-read.js';

export interface RestoreOptions {
  src: string;
  /** The data directory (whisper/, wal/, index/ go under it); or whisperDir for whisper files only. */
  dataDir?: string;
  whisperDir?: string;
  merge?: boolean;
  /** Epoch seconds, for whisper-fill's retention windows (merge). */
  now: number;
  stdin?: () => Readable;
  progress?: Partial<ProgressOptions>;
}

export interface RestoreSummary {
  id: string;
  chain: readonly string[];
  files: number;
  /** Files written as they are in the backup. */
  copied: number;
  /** Existing whisper files whose gaps were filled (merge). */
  filled: number;
  /** WAL and index files not restored (merge, or a whisper-only target). */
  skipped: number;
  failed: { path: string; problem: string }[];
  walPoints: number;
  /** WAL points of series with no whisper file in the backup or the target (merge only). */
  walPointsUnmerged: number;
  index: 'restored' | 'rebuild' | 'untouched';
  seconds: number;
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes a new file (never over an existing one); `sync` false leaves the fsync to the caller. */
function writeFile(path: string, data: Buffer, mtimeMs: number, sync = true): void {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'wx');
  try {
    let done = 0;
    while (done < data.length) done += writeSync(fd, data, done, data.length - done);
    if (sync) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  utimesSync(path, mtimeMs / 1000, mtimeMs / 1000);
}

function isEmptyDir(path: string): boolean {
  try {
    return readdirSync(path).length === 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw err;
  }
}

function exists(path: string): boolean {
  try {
    closeSync(openSync(path, 'r'));
    return true;
  } catch {
    return false;
  }
}

/**
 * Merges one series into a live target: `staged` holds the backup's points (plus its WAL points); a target
 * that exists gets its gaps filled, a missing one is linked into place (a file the server creates meanwhile
 * wins the race and is filled instead). Returns whether the target was filled rather than copied.
 */
function mergeSeries(staged: string, target: string, mtimeMs: number, now: number): boolean {
  if (exists(target)) {
    fill(staged, target, { now });
    return true;
  }
  mkdirSync(dirname(target), { recursive: true });
  const tmp = `${target}.restore-${process.pid}`;
  rmSync(tmp, { force: true });
  writeFile(tmp, readFileSync(staged), mtimeMs);
  try {
    linkSync(tmp, target);
    fsyncPath(dirname(target));
    return false;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    fill(staged, target, { now });
    return true;
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** A scratch whisper file at `path`: a copy of `from`, or (`empty`) a file with its header and no points. */
function stage(from: string, empty: boolean, points: [number, number][], path: string, now: number): void {
  rmSync(path, { force: true });
  if (!empty) {
    writeFile(path, readFileSync(from), Date.now(), false);
  } else {
    const h = info(from);
    create(path, h.archives, { xFilesFactor: h.xFilesFactor, aggregationMethod: h.aggregationMethod });
  }
  const file = WhisperFile.open(path);
  try {
    file.updateMany(points, Math.trunc(now));
  } finally {
    file.close();
  }
}

export async function restoreBackup(o: RestoreOptions): Promise<RestoreSummary> {
  const started = Date.now();
  if ((o.dataDir === undefined) === (o.whisperDir === undefined)) {
    throw new RangeError('give exactly one of DATA_DIR and --whisper-dir');
  }
  const root = (o.dataDir ?? o.whisperDir) as string;
  if (!o.merge && !isEmptyDir(root)) {
    throw new BackupError(
      `${root}: is not empty; restore into an empty directory, or pass --merge to fill the gaps of the ` +
        `files there (the way whisper-fill does) and add the missing ones`,
    );
  }
  mkdirSync(root, { recursive: true });
  const whisperRoot = o.whisperDir ?? join(root, 'whisper');
  const reader = new BackupReader(root, o.stdin);
  const scratch = join(root, `.carbonado-restore-${process.pid}`);
  try {
    const chain = await reader.openChain(o.src);
    const manifest = chain.manifest;
    const summary: RestoreSummary = {
      id: manifest.id,
      chain: chain.ids,
      files: manifest.files.length,
      copied: 0,
      filled: 0,
      skipped: 0,
      failed: [],
      walPoints: 0,
      walPointsUnmerged: 0,
      index: o.dataDir === undefined ? 'untouched' : 'rebuild',
      seconds: 0,
    };
    const order = { wal: 0, whisper: 1, index: 2 } as const;
    const files = [...manifest.files].sort((a, b) => order[a.kind] - order[b.kind]);
    const progress = new Progress({ total: files.length, unit: 'files', label: 'restored', ...o.progress });

    /** The file's bytes from its backup, checked against the manifest; undefined (and noted) if they differ. */
    const load = (f: ManifestFile): Buffer | undefined => {
      let data: Buffer;
      try {
        data = readFileSync(chain.locate(f));
      } catch (err) {
        summary.failed.push({ path: f.path, problem: `missing from the backup (${(err as Error).message})` });
        return undefined;
      }
      if (data.length !== f.size || sha256(data) !== f.sha256) {
        summary.failed.push({ path: f.path, problem: 'size or sha256 differs from the manifest' });
        return undefined;
      }
      return data;
    };

    // Merge: the backup's WAL points go into the staged whisper files, not into the live server's WAL.
    const wal = o.merge
      ? readWalSegments(
          files.filter((f) => f.kind === 'wal' && load(f) !== undefined).map((f) => chain.locate(f)),
        )
      : undefined;
    const walByPath = new Map<string, [number, number][]>();
    for (const [name, points] of wal?.points ?? [])
      walByPath.set(`whisper/${metricRelativePath(name)}`, points);
    summary.walPoints = wal?.count ?? 0;
    if (o.merge) mkdirSync(scratch, { recursive: true });
    const written: string[] = [];

    for (const f of files) {
      progress.tick();
      const whisperRel = f.kind === 'whisper' ? f.path.slice('whisper/'.length) : undefined;
      if (whisperRel === undefined && (o.merge || o.dataDir === undefined)) {
        summary.skipped++; // merge applied the WAL above and leaves the live index to the server
        continue;
      }
      const data = load(f);
      if (data === undefined) continue;
      if (!o.merge) {
        const target = whisperRel === undefined ? join(root, f.path) : join(whisperRoot, whisperRel);
        writeFile(target, data, f.mtimeMs, false);
        written.push(target);
        summary.copied++;
        continue;
      }
      const target = join(whisperRoot, whisperRel as string);
      const points = walByPath.get(f.path);
      walByPath.delete(f.path);
      let staged = chain.locate(f);
      if (points !== undefined) {
        staged = join(scratch, 'staged.wsp');
        stage(chain.locate(f), false, points, staged, o.now);
      }
      if (mergeSeries(staged, target, f.mtimeMs, o.now)) summary.filled++;
      else summary.copied++;
    }
    // WAL points of series the backup has no file for: fill them into the target's file when there is one.
    for (const [path, points] of walByPath) {
      const target = join(whisperRoot, path.slice('whisper/'.length));
      if (!exists(target)) {
        summary.walPointsUnmerged += points.length;
        continue;
      }
      const staged = join(scratch, 'staged.wsp');
      stage(target, true, points, staged, o.now);
      fill(staged, target, { now: o.now });
      summary.filled++;
    }
    progress.finish();
    // fsync once everything is written: the kernel writes back in bulk, most fsyncs then find clean pages.
    await fsyncAll(written);

    if (!o.merge && o.dataDir !== undefined) {
      if (manifest.index === 'copied' && summary.failed.every((f) => !f.path.startsWith('index/'))) {
        try {
          await (await LevelMetricIndex.open(join(root, 'index'))).close();
          summary.index = 'restored';
        } catch {
          summary.index = 'rebuild';
        }
      }
      if (summary.index === 'rebuild') rmSync(join(root, 'index'), { recursive: true, force: true });
      // The server indexes the whisper files at first start: files the index copy predates appear too.
      writeFileDurably(join(root, 'index-scan.json'), JSON.stringify({ complete: false }));
    } else if (o.dataDir !== undefined) {
      summary.index = 'untouched';
    }
    summary.seconds = (Date.now() - started) / 1000;
    return summary;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    reader.close();
  }
}
