// Evaluates targets the way /render does, over real whisper files written by carbonado's storage engine
// from test/fixtures/render/dataset.json (the data set graphite-web answered the golden cases from).
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FetchedSeries, RequestContext, SeriesSource } from '../../render/context.js';
import { Evaluation } from '../../render/evaluate.js';
import { defaultRegistry } from '../../render/functions/registry.js';
import type { Series } from '../../render/series.js';
import { MemoryMetricIndex, compileRenderRegex, create, fetch, updateMany } from '../../storage/index.js';

export interface Dataset {
  now: number;
  series: { name: string; step: number; start: number; values: (number | null)[] }[];
}

export const FIXTURES = join(import.meta.dirname, '../fixtures/render');

export function loadDataset(): Dataset {
  return JSON.parse(readFileSync(join(FIXTURES, 'dataset.json'), 'utf8')) as Dataset;
}

/** A SeriesSource over whisper files in `dir` named like graphite's tree, found through a metric index. */
export class WhisperDirSource implements SeriesSource {
  readonly dir: string;
  readonly index = new MemoryMetricIndex();

  constructor(dir: string) {
    this.dir = dir;
  }

  /** Writes the data set as one-archive files (the same layout generate.py asks whisper.py for). */
  static async fromDataset(data: Dataset): Promise<WhisperDirSource> {
    const source = new WhisperDirSource(mkdtempSync(join(tmpdir(), 'carbonado-render-')));
    for (const s of data.series) {
      const path = join(source.dir, ...s.name.split('.')) + '.wsp';
      mkdirSync(dirname(path), { recursive: true });
      create(path, [{ secondsPerPoint: s.step, points: 86_400 / s.step }], {
        xFilesFactor: 0.5,
        aggregationMethod: 'average',
      });
      const points: [number, number][] = [];
      s.values.forEach((v, k) => {
        if (v !== null) points.push([s.start + k * s.step, v]);
      });
      for (let i = 0; i < points.length; i += 500) updateMany(path, points.slice(i, i + 500), data.now);
    }
    await source.index.add(data.series.map((s) => ({ name: s.name, seen: data.now })));
    return source;
  }

  async fetch(exprs: readonly string[], from: number, until: number, now: number): Promise<FetchedSeries[]> {
    const out: FetchedSeries[] = [];
    for (const expr of exprs) {
      const names = expr.startsWith('seriesByTag(')
        ? []
        : (await this.index.find(expr, { leavesOnly: true })).filter((n) => n.isLeaf).map((n) => n.path);
      for (const name of names) {
        const r = fetch(join(this.dir, ...name.split('.')) + '.wsp', from, until, now);
        if (r === null) continue;
        out.push({
          name,
          pathExpression: expr,
          start: r.fromInterval,
          end: r.untilInterval,
          step: r.step,
          values: r.values,
        });
      }
    }
    return out;
  }

  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

const registry = defaultRegistry();

/** Evaluates `targets` over `source` for [from, until] at `now`, as the /render route would. */
export async function evaluateTargets(
  source: SeriesSource,
  targets: string[],
  range: { from: number; until: number; now: number },
  changes: Partial<RequestContext> = {},
): Promise<Series[]> {
  const ctx: RequestContext = {
    startTime: range.from,
    endTime: range.until,
    now: range.now,
    tz: 'UTC',
    xFilesFactor: 0,
    template: {},
    localOnly: false,
    source,
    regex: compileRenderRegex,
    ...changes,
  };
  return new Evaluation(registry).evaluateTargets(ctx, targets);
}
