// format=raw as graphite-web's renderViewRaw writes it: per series `name,start,end,step|v1,v2,…` and a
// newline, values as Python repr() ("1.0", "None", "nan", "inf").
import { pyRepr } from '../python-format.js';
import type { Series } from '../series.js';
import { pyFloatRepr } from './py-json.js';
import type { FormatOptions, FormatResult } from './types.js';

function reprValue(v: number | null): string {
  if (v === null) return 'None';
  return Number.isFinite(v) ? pyFloatRepr(v) : pyRepr(v);
}

/** format=raw (text/plain); `%d` truncates non-integral start/end/step as Python does. */
export function formatRaw(series: readonly Series[], _options: FormatOptions = {}): FormatResult {
  let out = '';
  for (const s of series) {
    const values = s.points().map((v) => reprValue(v));
    out += `${s.name},${Math.trunc(s.start)},${Math.trunc(s.end)},${Math.trunc(s.step)}|${values.join(',')}\n`;
  }
  return { body: out, contentType: 'text/plain' };
}
