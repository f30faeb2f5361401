// The synchronous fs calls the engine makes, behind one interface so tests can inject ENOSPC/EIO
// (whisper's test_create_write_ENOSPC does the same with mock). Sync calls: inside worker threads they cost
// ~1.5 µs per pwrite against ~50 µs for fs.promises (perf-reliability.md A.7).
import * as fs from 'node:fs';

export interface FileIo {
  openSync(path: string, flags: string, mode?: number): number;
  closeSync(fd: number): void;
  readSync(
    fd: number,
    buffer: NodeJS.ArrayBufferView,
    offset: number,
    length: number,
    position: number,
  ): number;
  writeSync(
    fd: number,
    buffer: NodeJS.ArrayBufferView,
    offset: number,
    length: number,
    position: number,
  ): number;
  fstatSync(fd: number): { size: number };
  ftruncateSync(fd: number, length: number): void;
  fsyncSync(fd: number): void;
  linkSync(existingPath: string, newPath: string): void;
  unlinkSync(path: string): void;
  existsSync(path: string): boolean;
}

export const nodeIo: FileIo = fs;
