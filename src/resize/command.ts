// `carbonado resize --schemas`: brings every whisper file to what storage-schemas.conf and
// storage-aggregation.conf say today (carbon#379, go-carbon#267), lists the plan, applies it in parallel.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type ResizeItemResult, readRetentionPolicy } from '../../storage/index.js';
import type { CliIo } from '../cli/io.js';
import { Progress, type ProgressOptions } from '../cli/progress.js';
import { applyResize } from './apply.js';
import { type ResizePlan, describeChange, formatArchives, planResize, taggedNames } from './plan.js';

export const schemasUsage = `usage: carbonado resize --schemas [--conf-dir DIR] [--data-dir DIR | --whisper-dir DIR] [options]

Finds every whisper file whose archives, xFilesFactor or aggregationMethod differ from what
storage-schemas.conf and storage-aggregation.conf give its metric (the first matching section, as carbon
picks it for a new file), prints the plan, then applies it in parallel: a file with other archives is
rewritten as whisper-resize does (atomically, PATH.bak kept unless --nobackup), one with another
xFilesFactor or aggregationMethod only gets a new header, as whisper-set-aggregation-method does.
Metric names are paths below the whisper directory with '/' -> '.'; tagged series (_tagged/) are named by
the metric index, read when no server holds it (else they are skipped and listed).
  --conf-dir DIR     where the .conf files are (default ./conf)
  --data-dir DIR     a carbonado data directory: whisper/ and index/ (default ./data)
  --whisper-dir DIR  whisper files only (e.g. a Graphite storage/whisper)
  --dry-run          print the plan (every file to change) and change nothing
  --jobs N           worker threads, or requests in flight with --url (default: the CPU count)
  --url URL          a running carbonado: it resizes each file on the write thread that owns it, so no
                     point is lost and no reader sees a half-written file (needs admin.token)
  --token TOKEN      its admin.token (default: $CARBONADO_ADMIN__TOKEN)
  --nobackup         delete each PATH.bak once its new file is in place
  --aggregate        re-aggregate old points into each new archive (whisper-resize --aggregate)
  --now T            epoch seconds taken as "now" (default: the clock)
  --json             print the plan and the summary as JSON
Progress goes to stderr. Exit status: 0 done, 1 a file failed, 2 usage error.`;

export interface SchemasDeps {
  /** Overrides for the progress reporter (tests inject write, isTTY and the clock). */
  progress?: Partial<ProgressOptions>;
}

export interface ResizeSummaryCounts {
  changed: number;
  resized: number;
  metadata: number;
  unchanged: number;
  skipped: number;
  failed: number;
  missing: number;
  seconds: number;
  filesPerSecond: number;
}

function positiveInt(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`${flag} must be a positive integer, got "${text}"`);
  return n;
}

function printPlan(plan: ResizePlan, dryRun: boolean, io: CliIo): void {
  const rewrite = plan.changes.filter((c) => c.kind === 'resize').length;
  const total = plan.changes.length + plan.unchanged + plan.skipped.length;
  io.stdout(
    `plan: ${total} files: ${rewrite} to rewrite, ${plan.changes.length - rewrite} header only, ` +
      `${plan.unchanged} unchanged, ${plan.skipped.length} skipped`,
  );
  const kinds = [...plan.kinds].sort((a, b) => b[1] - a[1]);
  const width = String(kinds[0]?.[1] ?? 0).length;
  for (const [kind, n] of kinds) io.stdout(`  ${String(n).padStart(width)}  ${kind}`);
  for (const s of plan.skipped) io.stdout(`skipped ${s.path}: ${s.reason}`);
  if (dryRun) for (const c of plan.changes) io.stdout(`${c.path}: ${describeChange(c)}`);
}

export async function runResizeSchemas(
  argv: string[],
  io: CliIo,
  clock: () => number,
  deps: SchemasDeps = {},
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      schemas: { type: 'boolean' },
      'conf-dir': { type: 'string' },
      'data-dir': { type: 'string' },
      'whisper-dir': { type: 'string' },
      'dry-run': { type: 'boolean' },
      jobs: { type: 'string' },
      url: { type: 'string' },
      token: { type: 'string' },
      nobackup: { type: 'boolean' },
      aggregate: { type: 'boolean' },
      now: { type: 'string' },
      json: { type: 'boolean' },
    },
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new RangeError(`--schemas takes no PATH (got "${positionals[0]}")`);
  if (values['data-dir'] !== undefined && values['whisper-dir'] !== undefined)
    throw new RangeError('give at most one of --data-dir and --whisper-dir');
  const dataDir = values['whisper-dir'] === undefined ? (values['data-dir'] ?? './data') : undefined;
  const whisperDir = values['whisper-dir'] ?? join(dataDir as string, 'whisper');
  if (!existsSync(whisperDir)) {
    io.stderr(`carbonado resize: ${whisperDir}: no such directory`);
    return 2;
  }
  const jobs = values.jobs === undefined ? availableParallelism() : positiveInt(values.jobs, '--jobs');
  const now = values.now === undefined ? undefined : positiveInt(values.now, '--now');
  const server =
    values.url === undefined
      ? undefined
      : { url: values.url, token: values.token ?? process.env.CARBONADO_ADMIN__TOKEN ?? '' };

  const policy = await readRetentionPolicy(values['conf-dir'] ?? './conf');
  let tagged: Map<string, string> | null = null;
  let taggedNote = 'tagged series: no metric index (--whisper-dir) to name them';
  if (dataDir !== undefined) {
    const indexDir = join(dataDir, 'index');
    if (server !== undefined) taggedNote = 'tagged series: the running server holds the metric index';
    else if (!existsSync(indexDir)) taggedNote = `tagged series: no metric index at ${indexDir}`;
    else {
      tagged = await taggedNames(indexDir);
      taggedNote = `tagged series: the metric index at ${indexDir} cannot be opened (a server holds it?)`;
    }
  }
  const plan = planResize({ whisperDir, policy, tagged, taggedNote });
  if (!values.json) printPlan(plan, values['dry-run'] ?? false, io);
  if (values['dry-run']) {
    if (values.json) io.stdout(JSON.stringify({ plan: planJson(plan) }, null, 2));
    return 0;
  }

  const counts = { resized: 0, metadata: 0, unchanged: 0, missing: 0, error: 0 };
  const failures: ResizeItemResult[] = [];
  const progress = new Progress({
    total: plan.changes.length,
    unit: 'files',
    label: 'resized',
    ...deps.progress,
  });
  const started = performance.now();
  let unreachable: Error | undefined;
  try {
    await applyResize({
      whisperDir,
      items: plan.changes.map(({ name, path, archives, xFilesFactor, aggregationMethod }) => ({
        name,
        path,
        archives,
        xFilesFactor,
        aggregationMethod,
      })),
      ...(now === undefined ? (server ? {} : { now: Math.floor(clock()) }) : { now }),
      aggregate: values.aggregate ?? false,
      nobackup: values.nobackup ?? false,
      jobs,
      ...(server === undefined ? {} : { server }),
      onResults: (results) => {
        for (const r of results) {
          counts[r.outcome]++;
          if (r.outcome === 'error') failures.push(r);
        }
        progress.tick(results.length);
      },
    });
  } catch (err) {
    unreachable = err as Error;
  }
  progress.finish();
  const seconds = (performance.now() - started) / 1000;
  const summary: ResizeSummaryCounts = {
    changed: counts.resized + counts.metadata,
    resized: counts.resized,
    metadata: counts.metadata,
    unchanged: plan.unchanged + counts.unchanged,
    skipped: plan.skipped.length,
    failed: counts.error,
    missing: counts.missing,
    seconds,
    filesPerSecond: seconds > 0 ? (counts.resized + counts.metadata) / seconds : 0,
  };
  if (values.json) {
    io.stdout(JSON.stringify({ plan: planJson(plan), summary, failures }, null, 2));
  } else {
    for (const f of failures) io.stdout(`failed ${f.path}: ${f.error?.message} (${f.error?.code})`);
    io.stdout(
      `changed ${summary.changed} files (${summary.resized} rewritten, ${summary.metadata} header only), ` +
        `${summary.unchanged} unchanged, ${summary.failed} failed, ${summary.skipped} skipped` +
        `${summary.missing > 0 ? `, ${summary.missing} gone meanwhile` : ''} in ${seconds.toFixed(2)}s ` +
        `(${summary.filesPerSecond.toFixed(0)} files/s)`,
    );
  }
  if (unreachable !== undefined) {
    io.stderr(`[ERROR] ${unreachable.message}`);
    return 1;
  }
  return summary.failed > 0 ? 1 : 0;
}

function planJson(plan: ResizePlan) {
  return {
    changes: plan.changes.map((c) => ({
      path: c.path,
      name: c.name,
      kind: c.kind,
      from: { ...c.from, archives: formatArchives(c.from.archives) },
      to: {
        archives: formatArchives(c.archives),
        xFilesFactor: c.xFilesFactor,
        aggregationMethod: c.aggregationMethod,
      },
    })),
    unchanged: plan.unchanged,
    skipped: plan.skipped,
    kinds: Object.fromEntries(plan.kinds),
  };
}
