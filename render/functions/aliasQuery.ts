// aliasQuery(seriesList, search, replace, newName): names each series after the last value of another
// query built from its name by re.sub, printed with newName % value (graphite-web functions.py aliasQuery).
import { badArgument } from '../errors.js';
import { safeLast } from './aggfuncs.js';
import { pyPercent } from './common/alias-pyformat.js';
import { renamed } from './common/alias-rename.js';
import { compileRegex } from './common/regex.js';
import { regexSub } from './common/alias-sub.js';
import type { FunctionDef } from './types.js';
import type { Series } from '../series.js';

export const aliasQuery: FunctionDef = {
  name: 'aliasQuery',
  group: 'Alias',
  description:
    'For each series, evaluates the query re.sub(search, replace, name) and names the series ' +
    'newName % (last value of the first series found), e.g. "Channel %d MHz".',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'search', type: 'string', required: true },
    { name: 'replace', type: 'string', required: true },
    { name: 'newName', type: 'string', required: true },
  ],
  async fn(call, [seriesList, search, replace, newName]) {
    const re = compileRegex(call, 'search', search as string);
    const out: Series[] = [];
    for (const series of seriesList as Series[]) {
      const query = regexSub(call, re, 'replace', replace as string, series.name);
      const found = await call.evaluateTarget(query);
      const first = found[0];
      if (first === undefined) throw badArgument(call.name, 'search', `No series found with query: ${query}`);
      const current = safeLast(first.points());
      if (current === null)
        throw badArgument(call.name, 'search', `Cannot get last value of series: ${first.name}`);
      const name = pyPercent(newName as string, current);
      if (name === undefined)
        throw badArgument(
          call.name,
          'newName',
          `newName must hold exactly one %-conversion for a number: ${newName as string}`,
        );
      out.push(renamed(series, name));
    }
    return out;
  },
};
