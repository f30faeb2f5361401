// Byte compatibility with whisper.py: replays every scenario of test/fixtures/whisper/scenarios.json
// (written by generate.py with Debian's python3-whisper) and compares files, answers and reads.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { WhisperFile } from '../../../storage/whisper/index.js';
import {
  type Answer,
  type ScriptCreate,
  type ScriptOp,
  encodeValue,
  runScript,
} from '../../helpers/whisper-script.js';

interface Scenario {
  name: string;
  note: string;
  create: ScriptCreate;
  ops: ScriptOp[];
  answers: Answer[];
  info: { aggregationMethod: string; maxRetention: number; xFilesFactor: number; archives: unknown[] };
  finalFetches: { op: Extract<ScriptOp, { op: 'fetch' }>; result: unknown }[];
}

const dir = join(import.meta.dirname, '../../fixtures/whisper');
const { scenarios } = JSON.parse(readFileSync(join(dir, 'scenarios.json'), 'utf8')) as {
  scenarios: Scenario[];
};
const work = mkdtempSync(join(tmpdir(), 'carbonado-fixtures-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('the fixture set covers every method, xFilesFactor 0/0.5/1 and the named edge cases', () => {
  const names = scenarios.map((s) => s.name);
  for (const method of ['average', 'sum', 'last', 'max', 'min', 'avg_zero', 'absmax', 'absmin']) {
    for (const xff of ['0', '0.5', '1']) expect(names).toContain(`agg-${method}-xff${xff}`);
  }
  for (const name of [
    'duplicates-and-out-of-order',
    'older-than-retention',
    'future-points',
    'ring-wrap-with-gaps',
    'three-archive-propagation',
    'prealloc-sparse',
    'prealloc-zeroed',
    'prealloc-fallocate',
    'set-order-empty-lower',
    'set-order-ring-collision',
  ]) {
    expect(names).toContain(name);
  }
});

describe.each(scenarios)('$name', (s) => {
  test('replaying the script writes the same bytes and answers as whisper.py', () => {
    const path = join(work, `${s.name}.wsp`);
    const answers = runScript(path, s.create, s.ops);
    expect(answers).toEqual(s.answers);
    const ours = readFileSync(path);
    const theirs = readFileSync(join(dir, `${s.name}.wsp`));
    expect(ours.length).toBe(theirs.length);
    // Compare as hex of the first differing region for a readable failure.
    const at = ours.findIndex((b, i) => b !== theirs[i]);
    expect(at, `first differing byte at ${at}`).toBe(-1);
  });

  test('reading the whisper-written file gives whisper’s header and fetches', () => {
    const file = WhisperFile.open(join(dir, `${s.name}.wsp`), { readOnly: true });
    try {
      const { fileSize, ...header } = file.info();
      expect(header).toEqual(s.info);
      expect(fileSize).toBe(readFileSync(join(dir, `${s.name}.wsp`)).length);
      for (const { op, result } of s.finalFetches) {
        const r = file.fetch(op.from, op.until, op.now, { secondsPerPoint: Number(op.archive) });
        expect(r === null ? null : { ...r, values: r.values.map(encodeValue) }).toEqual(result);
      }
    } finally {
      file.close();
    }
  });
});
