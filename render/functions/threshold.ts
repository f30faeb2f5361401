// threshold(value, label?, color?): constantLine(value) named label and drawn in color (graphite-web
// functions.py threshold: the tags keep the constantLine name).
import { constantLineSeries } from './constantLine.js';
import type { FunctionDef } from './types.js';

export const threshold: FunctionDef = {
  name: 'threshold',
  group: 'Graph',
  description: 'A horizontal line at value across the graph, optionally named label and drawn in color.',
  params: [
    { name: 'value', type: 'float', required: true },
    { name: 'label', type: 'string' },
    { name: 'color', type: 'string' },
  ],
  fn(call, [value, label, color]) {
    const series = constantLineSeries(call.ctx, value as number);
    if (typeof label === 'string' && label !== '') series.name = label;
    if (typeof color === 'string' && color !== '') series.options.color = color;
    return [series];
  },
};
