// `carbonado set-aggregation-method PATH METHOD [XFF]`: whisper-set-aggregation-method; prints
// "Updated aggregation method: PATH (OLD -> NEW)". Spec: graphite.md §7.8.
import { parseArgs } from 'node:util';
import { AGGREGATION_METHODS, type AggregationMethod, setAggregationMethod } from '../../../storage/index.js';
import type { CliIo } from '../io.js';
import { parsePyFloat } from '../python-format.js';

export const usage = `usage: carbonado set-aggregation-method PATH <${AGGREGATION_METHODS.join('|')}> [XFF]

Sets a whisper file's aggregation method, and its xFilesFactor when XFF is given, as
whisper-set-aggregation-method does.`;

export function runSetAggregationMethod(argv: string[], io: CliIo): number {
  const { positionals } = parseArgs({ args: argv, options: {}, allowPositionals: true });
  if (positionals.length < 2) {
    io.stderr(usage);
    return 1;
  }
  if (positionals.length > 3)
    throw new RangeError(`expected PATH METHOD [XFF], got ${positionals.length} arguments`);
  const [path = '', method = '', xffText] = positionals;
  const xff = xffText === undefined ? undefined : parsePyFloat(xffText, 'xFilesFactor');
  // The engine rejects an unknown method with STORAGE_ERR_INVALID_AGGREGATION_METHOD, as whisper does.
  const old = setAggregationMethod(path, method as AggregationMethod, xff);
  io.stdout(`Updated aggregation method: ${path} (${old} -> ${method})`);
  return 0;
}
