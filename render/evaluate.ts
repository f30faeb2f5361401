// Evaluates parsed targets as graphite-web's render/evaluator.py does: every path expression of the targets
// (and every seriesByTag call, by its text) is fetched in one bulk pass, then calls run inside out; functions
// that need another window (§2.5) re-evaluate their argument through the Call they receive.
import type { FetchedSeries, RequestContext } from './context.js';
import { RenderError } from './errors.js';
import { bindArguments } from './functions/bind.js';
import type { FunctionRegistry } from './functions/registry.js';
import type { ArgValue, Call } from './functions/types.js';
import type { CallNode, KwArg, Node } from './parser/ast.js';
import { parse } from './parser/parser.js';
import { Series } from './series.js';

type Replacements = ReadonlyMap<string, string | number>;

/** Fetched series per window ("start:end:now") and path expression: graphite-web's requestContext['prefetched']. */
type Prefetched = Map<string, Map<string, FetchedSeries[]>>;

function windowKey(ctx: RequestContext): string {
  return `${ctx.startTime}:${ctx.endTime}:${ctx.now}`;
}

/** `$name` placeholders of a path expression replaced (template()). */
function substitute(path: string, replacements: Replacements | undefined): string {
  if (replacements === undefined) return path;
  let out = path;
  for (const [name, value] of replacements) {
    if (out !== `$${name}`) out = out.replaceAll(`$${name}`, String(value));
  }
  return out;
}

function scalarOf(node: Node): string | number | boolean | null {
  switch (node.type) {
    case 'number':
      return node.value;
    case 'string':
      return node.value;
    case 'boolean':
      return node.value;
    case 'none':
      return null;
    case 'inf':
      return Infinity;
    default:
      throw new RenderError(
        'RENDER_ERR_PARSE',
        'invalid template() syntax, only string/numeric arguments are allowed',
      );
  }
}

function templateReplacements(
  ctx: RequestContext,
  args: readonly Node[],
  kwargs: readonly KwArg[],
): Replacements {
  const map = new Map<string, string | number>();
  for (const kw of kwargs) map.set(kw.name, scalarOf(kw.value) as string | number);
  args.forEach((arg, i) => map.set(String(i + 1), scalarOf(arg) as string | number));
  for (const [k, v] of Object.entries(ctx.template)) map.set(k, v);
  return map;
}

/** The distinct path expressions (and seriesByTag call texts) a tree fetches. */
export function pathExpressionsOf(
  node: Node,
  ctx: RequestContext,
  into = new Set<string>(),
  r?: Replacements,
): Set<string> {
  if (node.type === 'template') {
    pathExpressionsOf(node.expr, ctx, into, templateReplacements(ctx, node.args, node.kwargs));
  } else if (node.type === 'path') {
    into.add(substitute(node.path, r));
  } else if (node.type === 'call') {
    if (node.name === 'seriesByTag') into.add(node.raw);
    else for (const arg of node.args) pathExpressionsOf(arg, ctx, into, r);
  }
  return into;
}

/** Evaluation of one request: holds the prefetched data shared by its targets. */
export class Evaluation {
  readonly #registry: FunctionRegistry;
  readonly #prefetched: Prefetched = new Map();
  /** Series fetched so far, to bound what one request may pull (see maxSeries). */
  #fetchedCount = 0;
  readonly #maxSeries: number;

  constructor(registry: FunctionRegistry, options: { maxSeries?: number } = {}) {
    this.#registry = registry;
    this.#maxSeries = options.maxSeries ?? Infinity;
  }

  /** graphite-web's evaluateTarget: the series of every target, in order (empty targets skipped). */
  async evaluateTargets(ctx: RequestContext, targets: readonly (string | Node)[]): Promise<Series[]> {
    const nodes: Node[] = [];
    for (const t of targets) {
      if (typeof t !== 'string') nodes.push(t);
      else if (t.trim() !== '') nodes.push(parse(t));
    }
    const exprs = new Set<string>();
    for (const node of nodes) pathExpressionsOf(node, ctx, exprs);
    await this.prefetch(ctx, [...exprs]);
    const out: Series[] = [];
    for (const node of nodes) {
      const result = await this.evaluate(ctx, node);
      if (result instanceof Series) out.push(result);
      else if (Array.isArray(result)) out.push(...(result as Series[]).filter((s) => s instanceof Series));
    }
    return out;
  }

  /** Fetches the expressions not yet fetched for this window, in one call to the source. */
  async prefetch(ctx: RequestContext, exprs: readonly string[]): Promise<void> {
    const key = windowKey(ctx);
    let byExpr = this.#prefetched.get(key);
    if (byExpr === undefined) {
      byExpr = new Map();
      this.#prefetched.set(key, byExpr);
    }
    const missing = exprs.filter((e) => !byExpr.has(e));
    if (missing.length === 0) return;
    for (const e of missing) byExpr.set(e, []);
    const fetched = await ctx.source.fetch(missing, ctx.startTime, ctx.endTime, ctx.now);
    this.#fetchedCount += fetched.length;
    if (this.#fetchedCount > this.#maxSeries) {
      throw new RenderError(
        'RENDER_ERR_TOO_COMPLEX',
        `the targets fetch more than ${this.#maxSeries} series; narrow the path expressions`,
        { context: { limit: this.#maxSeries } },
      );
    }
    for (const f of fetched) byExpr.get(f.pathExpression)?.push(f);
  }

  /**
   * graphite-web's fetchData: fresh series for one prefetched expression, sorted by name, duplicates merged.
   * An expression that was not prefetched (graphite-web prefetches positional arguments only, so a path in a
   * keyword argument) yields no series, as there.
   */
  fetchData(ctx: RequestContext, expr: string): Series[] {
    const fetched = this.#prefetched.get(windowKey(ctx))?.get(expr) ?? [];
    const byName = new Map<string, Series>();
    for (const f of fetched) {
      const known = byName.get(f.name);
      if (known === undefined) {
        byName.set(
          f.name,
          new Series({
            name: f.name,
            start: f.start,
            end: f.end,
            step: f.step,
            values: f.values.slice(),
            pathExpression: expr,
            xFilesFactor: ctx.xFilesFactor,
          }),
        );
      } else if (known.values.length === f.values.length) {
        // graphite-web's _merge_results with REMOTE_STORE_MERGE_RESULTS: fill the known series' gaps
        f.values.forEach((v, i) => {
          if (known.values[i] === null && v !== null) known.values[i] = v;
        });
      }
    }
    return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** Evaluates one node: a series list for paths and calls, a scalar for literals. */
  async evaluate(ctx: RequestContext, node: Node, r?: Replacements): Promise<ArgValue> {
    switch (node.type) {
      case 'template':
        return this.evaluate(ctx, node.expr, templateReplacements(ctx, node.args, node.kwargs));
      case 'path': {
        if (r !== undefined && node.path.startsWith('$')) {
          const value = r.get(node.path.slice(1));
          if (value !== undefined) {
            if (typeof value !== 'string') return value;
            if (/^-?[\d.]+$/.test(value)) return Number.parseFloat(value);
            return value;
          }
        }
        return this.fetchData(ctx, substitute(node.path, r));
      }
      case 'call':
        return this.#call(ctx, node, r);
      default:
        return scalarOf(node);
    }
  }

  async #call(ctx: RequestContext, node: CallNode, r?: Replacements): Promise<ArgValue> {
    if (node.name === 'seriesByTag') return this.fetchData(ctx, node.raw);
    if (node.name === 'template') {
      throw new RenderError(
        'RENDER_ERR_BAD_ARGUMENT',
        'invalid template() syntax, only string/numeric arguments are allowed',
        { context: { function: 'template' } },
      );
    }
    const def = this.#registry.get(node.name);
    if (def === undefined) {
      throw new RenderError(
        'RENDER_ERR_UNKNOWN_FUNCTION',
        `Received request for unknown function: ${node.name}`,
        { context: { function: node.name } },
      );
    }
    const args: ArgValue[] = [];
    for (const arg of node.args) args.push(await this.evaluate(ctx, arg, r));
    const kwargs = new Map<string, ArgValue>();
    for (const kw of node.kwargs) kwargs.set(kw.name, await this.evaluate(ctx, kw.value, r));
    const bound = bindArguments(def, args, kwargs, this.#registry.aggregators());
    return def.fn(this.#makeCall(ctx, node, r), bound);
  }

  #makeCall(ctx: RequestContext, node: CallNode, r?: Replacements): Call {
    return {
      ctx,
      name: node.name,
      node,
      evaluateArg: async (index, changes) => {
        const arg = node.args[index];
        if (arg === undefined) return [];
        const next = { ...ctx, ...changes };
        await this.prefetch(next, [...pathExpressionsOf(arg, next, new Set(), r)]);
        return seriesOf(await this.evaluate(next, arg, r));
      },
      evaluateTarget: async (target, changes) => this.evaluateTargets({ ...ctx, ...changes }, [target]),
      callFunction: async (name, args) => {
        const def = this.#registry.get(name);
        if (def === undefined) {
          throw new RenderError(
            'RENDER_ERR_UNKNOWN_FUNCTION',
            `Received request for unknown function: ${name}`,
            {
              context: { function: name },
            },
          );
        }
        const synthetic: CallNode = {
          type: 'call',
          name,
          args: [],
          kwargs: [],
          raw: `${name}()`,
          pos: node.pos,
        };
        const bound = bindArguments(def, args, new Map(), this.#registry.aggregators());
        return (await def.fn(this.#makeCall(ctx, synthetic, r), bound)) as Series[];
      },
    };
  }
}

function seriesOf(value: ArgValue): Series[] {
  if (value instanceof Series) return [value];
  return Array.isArray(value) ? (value as unknown[]).filter((s): s is Series => s instanceof Series) : [];
}
