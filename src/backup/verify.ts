// Verifies a backup: every manifest file (through the incremental chain) present with its size and sha256,
// every whisper file's header and slots as `carbonado check` sees them.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Readable } from 'node:stream';
import { checkFile } from '../../storage/index.js';
import { Progress, type ProgressOptions } from '../cli/progress.js';
import { sha256 } from './copy.js';
import { BackupReader } from './source.js';

export interface VerifyOptions {
  src: string;
  /** Where a .tar.gz is unpacked to be checked; default the OS temp directory. */
  scratchDir?: string;
  stdin?: () => Readable;
  progress?: Partial<ProgressOptions>;
}

export interface VerifyProblem {
  path: string;
  problem: 'missing' | 'size' | 'sha256' | 'check';
  message: string;
}

export interface VerifyReport {
  id: string;
  chain: readonly string[];
  startTime: number;
  endTime: number;
  files: number;
  bytes: number;
  ok: boolean;
  problems: VerifyProblem[];
}

export async function verifyBackup(o: VerifyOptions): Promise<VerifyReport> {
  const reader = new BackupReader(o.scratchDir ?? tmpdir(), o.stdin);
  try {
    const chain = await reader.openChain(o.src);
    const { manifest } = chain;
    const problems: VerifyProblem[] = [];
    let bytes = 0;
    const progress = new Progress({
      total: manifest.files.length,
      unit: 'files',
      label: 'verified',
      ...o.progress,
    });
    for (const f of manifest.files) {
      const path = chain.locate(f);
      let data: Buffer | undefined;
      try {
        data = readFileSync(path);
      } catch {
        const where = f.in === undefined ? '' : ` (inherited from ${f.in})`;
        problems.push({ path: f.path, problem: 'missing', message: `missing from the backup${where}` });
      }
      if (data !== undefined) {
        bytes += data.length;
        if (data.length !== f.size) {
          problems.push({
            path: f.path,
            problem: 'size',
            message: `is ${data.length} bytes, the manifest says ${f.size}`,
          });
        } else if (sha256(data) !== f.sha256) {
          problems.push({ path: f.path, problem: 'sha256', message: 'sha256 differs from the manifest' });
        }
        if (f.kind === 'whisper') {
          const result = checkFile(path);
          if (!result.ok) {
            const message = result.problems.map((p) => `${p.message} (${p.code})`).join('; ');
            problems.push({ path: f.path, problem: 'check', message });
          }
        }
      }
      progress.tick();
    }
    progress.finish();
    return {
      id: manifest.id,
      chain: chain.ids,
      startTime: manifest.startTime,
      endTime: manifest.endTime,
      files: manifest.files.length,
      bytes,
      ok: problems.length === 0,
      problems,
    };
  } finally {
    reader.close();
  }
}
