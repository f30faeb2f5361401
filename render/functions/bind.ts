// Binds a call's evaluated arguments to a function's params and validates them as graphite-web's
// functions/params.py does (validateParams, Param.validateValue) — always enforced here: a bad argument is
// a RENDER_ERR_BAD_ARGUMENT (HTTP 400) naming the function and the parameter, never a 500 later.
import type { RenderError } from '../errors.js';
import { badArgument } from '../errors.js';
import { Series } from '../series.js';
import { parseTimeOffset } from '../time/attime.js';
import { AGG_FUNC_NAMES, getAggFunc } from './aggfuncs.js';
import type { ArgValue, FunctionDef, ParamDef } from './types.js';

/** Python repr of an argument, for messages. */
export function argRepr(value: ArgValue): string {
  if (value === null) return 'None';
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number')
    return Number.isNaN(value) ? 'nan' : value === Infinity ? 'inf' : String(value);
  if (Array.isArray(value) && value.every((v) => v instanceof Series))
    return `<seriesList of ${value.length}>`;
  return '<list>';
}

function isSeriesList(value: ArgValue): value is Series[] {
  return Array.isArray(value) && value.every((v) => v instanceof Series);
}

function invalid(def: FunctionDef, param: ParamDef, value: ArgValue, detail?: string): RenderError {
  return badArgument(
    def.name,
    param.name,
    `invalid "${param.type}" value for parameter "${param.name}": ${argRepr(value)}${detail ? ` (${detail})` : ''}`,
    typeof value === 'object' && value !== null ? undefined : value,
  );
}

/** Python int(value) for the integer-like types; undefined when Python would refuse. */
function toInteger(value: ArgValue): number | undefined {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*[-+]?\d+\s*$/.test(value)) return Number(value);
  return undefined;
}

/** Python float(value); undefined when Python would refuse. */
function toFloat(value: ArgValue): number | undefined {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const t = value.trim().toLowerCase();
    if (/^[-+]?(inf|infinity)$/.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
    if (/^[-+]?nan$/.test(t)) return NaN;
    if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/.test(t)) return Number(t);
  }
  return undefined;
}

/** Validates and converts one present (non-null) value as graphite-web's ParamType validators. */
function checkValue(
  def: FunctionDef,
  param: ParamDef,
  value: ArgValue,
  aggregators: ReadonlySet<string>,
): ArgValue {
  const options = param.options;
  switch (param.type) {
    case 'seriesList':
      if (!isSeriesList(value)) throw invalid(def, param, value, 'a series list is expected');
      return value;
    case 'seriesLists':
      if (!Array.isArray(value) || !value.every((v) => isSeriesList(v as ArgValue)))
        throw invalid(def, param, value, 'a list of series lists is expected');
      return value;
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
      if (value === 0 || value === 1) return value === 1;
      throw invalid(def, param, value);
    case 'float': {
      const f = toFloat(value);
      if (f === undefined) throw invalid(def, param, value);
      if (options !== undefined && options.length > 0 && !options.includes(f))
        throw badArgument(
          def.name,
          param.name,
          `invalid option for parameter "${param.name}": ${argRepr(value)}`,
        );
      return f;
    }
    case 'integer':
    case 'node': {
      const n = toInteger(value);
      if (n === undefined) throw invalid(def, param, value);
      return n;
    }
    case 'intOrInf': {
      const n = toInteger(value);
      if (n !== undefined) return n;
      if (toFloat(value) === Infinity) return Infinity;
      throw invalid(def, param, value, 'an integer or inf is expected');
    }
    case 'interval':
      if (typeof value !== 'string')
        throw invalid(def, param, value, 'an interval string such as "5min" is expected');
      try {
        parseTimeOffset(value);
      } catch (err) {
        throw invalid(def, param, value, err instanceof Error ? err.message : String(err));
      }
      return value;
    case 'intOrInterval':
      if (typeof value === 'number' && Number.isInteger(value)) return value;
      if (typeof value === 'string') {
        try {
          parseTimeOffset(value);
          return value;
        } catch (err) {
          throw invalid(def, param, value, err instanceof Error ? err.message : String(err));
        }
      }
      throw invalid(def, param, value, 'an integer or an interval string is expected');
    case 'aggFunc':
      if (typeof value !== 'string' || getAggFunc(value) === undefined)
        throw badArgument(
          def.name,
          param.name,
          `invalid aggregation function for parameter "${param.name}": ${argRepr(value)}`,
          value,
        );
      return value;
    case 'aggOrSeriesFunc':
      if (typeof value !== 'string' || (getAggFunc(value) === undefined && !aggregators.has(value)))
        throw badArgument(
          def.name,
          param.name,
          `invalid aggregation or series function for parameter "${param.name}": ${argRepr(value)}`,
          value,
        );
      return value;
    default:
      // string, tag, date, nodeOrTag, series, any: graphite-web validates none of them beyond options
      if (
        options !== undefined &&
        options.length > 0 &&
        !options.includes(value as string | number | boolean | null)
      )
        throw badArgument(
          def.name,
          param.name,
          `invalid option for parameter "${param.name}": ${argRepr(value)} (one of ${options.join(', ')})`,
          typeof value === 'object' ? undefined : value,
        );
      return value;
  }
}

/**
 * Binds positional and keyword arguments to `def.params`: one value per param, the multiple param's
 * value an array of every remaining positional argument; absent optional params get their default or null.
 */
export function bindArguments(
  def: FunctionDef,
  args: readonly ArgValue[],
  kwargs: ReadonlyMap<string, ArgValue>,
  aggregators: ReadonlySet<string>,
): ArgValue[] {
  const params = def.params;
  const last = params[params.length - 1];
  if (args.length + kwargs.size > params.length && !last?.multiple)
    throw badArgument(def.name, '', `too many arguments (at most ${params.length})`);
  const bound: ArgValue[] = [];
  for (let i = 0; i < params.length; i++) {
    const param = params[i] as ParamDef;
    if (param.multiple) {
      const rest = args.slice(i);
      const named = kwargs.get(param.name);
      if (named !== undefined) rest.push(named);
      if (rest.length === 0 && param.required)
        throw badArgument(def.name, param.name, `missing required parameter "${param.name}"`);
      bound.push(rest.filter((v) => v !== null).map((v) => checkValue(def, param, v, aggregators)));
      continue;
    }
    const positional = i < args.length;
    if (positional && kwargs.has(param.name))
      throw badArgument(def.name, param.name, `parameter "${param.name}" given twice`);
    const value = positional ? (args[i] as ArgValue) : (kwargs.get(param.name) ?? null);
    if (value === null) {
      if (param.required && !positional)
        throw badArgument(def.name, param.name, `missing required parameter "${param.name}"`);
      if (param.required && param.default === undefined && positional)
        throw badArgument(def.name, param.name, `parameter "${param.name}" cannot be None`);
      bound.push(param.default ?? null);
      continue;
    }
    bound.push(checkValue(def, param, value, aggregators));
  }
  for (const key of kwargs.keys()) {
    if (!params.some((p) => p.name === key))
      throw badArgument(def.name, key, `unexpected keyword argument "${key}"`);
  }
  return bound;
}

/** Python's str() of an option, the key graphite-web sorts options by. */
function pyStrKey(v: string | number | boolean | null): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return String(v);
}

/** The options /functions reports for a param: its own plus the aggFunc names for the agg types, sorted by str(). */
export function reportedOptions(
  param: ParamDef,
  aggregators: readonly string[],
): (string | number | boolean | null)[] {
  const set = new Set<string | number | boolean | null>(param.options ?? []);
  if (param.type === 'aggFunc' || param.type === 'aggOrSeriesFunc')
    for (const n of AGG_FUNC_NAMES) set.add(n);
  if (param.type === 'aggOrSeriesFunc') for (const n of aggregators) set.add(n);
  return [...set].sort((a, b) => (pyStrKey(a) < pyStrKey(b) ? -1 : pyStrKey(a) > pyStrKey(b) ? 1 : 0));
}
