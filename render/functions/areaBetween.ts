// areaBetween(seriesList): fills the area between exactly two series (with areaMode=stacked); both are
// named areaBetween(<upper's path expression>) and share its tags (graphite-web functions.py areaBetween).
import { badArgument } from '../errors.js';
import { derive } from './common/alias-rename.js';
import type { FunctionDef } from './types.js';
import type { Series } from '../series.js';

export const areaBetween: FunctionDef = {
  name: 'areaBetween',
  group: 'Graph',
  description:
    'Fills the area between the two series of the list (in either order); use with areaMode=stacked.',
  params: [{ name: 'seriesList', type: 'seriesList', required: true }],
  fn(call, [seriesList]) {
    const list = seriesList as Series[];
    const [lower, upper] = list;
    if (list.length !== 2 || lower === undefined || upper === undefined)
      throw badArgument(
        call.name,
        'seriesList',
        `areaBetween series argument must reference *exactly* 2 series (got ${list.length})`,
      );
    const name = `areaBetween(${upper.pathExpression})`;
    const tags = { ...upper.tags, areaBetween: '1' };
    return [
      derive(lower, { name, tags }, {}, { stacked: true, invisible: true }),
      derive(upper, { name, tags }, {}, { stacked: true }),
    ];
  },
};
