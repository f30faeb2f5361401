// format=dygraph as graphite-web's renderViewDygraph writes it: `{"labels" : ["Time", …], "data" : [[ts000,
// v1, …], …]}`, rows on the first series' timestamps (in ms by appending "000"), null for None and NaN.
import type { Series } from '../series.js';
import { pyFloatRepr, pyJsonDumps } from './py-json.js';
import { type FormatOptions, type FormatResult, withJsonp } from './types.js';

function cell(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return 'null';
  if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
  return pyFloatRepr(v);
}

/**
 * format=dygraph (application/json, or jsonp). graphite-web fails (500) when a series has a different
 * number of points than the first one has timestamps; here missing cells are null and extra points dropped.
 */
export function formatDygraph(series: readonly Series[], options: FormatOptions = {}): FormatResult {
  const first = series[0];
  if (first === undefined) return withJsonp('{}', options);
  const times: number[] = [];
  for (let t = first.start; t < first.end; t += first.step) times.push(t);
  const columns = series.map((s) => s.points());
  const rows = times.map((t, i) => {
    let row = `[${t}000`;
    for (const values of columns) row += `, ${cell(values[i])}`;
    return `${row}]`;
  });
  const labels = pyJsonDumps(['Time', ...series.map((s) => s.name)]);
  return withJsonp(`{"labels" : ${labels}, "data" : [${rows.join(', ')}]}`, options);
}
