// The running totals stacked() keeps per stack name for the whole request (graphite-web keeps them in
// requestContext['totalStack'], so every target of a request stacks onto the previous ones).
import type { RequestContext } from '../../context.js';

const stacks = new WeakMap<RequestContext, Map<string, number[]>>();

/** The running totals of stack `name` in this request (created empty, kept for later calls). */
export function totalStack(ctx: RequestContext, name: string): number[] {
  let byName = stacks.get(ctx);
  if (byName === undefined) {
    byName = new Map();
    stacks.set(ctx, byName);
  }
  let totals = byName.get(name);
  if (totals === undefined) {
    totals = [];
    byName.set(name, totals);
  }
  return totals;
}
