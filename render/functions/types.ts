// The shape of a render function (STYLE.md: one function per file, {name, group, params, aggregator?, fn}),
// graphite-web's ParamTypes (functions/params.py) and the call object a function receives.
import type { RequestContext } from '../context.js';
import type { CallNode } from '../parser/ast.js';
import type { Series } from '../series.js';

/** graphite-web's registered parameter types, by name (what /functions reports in params[].type). */
export type ParamType =
  | 'aggFunc'
  | 'aggOrSeriesFunc'
  | 'any'
  | 'boolean'
  | 'date'
  | 'float'
  | 'integer'
  | 'interval'
  | 'intOrInterval'
  | 'intOrInf'
  | 'node'
  | 'nodeOrTag'
  | 'series'
  | 'seriesList'
  | 'seriesLists'
  | 'string'
  | 'tag';

export type FunctionGroup =
  | 'Alias'
  | 'Calculate'
  | 'Combine'
  | 'Filter Data'
  | 'Filter Series'
  | 'Graph'
  | 'Sorting'
  | 'Special'
  | 'Transform';

/** A literal an argument may hold once evaluated; series-typed arguments hold Series[]. */
export type Scalar = number | string | boolean | null;
export type ArgValue = Scalar | Series[] | Series[][] | ArgValue[];

export interface ParamDef {
  name: string;
  type: ParamType;
  required?: boolean;
  /** The last parameter may repeat: its value is then the array of every remaining argument. */
  multiple?: boolean;
  /** Used when the argument is absent or None; reported by /functions. */
  default?: Scalar;
  /** Allowed values (validated; reported sorted by /functions, merged with aggFunc names for those types). */
  options?: readonly (string | number | boolean | null)[];
  /** Shown by editors (Grafana) as completions; not validated. */
  suggestions?: readonly (string | number)[];
}

/**
 * What a function receives besides its arguments: the request it runs for, and ways to evaluate more
 * (the functions of graphite-web §2.5 re-fetch their first argument over a shifted or widened window).
 */
export interface Call {
  readonly ctx: RequestContext;
  /** The name the function was called by (an alias such as `avg` keeps its own name). */
  readonly name: string;
  readonly node: CallNode;
  /** Evaluates positional argument `index` again (piped argument included) under a changed request. */
  evaluateArg(index: number, changes: Partial<RequestContext>): Promise<Series[]>;
  /** Evaluates a whole target string (applyByNode, aliasQuery, useSeriesAbove) under an optional change. */
  evaluateTarget(target: string, changes?: Partial<RequestContext>): Promise<Series[]>;
  /** Calls a registered function with evaluated arguments (groupByNode's series-function callbacks). */
  callFunction(name: string, args: ArgValue[]): Promise<Series[]>;
}

/** One render function. `fn` gets one value per param (the multiple param's value is an array). */
export interface FunctionDef {
  name: string;
  group: FunctionGroup;
  /** What it does, for /functions and Grafana's editor (our own words; graphite-web's are docstrings). */
  description: string;
  params: readonly ParamDef[];
  /** Valid as a groupByNode/groupByNodes/groupByTags callback (graphite-web `aggregator = True`). */
  aggregator?: boolean;
  /** graphite-web's signature text for /functions `function` when it differs from the params' (rare). */
  signature?: string;
  /** A series list; mapSeries answers a list of series lists (reduceSeries takes it). */
  fn(call: Call, args: ArgValue[]): Promise<Series[] | Series[][]> | Series[] | Series[][];
}
