// seriesByTag(*tagExpressions): the series whose tags match every expression. graphite-web has no body
// for it: the evaluator fetches the call's raw text through the store (evaluator.py); fn does the same.
import { Series } from '../series.js';
import type { FunctionDef } from './types.js';

export const seriesByTag: FunctionDef = {
  name: 'seriesByTag',
  group: 'Special',
  description:
    'The series whose tags match all the expressions: tag=value, tag!=value, tag=~regex, tag!=~regex ' +
    '(regexes anchored at the start; at least one expression must require a non-empty value).',
  params: [{ name: 'tagExpressions', type: 'string', required: true, multiple: true }],
  async fn(call) {
    const { ctx } = call;
    const fetched = await ctx.source.fetch([call.node.raw], ctx.startTime, ctx.endTime, ctx.now);
    return fetched.map(
      (f) =>
        new Series({
          name: f.name,
          start: f.start,
          end: f.end,
          step: f.step,
          values: f.values.slice(),
          pathExpression: f.pathExpression,
          xFilesFactor: ctx.xFilesFactor,
        }),
    );
  },
};
