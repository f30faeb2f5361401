// graphite-web's filterSeries core (functions.py operatorFuncs): keep the series whose aggregate compares
// to a threshold; a missing aggregate passes `!=`, `<` and `<=` and fails the others, as there.
import { badArgument } from '../../errors.js';
import type { Series, Value } from '../../series.js';
import type { FunctionDef, ParamDef } from '../types.js';
import { requireAggFunc } from './calc-aggfunc.js';

/** The comparison operators filterSeries accepts. */
export const OPERATORS = ['=', '!=', '>', '>=', '<', '<='] as const;
/** One of {@link OPERATORS}. */
export type Operator = (typeof OPERATORS)[number];

const COMPARE: Record<Operator, (value: Value, threshold: number) => boolean> = {
  '=': (v, t) => v !== null && v === t,
  '!=': (v, t) => v === null || v !== t,
  '>': (v, t) => v !== null && v > t,
  '>=': (v, t) => v !== null && v >= t,
  '<': (v, t) => v === null || v < t,
  '<=': (v, t) => v === null || v <= t,
};

/** The series of `seriesList` whose `func` aggregate satisfies `operator threshold`, in input order. */
export function filterByAggregate(
  funcName: string,
  seriesList: readonly Series[],
  func: string,
  operator: string,
  threshold: number,
): Series[] {
  const aggFunc = requireAggFunc(funcName, 'func', func);
  if (!Object.hasOwn(COMPARE, operator))
    throw badArgument(funcName, 'operator', `unsupported operator: ${operator}`, operator);
  const compare = COMPARE[operator as Operator];
  return seriesList.filter((s) => compare(aggFunc(s.points()), threshold));
}

/** A `name(seriesList, n)` filter keeping series whose `func` aggregate satisfies `operator n`. */
export function thresholdFilter(
  name: string,
  func: string,
  operator: Operator,
  description: string,
): FunctionDef {
  const params: readonly ParamDef[] = [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'n', type: 'float', required: true },
  ];
  return {
    name,
    group: 'Filter Series',
    description,
    params,
    fn: (_call, [seriesList, n]) =>
      filterByAggregate(name, seriesList as Series[], func, operator, n as number),
  };
}
