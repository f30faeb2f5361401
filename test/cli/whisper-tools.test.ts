// `carbonado info` and `carbonado fetch` print what Debian's whisper-info and whisper-fetch print for the
// same files (test/fixtures/cli/whisper-tools.json, recorded by generate.py from the real tools).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { run } from '../../src/cli/main.js';

interface ToolCase {
  tool: 'info' | 'fetch';
  file: string;
  args: string[];
  field: string[];
  now: number | null;
  stdout: string;
  stderr: string;
  code: number;
}

const fixtures = join(import.meta.dirname, '../fixtures');
const { cases } = JSON.parse(readFileSync(join(fixtures, 'cli/whisper-tools.json'), 'utf8')) as {
  cases: ToolCase[];
};

async function carbonado(argv: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t + '\n'), stderr: (t) => (stderr += t + '\n') });
  return { stdout, stderr, code };
}

describe.each(cases)('$tool $args $field $file', (c) => {
  test('prints what the whisper tool prints', async () => {
    const path = join(fixtures, 'whisper', c.file);
    const now = c.now === null ? [] : ['--now', String(c.now)];
    const out = await carbonado([c.tool, ...c.args, ...now, path, ...c.field]);
    expect(out.stdout).toBe(c.stdout);
    expect(out.code).toBe(c.code);
    expect(out.stderr).toBe(c.stderr);
  });
});

test('errors name the file and the code and exit 1', async () => {
  const out = await carbonado(['info', join(fixtures, 'nope.wsp')]);
  expect(out.code).toBe(1);
  expect(out.stderr).toContain('STORAGE_ERR_NOT_FOUND');
  expect(out.stderr).toContain('nope.wsp');
});

test('bad options and verbs are usage errors (exit 2) that show the usage', async () => {
  const badFrom = await carbonado(['fetch', '--from', 'yesterday', 'x.wsp']);
  expect(badFrom.code).toBe(2);
  expect(badFrom.stderr).toContain('--from must be whole epoch seconds');
  expect((await carbonado(['info', '--bogus', 'x.wsp'])).code).toBe(2);
  expect((await carbonado(['frobnicate'])).code).toBe(2);
  expect((await carbonado(['info', '--help'])).stdout).toContain('usage: carbonado info');
});

test('the carbonado bin runs as a program', () => {
  const res = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, '../../src/cli/main.ts'), '--version'],
    {
      encoding: 'utf8',
    },
  );
  expect(res.stdout.trim()).toBe(
    JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')).version,
  );
  expect(res.status).toBe(0);
});
