// format=pickle as graphite-web's renderViewPickle answers cluster peers: a list of TimeSeries.getInfo()
// dicts (name, start, end, step, values, pathExpression, valuesPerPoint, consolidationFunc, xFilesFactor).
// Written as protocol 2 (graphite-web writes its highest; every unpickler reads 2).
import type { Series } from '../series.js';
import { PyFloat, PyFloatList, pickle } from './pickle-encode.js';
import type { FormatOptions, FormatResult } from './types.js';

/** A number as graphite-web holds it there: an int when integral, else a float. */
const pyNumber = (x: number): number | PyFloat => (Number.isInteger(x) ? x : new PyFloat(x));

/** getInfo() of one series, in graphite-web's key order; values are floats or None, never ints. */
export function seriesInfo(s: Series): Record<string, unknown> {
  return {
    name: s.name,
    start: pyNumber(s.start),
    end: pyNumber(s.end),
    step: pyNumber(s.step),
    values: new PyFloatList(s.points()),
    pathExpression: s.pathExpression,
    valuesPerPoint: s.valuesPerPoint,
    consolidationFunc: s.consolidationFunc,
    xFilesFactor: new PyFloat(s.xFilesFactor),
  };
}

/** format=pickle (application/pickle): what graphite-web front ends read from a cluster backend. */
export function formatPickle(series: readonly Series[], _options: FormatOptions = {}): FormatResult {
  return { body: pickle(series.map(seriesInfo)), contentType: 'application/pickle' };
}
