// Replays the Combine golden cases (test/fixtures/render/cases/combine.json → expected/combine.json, made
// by generate.py against graphite-web 1.1.8) through the evaluator over the same data set.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Evaluation } from '../../../render/evaluate.js';
import { defaultRegistry } from '../../../render/functions/registry.js';
import { parseRenderRequest } from '../../../render/request.js';
import { respond } from '../../../render/respond.js';
import { compileRenderRegex } from '../../../storage/index.js';
import { FIXTURES, WhisperDirSource, loadDataset } from '../harness.js';

interface GoldenCase {
  target: string;
  from?: number;
  until?: number;
  params?: Record<string, string>;
  expected: { status: number; body: unknown };
}
interface JsonSeries {
  target: string;
  tags: Record<string, string>;
  datapoints: [number | null, number][];
}

const data = loadDataset();
const registry = defaultRegistry();
const cases = JSON.parse(readFileSync(join(FIXTURES, 'expected/combine.json'), 'utf8')) as GoldenCase[];
let source: WhisperDirSource;
beforeAll(async () => {
  source = await WhisperDirSource.fromDataset(data);
});
afterAll(() => source.close());

async function render(c: GoldenCase): Promise<JsonSeries[]> {
  const params = new Map<string, string[]>([
    ['target', [c.target]],
    ['format', ['json']],
    ['now', [String(data.now)]],
    ['from', [String(c.from ?? data.now - 3600)]],
    ['until', [String(c.until ?? data.now)]],
  ]);
  for (const [k, v] of Object.entries(c.params ?? {})) params.set(k, [v]);
  const r = parseRenderRequest(params, data.now, { timeZone: 'UTC', cacheTimeout: 60 });
  const series = await new Evaluation(registry).evaluateTargets(
    {
      startTime: r.startTime,
      endTime: r.endTime,
      now: r.now,
      tz: r.tz,
      xFilesFactor: r.xFilesFactor,
      template: r.template,
      localOnly: false,
      source,
      regex: compileRenderRegex,
    },
    r.targets,
  );
  return JSON.parse(String(respond(r, series).body)) as JsonSeries[];
}

/** Nulls match, numbers within 1e-9 relative (summation order may differ). */
function close(actual: number | null, expected: number | null): boolean {
  if (actual === null || expected === null) return actual === expected;
  return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}

describe('Combine golden cases from graphite-web 1.1.8', () => {
  for (const c of cases.filter((k) => k.expected.status === 200)) {
    test(`${c.target} answers what graphite-web answers`, async () => {
      const actual = await render(c);
      const expected = c.expected.body as JsonSeries[];
      expect(actual.map((s) => s.target)).toEqual(expected.map((s) => s.target));
      expect(actual.map((s) => s.tags)).toEqual(expected.map((s) => s.tags));
      expect(actual.map((s) => s.datapoints.map((p) => p[1]))).toEqual(
        expected.map((s) => s.datapoints.map((p) => p[1])),
      );
      const bad = expected.flatMap((want, i) =>
        want.datapoints
          .map((p, j) => [i, j, actual[i]?.datapoints[j]?.[0] ?? null, p[0]] as const)
          .filter(([, , a, e]) => !close(a, e)),
      );
      expect(bad.slice(0, 5), 'values differ at [series, index, carbonado, graphite-web]').toEqual([]);
    });
  }
  for (const c of cases.filter((k) => k.expected.status === 400)) {
    test(`${c.target} is refused as graphite-web refuses it`, async () => {
      await expect(render(c)).rejects.toMatchObject({ code: expect.stringMatching(/^RENDER_ERR_/) });
    });
  }
});
