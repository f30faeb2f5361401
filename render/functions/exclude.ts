// exclude: drops the series whose name a regular expression matches anywhere (graphite-web functions.py
// exclude, Python re.search).
import type { Series } from '../series.js';
import { compileRegex } from './common/regex.js';
import type { FunctionDef } from './types.js';

export const exclude: FunctionDef = {
  name: 'exclude',
  group: 'Filter Series',
  description: 'Drops the series whose name the regular expression matches (anywhere in the name).',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'pattern', type: 'string', required: true },
  ],
  fn: (call, [seriesList, pattern]) => {
    const regex = compileRegex(call, 'pattern', pattern as string);
    return (seriesList as Series[]).filter((s) => !regex.search(s.name));
  },
};
