// The bulk-resize plan: every whisper file under the whisper directory, its metric name, and what the
// current storage-schemas.conf / storage-aggregation.conf say it should be (graphite.md §6.4-6.5, §7.8).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  type AggregationMethod,
  type ArchiveSpec,
  LevelMetricIndex,
  type ResizeItem,
  type RetentionPolicy,
  WhisperFile,
  resizeKind,
} from '../../storage/index.js';
import { TAGGED_DIR, metricRelativePath } from '../ingest/metric-name.js';

export interface FileState {
  archives: ArchiveSpec[];
  xFilesFactor: number;
  aggregationMethod: AggregationMethod;
}

export interface PlannedChange extends ResizeItem {
  kind: 'resize' | 'metadata';
  from: FileState;
}

export interface Skipped {
  path: string;
  reason: string;
}

export interface ResizePlan {
  changes: PlannedChange[];
  unchanged: number;
  skipped: Skipped[];
  /** Changes grouped by transition ("60:1440 → 60:2880,600:4320"), with how many files make each. */
  kinds: Map<string, number>;
}

/** `60:1440,600:4320`: whisper-info's secondsPerPoint:points, archive by archive. */
export const formatArchives = (archives: readonly ArchiveSpec[]): string =>
  archives.map((a) => `${a.secondsPerPoint}:${a.points}`).join(',');

/** Python's repr of a float (xFilesFactor as a float32 read back, e.g. 0.5, 0.30000001192092896). */
const formatXff = (x: number): string => (Number.isInteger(x) ? x.toFixed(1) : String(x));

/** One line per change: what differs, before → after. */
export function describeChange(c: PlannedChange): string {
  const parts: string[] = [];
  const to = { ...c, xFilesFactor: Math.fround(c.xFilesFactor) };
  if (c.kind === 'resize')
    parts.push(`archives ${formatArchives(c.from.archives)} -> ${formatArchives(to.archives)}`);
  if (c.from.xFilesFactor !== to.xFilesFactor)
    parts.push(`xFilesFactor ${formatXff(c.from.xFilesFactor)} -> ${formatXff(to.xFilesFactor)}`);
  if (c.from.aggregationMethod !== to.aggregationMethod)
    parts.push(`aggregationMethod ${c.from.aggregationMethod} -> ${to.aggregationMethod}`);
  return parts.join(', ');
}

/** *.wsp files under `dir`, '/'-separated relative paths, sorted; .wsp.tmp and .wsp.bak are not metrics. */
export function listWhisperFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (abs: string, rel: string): void => {
    const entries = readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      const r = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) walk(join(abs, e.name), r);
      else if (e.name.endsWith('.wsp') && (e.isFile() || e.isSymbolicLink())) out.push(r);
    }
  };
  walk(dir, '');
  return out;
}

/**
 * Tagged series' files are named by a hash of the name (`_tagged/abc/def/<sha256>.wsp`): only the metric
 * index knows the names. Returns path → name for those it lists, or null when it cannot be opened (absent,
 * or locked by a running server).
 */
export async function taggedNames(indexDir: string): Promise<Map<string, string> | null> {
  let index: LevelMetricIndex;
  try {
    index = await LevelMetricIndex.open(indexDir);
  } catch {
    return null;
  }
  try {
    const names = new Map<string, string>();
    for await (const s of index.all())
      if (s.name.includes(';')) names.set(metricRelativePath(s.name), s.name);
    return names;
  } finally {
    await index.close();
  }
}

/** The metric name of a plain file: its path without .wsp, '/' → '.'. */
export const metricNameOf = (path: string): string => path.slice(0, -'.wsp'.length).replaceAll('/', '.');

export interface PlanOptions {
  whisperDir: string;
  policy: RetentionPolicy;
  /** path → name of tagged files (taggedNames), or null to skip them. */
  tagged: Map<string, string> | null;
  /** Why tagged files are skipped when `tagged` is null. */
  taggedNote?: string;
  /** Called per file read (progress). */
  onFile?: () => void;
}

/** Reads every file's header and compares it with the policy's match for its metric name. */
export function planResize(o: PlanOptions): ResizePlan {
  const plan: ResizePlan = { changes: [], unchanged: 0, skipped: [], kinds: new Map() };
  for (const path of listWhisperFiles(o.whisperDir)) {
    o.onFile?.();
    let name: string | undefined = metricNameOf(path);
    if (path.startsWith(`${TAGGED_DIR}/`)) {
      name = o.tagged?.get(path);
      if (name === undefined) {
        const reason =
          o.tagged === null ? (o.taggedNote ?? 'tagged: name unknown') : 'not in the metric index';
        plan.skipped.push({ path, reason });
        continue;
      }
    }
    let header;
    try {
      const file = WhisperFile.open(join(o.whisperDir, path), { readOnly: true });
      header = file.header;
      file.close();
    } catch (err) {
      plan.skipped.push({ path, reason: `unreadable: ${(err as Error).message}` });
      continue;
    }
    const m = o.policy.match(name);
    const target: ResizeItem = {
      name,
      path,
      archives: m.archives.map((a) => ({ secondsPerPoint: a.secondsPerPoint, points: a.points })),
      xFilesFactor: m.xFilesFactor,
      aggregationMethod: m.aggregationMethod,
    };
    const kind = resizeKind(header, target);
    if (kind === 'unchanged') {
      plan.unchanged++;
      continue;
    }
    const from: FileState = {
      archives: header.archives.map((a) => ({ secondsPerPoint: a.secondsPerPoint, points: a.points })),
      xFilesFactor: header.xFilesFactor,
      aggregationMethod: header.aggregationMethod,
    };
    const change: PlannedChange = { ...target, kind, from };
    plan.changes.push(change);
    const key = describeChange(change);
    plan.kinds.set(key, (plan.kinds.get(key) ?? 0) + 1);
  }
  return plan;
}
