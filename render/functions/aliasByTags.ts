// aliasByTags(seriesList, *tags): aliasByNode under another name, meant for tag names (graphite-web
// functions.py aliasByTags).
import { aliasByNode } from './aliasByNode.js';
import type { FunctionDef } from './types.js';

export const aliasByTags: FunctionDef = {
  ...aliasByNode,
  name: 'aliasByTags',
  description:
    "Names each series by the values of the given tags (or nodes of its name), joined by '.'; same as aliasByNode.",
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'tags', type: 'nodeOrTag', required: true, multiple: true },
  ],
};
