// The SeriesSource /render evaluates over: path expressions resolved by the metric index (globs through find,
// seriesByTag calls through findSeries), each series read through the storage facade (whisper file + cached
// points), labelled with the expression that found it (graphite-web STORE.fetch / prefetchData).
import { type FetchedSeries, type SeriesSource, parse } from '../render/index.js';
import { type MetricIndex, StorageError, canonicalTaggedName } from '../storage/index.js';
import type { StorageFacade } from './storage-facade.js';

export interface RenderSourceOptions {
  index: MetricIndex;
  storage: StorageFacade;
  /** Most series one expression may match (index.maxFindResults); more is a 400 naming the limit. */
  maxFindResults: number;
}

const GLOB = /[*?[\]{}]/;

/** The tag expressions of a `seriesByTag('a=b', "c=~d")` call text. */
function tagExpressions(call: string): string[] {
  const node = parse(call);
  if (node.type !== 'call') return [];
  return node.args.map((arg) => {
    if (arg.type !== 'string') {
      throw new StorageError(
        'STORAGE_ERR_INVALID_TAG_EXPRESSION',
        `seriesByTag arguments must be strings: ${call}`,
        {
          context: { expression: call },
        },
      );
    }
    return arg.value;
  });
}

export class RenderSource implements SeriesSource {
  readonly #o: RenderSourceOptions;

  constructor(options: RenderSourceOptions) {
    this.#o = options;
  }

  /** The series names one expression stands for, sorted. */
  async names(expr: string): Promise<string[]> {
    const { index, maxFindResults } = this.#o;
    if (expr.startsWith('seriesByTag('))
      return index.findSeries(tagExpressions(expr), { limit: maxFindResults });
    if (expr.includes(';') && !GLOB.test(expr)) return [canonicalTaggedName(expr)];
    const nodes = await index.find(expr, { leavesOnly: true, limit: maxFindResults });
    return nodes.filter((n) => n.isLeaf).map((n) => n.path);
  }

  async fetch(exprs: readonly string[], from: number, until: number, now: number): Promise<FetchedSeries[]> {
    const out: FetchedSeries[] = [];
    const lists = await Promise.all(exprs.map((e) => this.names(e)));
    exprs.forEach((expr, i) => {
      for (const name of lists[i] ?? []) {
        const result = this.#o.storage.fetch(name, from, until, now);
        if (result === null) continue;
        out.push({
          name,
          pathExpression: expr,
          start: result.fromInterval,
          end: result.untilInterval,
          step: result.step,
          values: result.values,
        });
      }
    });
    return out;
  }
}
