// aliasSub(seriesList, search, replace): Python re.sub over each name, `\1`/`\g<name>` backreferences
// included (graphite-web functions.py aliasSub). Grafana wraps every target in aliasSub(t, "(^.*$)", "\1 A").
import { compileRegex } from './common/regex.js';
import { renamed } from './common/alias-rename.js';
import { regexSub } from './common/alias-sub.js';
import type { FunctionDef } from './types.js';
import type { Series } from '../series.js';

export const aliasSub: FunctionDef = {
  name: 'aliasSub',
  group: 'Alias',
  description:
    'Renames each series by a regular expression search and replace over its name (Python re.sub: ' +
    'replace may refer to groups as \\1 or \\g<name>).',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'search', type: 'string', required: true },
    { name: 'replace', type: 'string', required: true },
  ],
  fn(call, [seriesList, search, replace]) {
    const re = compileRegex(call, 'search', search as string);
    return (seriesList as Series[]).map((s) =>
      renamed(s, regexSub(call, re, 'replace', replace as string, s.name)),
    );
  },
};
