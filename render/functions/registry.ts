// Every render function by name (graphite-web's SeriesFunctions): a duplicate name throws at startup
// (go-carbon receiver.Register). Feeds evaluation, argument validation and /functions.
import { AGG_FUNC_NAMES } from './aggfuncs.js';
import { reportedOptions } from './bind.js';
import { functions as alias } from './lists/alias.js';
import { functions as calculate } from './lists/calculate.js';
import { functions as combine } from './lists/combine.js';
import { functions as filter } from './lists/filter.js';
import { functions as graph } from './lists/graph.js';
import { functions as sorting } from './lists/sorting.js';
import { functions as special } from './lists/special.js';
import { functions as transform } from './lists/transform.js';
import type { FunctionDef, ParamDef, Scalar } from './types.js';

export class FunctionRegistry {
  readonly #defs = new Map<string, FunctionDef>();
  #aggregators: Set<string> | undefined;

  constructor(defs: Iterable<FunctionDef> = []) {
    for (const def of defs) this.register(def);
  }

  /** Adds a function; a name registered twice is a programmer error. */
  register(def: FunctionDef): void {
    if (this.#defs.has(def.name)) throw new TypeError(`render function ${def.name} registered twice`);
    this.#defs.set(def.name, def);
    this.#aggregators = undefined;
  }

  get(name: string): FunctionDef | undefined {
    return this.#defs.get(name);
  }

  /** Every function, sorted by name. */
  all(): FunctionDef[] {
    return [...this.#defs.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** Names valid as groupByNode/groupByTags callbacks (aggregator functions). */
  aggregators(): ReadonlySet<string> {
    this.#aggregators ??= new Set([...this.#defs.values()].filter((d) => d.aggregator).map((d) => d.name));
    return this.#aggregators;
  }
}

/** The registry of every function carbonado implements. */
export function defaultRegistry(): FunctionRegistry {
  return new FunctionRegistry([
    ...combine,
    ...transform,
    ...calculate,
    ...filter,
    ...sorting,
    ...alias,
    ...special,
    ...graph,
  ]);
}

/** Python repr of a default, as inspect.formatargspec prints it. */
function pyDefault(value: Scalar | undefined): string {
  if (value === undefined || value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string') return `'${value}'`;
  if (value === Infinity) return 'inf';
  return String(value);
}

/** graphite-web's `function` text: `name(seriesList, windowSize, xFilesFactor=None)`. */
export function signatureOf(def: FunctionDef): string {
  if (def.signature !== undefined) return def.signature;
  const parts = def.params.map((p: ParamDef) =>
    p.multiple ? `*${p.name}` : p.required ? p.name : `${p.name}=${pyDefault(p.default)}`,
  );
  return `${def.name}(${parts.join(', ')})`;
}

/** Infinity in /functions JSON is written 1e9999 by the route (graphite-web newer releases; errata 7). */
export const JSON_INFINITY = Infinity;

/** graphite-web's functionInfo + Param.toJSON: the shape Grafana's parseFuncDefs reads (§2.1). */
export function functionInfo(def: FunctionDef, registry: FunctionRegistry): Record<string, unknown> {
  const aggregators = [...registry.aggregators()];
  return {
    name: def.name,
    function: signatureOf(def),
    description: def.description,
    module: 'graphite.render.functions',
    group: def.group,
    params: def.params.map((p) => {
      const json: Record<string, unknown> = { name: p.name, type: p.type };
      if (p.required) json.required = true;
      if (p.default !== undefined && p.default !== null) json.default = p.default;
      if (p.multiple) json.multiple = true;
      const options = reportedOptions(p, aggregators);
      if (options.length > 0) json.options = options;
      if (p.suggestions !== undefined && p.suggestions.length > 0) json.suggestions = [...p.suggestions];
      return json;
    }),
  };
}

export { AGG_FUNC_NAMES };
