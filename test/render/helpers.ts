// Unit-test helpers for render functions: series from literal values and a Call without a parser or a
// store behind it (the evaluator-backed harness is test/render/harness.ts).
import { bindArguments } from '../../render/functions/bind.js';
import { defaultRegistry } from '../../render/functions/registry.js';
import type { ArgValue, Call } from '../../render/functions/types.js';
import type { RequestContext } from '../../render/context.js';
import { Series, type Value } from '../../render/series.js';

export const registry = defaultRegistry();

/** A series named `name` with `values` every `step` seconds from `start` (end = start + len × step). */
export function makeSeries(name: string, values: Value[], start = 0, step = 60): Series {
  return new Series({ name, start, end: start + values.length * step, step, values });
}

export function makeContext(changes: Partial<RequestContext> = {}): RequestContext {
  return {
    startTime: 0,
    endTime: 600,
    now: 600,
    tz: 'UTC',
    xFilesFactor: 0,
    template: {},
    localOnly: false,
    source: { fetch: async () => [] },
    regex: () => {
      throw new Error('no regex engine in this test');
    },
    ...changes,
  };
}

/** Calls a registered function as the evaluator would: arguments bound and validated first. */
export async function invoke(
  name: string,
  args: ArgValue[],
  options: { kwargs?: Record<string, ArgValue>; ctx?: Partial<RequestContext>; call?: Partial<Call> } = {},
): Promise<Series[]> {
  const def = registry.get(name);
  if (def === undefined) throw new Error(`no function ${name}`);
  const bound = bindArguments(
    def,
    args,
    new Map(Object.entries(options.kwargs ?? {})),
    registry.aggregators(),
  );
  const call: Call = {
    ctx: makeContext(options.ctx),
    name,
    node: { type: 'call', name, args: [], kwargs: [], raw: `${name}()`, pos: 0 },
    evaluateArg: async () => {
      throw new Error('evaluateArg needs the harness');
    },
    evaluateTarget: async () => {
      throw new Error('evaluateTarget needs the harness');
    },
    callFunction: async (fname, fargs) => invoke(fname, fargs, { ctx: options.ctx }),
    ...options.call,
  };
  return (await def.fn(call, bound)) as Series[];
}
