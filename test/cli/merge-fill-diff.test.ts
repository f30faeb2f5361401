// `carbonado merge|fill|diff` print what whisper-merge, whisper-fill and whisper-diff print and leave the same
// files (test/fixtures/whisper-tools/cases.json, recorded by generate.py from python3-whisper 1.1.4).
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runDiff } from '../../src/cli/commands/diff.js';
import { runFill } from '../../src/cli/commands/fill.js';
import { runMerge } from '../../src/cli/commands/merge.js';
import type { CliIo } from '../../src/cli/io.js';
import { TOOL_CASES_DIR, type ToolCase, toolCases } from '../helpers/whisper-tools-cases.js';

const dir = TOOL_CASES_DIR;
const cases = toolCases;
const tmp = mkdtempSync(join(tmpdir(), 'carbonado-mfd-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const RUN = { merge: runMerge, fill: runFill, diff: runDiff } as const;

async function carbonado(tool: ToolCase['tool'], argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t + '\n'), stderr: (t) => (stderr += t + '\n') };
  const code = await RUN[tool](argv, io, () => {
    throw new Error('the clock must not be read when --now is given');
  });
  return { stdout, stderr, code };
}

describe.each(cases.filter((c) => c.code === 0))('carbonado $tool $args ($name)', (c) => {
  test('prints and writes what the whisper tool does', async () => {
    let b = join(dir, c.b);
    if (c.result !== undefined) {
      b = join(tmp, `${c.tool}-${c.name}.wsp`);
      copyFileSync(join(dir, c.b), b);
    }
    const out = await carbonado(c.tool, [...c.args, '--now', String(c.now), join(dir, c.a), b]);
    expect(out.code).toBe(0);
    expect(out.stderr).toBe('');
    expect(out.stdout.replaceAll(`${dir}/`, '')).toBe(c.stdout);
    if (c.result !== undefined) {
      expect(readFileSync(b).equals(readFileSync(join(dir, c.result)))).toBe(true);
    }
  });
});

test.each(cases.filter((c) => c.code !== 0))('carbonado $tool refuses unalike files ($name)', async (c) => {
  await expect(carbonado(c.tool, ['--now', String(c.now), join(dir, c.a), join(dir, c.b)])).rejects.toThrow(
    /archive configurations are unalike/,
  );
});

test('merge names a missing file as whisper-merge does', async () => {
  const out = await carbonado('merge', ['--now', '1', join(dir, 'src-dense.wsp'), join(tmp, 'nope.wsp')]);
  expect(out.code).toBe(1);
  expect(out.stderr).toBe(`[ERROR] File "${join(tmp, 'nope.wsp')}" does not exist!\n`);
});

test('missing operands print the usage and exit 1', async () => {
  for (const tool of ['merge', 'fill', 'diff'] as const) {
    const out = await carbonado(tool, ['only-one.wsp']);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(`usage: carbonado ${tool}`);
  }
});

test('time options must be whole epoch seconds', async () => {
  await expect(carbonado('merge', ['--now', '1', '--from', 'yesterday', 'a', 'b'])).rejects.toThrow(
    RangeError,
  );
  await expect(carbonado('diff', ['--now', '1', '--until', '1.5', 'a', 'b'])).rejects.toThrow(
    /--until must be whole/,
  );
});
