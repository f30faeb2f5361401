// graphite-web's getAggFunc as the calculate and filter functions call it (functions/aggfuncs.py): the
// deprecated `<name>Series` forms pass parameter validation but are then refused (400) there.
import { badArgument } from '../../errors.js';
import { AGG_FUNCS, type AggFunc } from '../aggfuncs.js';

/** The aggregation function `name` (an aggFunc or alias); a bad argument of `func`'s `param` otherwise. */
export function requireAggFunc(func: string, param: string, name: string): AggFunc {
  if (!Object.hasOwn(AGG_FUNCS, name))
    throw badArgument(func, param, `unsupported aggregation function: ${name}`, name);
  return AGG_FUNCS[name] as AggFunc;
}
