// The synchronous fs calls the engine makes, behind one interface so tests can inject ENOSPC/EIO
// (whisper's test_create_write_ENOSPC does the same with mock). Sync calls: inside worker threads they cost
// ~1.5 µs per pwrite against ~50 µs for fs.promises (perf-reliability.md A.7).
import * as fs from 'node:fs';
import { createRequire } from 'node:module';

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
  /** posix_fallocate; absent when the optional native addon (native/fallocate) did not build. */
  fallocateSync?: (fd: number, offset: number, length: number) => void;
}

function loadFallocate(): FileIo['fallocateSync'] {
  try {
    const addon = createRequire(import.meta.url)('@carbonado/fallocate') as {
      fallocate: FileIo['fallocateSync'];
    };
    return addon.fallocate;
  } catch {
    return undefined;
  }
}

export const nodeIo: FileIo = {
  openSync: fs.openSync,
  closeSync: fs.closeSync,
  readSync: fs.readSync,
  writeSync: fs.writeSync,
  fstatSync: fs.fstatSync,
  ftruncateSync: fs.ftruncateSync,
  fsyncSync: fs.fsyncSync,
  linkSync: fs.linkSync,
  unlinkSync: fs.unlinkSync,
  existsSync: fs.existsSync,
  fallocateSync: loadFallocate(),
};

/** Whether `create(…, { fallocate: true })` really preallocates here (else it falls back as whisper does). */
export function canFallocate(io: FileIo = nodeIo): boolean {
  return io.fallocateSync !== undefined;
}
