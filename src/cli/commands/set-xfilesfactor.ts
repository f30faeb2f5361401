// `carbonado set-xfilesfactor PATH XFF`: whisper-set-xfilesfactor; prints the old and new factor as Python
// floats (the old one as stored, a float32: 0.8999999761581421). Spec: graphite.md §7.8.
import { setXFilesFactor } from '../../../storage/index.js';
import type { CliIo } from '../io.js';
import { pyRepr } from '../python-format.js';
import { parsePyFloat } from '../python-format.js';

export const usage = `usage: carbonado set-xfilesfactor PATH XFF

Sets a whisper file's xFilesFactor (a float between 0 and 1) as whisper-set-xfilesfactor does and prints
"Updated xFilesFactor: PATH (OLD -> NEW)".`;

export function runSetXFilesFactor(argv: string[], io: CliIo): number {
  // argparse-like: a negative number is a (bad) value, not an option.
  const unknown = argv.find((a) => a.startsWith('-') && !/^-\d|^-\.\d/.test(a));
  if (unknown !== undefined) throw new RangeError(`unrecognized argument "${unknown}"`);
  if (argv.length !== 2) throw new RangeError('expected PATH and XFF');
  const [path = '', text = ''] = argv;
  const xff = parsePyFloat(text, 'xFilesFactor');
  const old = setXFilesFactor(path, xff);
  io.stdout(`Updated xFilesFactor: ${path} (${pyRepr(old)} -> ${pyRepr(xff)})`);
  return 0;
}
