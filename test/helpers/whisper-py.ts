// A long-lived whisper.py (Debian python3-whisper) process running whisper_ops.py --serve: one JSON script
// per line in, one JSON answer per line out. Used by the differential property test.
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Answer, ScriptCreate, ScriptOp } from './whisper-script.js';

export const PYTHON = '/usr/bin/python3';
const SCRIPT = join(import.meta.dirname, '../fixtures/whisper/whisper_ops.py');

/** True when Debian's python3 can import whisper (CI installs python3-whisper, so it must be there). */
export function whisperPyAvailable(): boolean {
  return spawnSync(PYTHON, ['-c', 'import whisper'], { stdio: 'ignore' }).status === 0;
}

export class WhisperPy {
  readonly #child: ChildProcessWithoutNullStreams;
  readonly #waiting: ((line: string) => void)[] = [];

  constructor() {
    this.#child = spawn(PYTHON, [SCRIPT, '--serve'], { stdio: ['pipe', 'pipe', 'pipe'] });
    createInterface({ input: this.#child.stdout }).on('line', (line) => this.#waiting.shift()?.(line));
  }

  run(path: string, create: ScriptCreate, ops: readonly ScriptOp[]): Promise<Answer[]> {
    return new Promise((resolve, reject) => {
      this.#waiting.push((line) => {
        const reply = JSON.parse(line) as { answers?: Answer[]; fatal?: string };
        if (reply.answers === undefined) reject(new Error(`whisper.py: ${reply.fatal ?? line}`));
        else resolve(reply.answers);
      });
      this.#child.stdin.write(JSON.stringify({ path, create, ops }) + '\n');
    });
  }

  close(): void {
    this.#child.stdin.end();
  }
}
