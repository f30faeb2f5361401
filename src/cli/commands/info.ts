// `carbonado info [--json] PATH [FIELD]`: whisper-info's output, line for line (graphite.md §7.8).
import { parseArgs } from 'node:util';
import { type WhisperInfo, info } from '../../../storage/index.js';
import type { CliIo } from '../io.js';
import { pyRepr } from '../python-format.js';

export const usage = `usage: carbonado info [--json] PATH [FIELD]

Prints a whisper file's header as whisper-info does: aggregationMethod, maxRetention, xFilesFactor, fileSize,
then each archive's offset, secondsPerPoint, points, retention and size. FIELD prints one of them alone.`;

const ARCHIVE_KEYS = ['offset', 'secondsPerPoint', 'points', 'retention', 'size'] as const;

function pyValue(key: string, value: unknown): string {
  return key === 'xFilesFactor' ? pyRepr(value as number) : String(value);
}

function pyArchives(archives: WhisperInfo['archives']): string {
  return `[${archives.map((a) => `{${ARCHIVE_KEYS.map((k) => `'${k}': ${a[k]}`).join(', ')}}`).join(', ')}]`;
}

export function runInfo(argv: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { json: { type: 'boolean' } },
    allowPositionals: true,
  });
  const [path, field] = positionals;
  if (path === undefined) {
    io.stderr(usage);
    return 1;
  }
  const header = info(path);
  // whisper-info's key order: the header dict, then fileSize added last.
  const fields: [string, unknown][] = [
    ['aggregationMethod', header.aggregationMethod],
    ['maxRetention', header.maxRetention],
    ['xFilesFactor', header.xFilesFactor],
    ['archives', header.archives],
    ['fileSize', header.fileSize],
  ];
  if (field !== undefined) {
    const found = fields.find(([k]) => k === field);
    if (found === undefined) {
      io.stdout(`Unknown field "${field}". Valid fields are ${fields.map(([k]) => k).join(',')}`);
      return 1;
    }
    io.stdout(field === 'archives' ? pyArchives(header.archives) : pyValue(field, found[1]));
    return 0;
  }
  if (values.json) {
    const body = fields
      .map(([k, v]) => {
        if (k !== 'archives')
          return `  "${k}": ${k === 'aggregationMethod' ? JSON.stringify(v) : pyValue(k, v)}`;
        const list = header.archives
          .map((a) => `    {\n${ARCHIVE_KEYS.map((ak) => `      "${ak}": ${a[ak]}`).join(',\n')}\n    }`)
          .join(',\n');
        return `  "archives": [\n${list}\n  ]`;
      })
      .join(',\n');
    io.stdout(`{\n${body}\n}`);
    return 0;
  }
  const lines = fields.filter(([k]) => k !== 'archives').map(([k, v]) => `${k}: ${pyValue(k, v)}`);
  lines.push('');
  header.archives.forEach((a, i) => {
    lines.push(`Archive ${i}`, ...ARCHIVE_KEYS.map((k) => `${k}: ${a[k]}`), '');
  });
  io.stdout(lines.join('\n'));
  return 0;
}
