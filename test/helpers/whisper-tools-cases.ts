// The merge/fill/diff cases recorded from Debian's whisper tools (test/fixtures/whisper-tools/generate.py).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ToolCase {
  tool: 'merge' | 'fill' | 'diff';
  name: string;
  args: string[];
  now: number;
  a: string;
  b: string;
  result?: string;
  stdout: string;
  stderr: string;
  code: number;
}

export const TOOL_CASES_DIR = join(import.meta.dirname, '../fixtures/whisper-tools');

export const toolCases = (
  JSON.parse(readFileSync(join(TOOL_CASES_DIR, 'cases.json'), 'utf8')) as { cases: ToolCase[] }
).cases;
