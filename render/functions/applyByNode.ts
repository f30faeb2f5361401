// applyByNode: graphite-web functions.py applyByNode — evaluates a target template once per node prefix.
import type { Series } from '../series.js';
import type { FunctionDef } from './types.js';

/** The template evaluated once per prefix; results keep their names unless newName is given. */
export const applyByNode: FunctionDef = {
  name: 'applyByNode',
  group: 'Combine',
  description:
    'For each distinct name prefix up to node nodeNum, evaluates templateFunction with "%" replaced by the ' +
    'prefix; results are renamed by newName (also with "%" replaced) when given.',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'nodeNum', type: 'node', required: true },
    { name: 'templateFunction', type: 'string', required: true },
    { name: 'newName', type: 'string' },
  ],
  fn: async (call, [seriesList, nodeNum, templateFunction, newName]) => {
    const list = seriesList as Series[];
    const last = list[list.length - 1];
    if (last === undefined) return [];
    const n = (nodeNum as number) + 1;
    const prefixes = new Set(
      list.map((s) => {
        const nodes = s.name.split('.');
        return nodes.slice(0, n < 0 ? Math.max(nodes.length + n, 0) : n).join('.');
      }),
    );
    const template = templateFunction as string;
    const rename = newName as string | null;
    const out: Series[] = [];
    for (const prefix of [...prefixes].sort()) {
      for (const result of await call.evaluateTarget(template.replaceAll('%', prefix))) {
        if (rename) result.name = rename.replaceAll('%', prefix);
        result.pathExpression = prefix;
        // graphite-web takes the frame of the last input series (a loop variable that outlived its loop)
        result.start = last.start;
        result.end = last.end;
        out.push(result);
      }
    }
    return out;
  },
};
