// Shared by the storage/retention tests: capture the StorageError a call throws, and temp conf dirs.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StorageError } from '../../../storage/errors.js';

/** The StorageError `fn` throws; anything else (or nothing) fails the test with a clear message. */
export function storageError(fn: () => unknown): StorageError {
  try {
    fn();
  } catch (err) {
    if (err instanceof StorageError) return err;
    throw new Error(`expected a StorageError, got ${String(err)}`, { cause: err });
  }
  throw new Error('expected a StorageError, nothing was thrown');
}

/** The StorageError a promise rejects with. */
export async function rejection(promise: Promise<unknown>): Promise<StorageError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof StorageError) return err;
    throw new Error(`expected a StorageError, got ${String(err)}`, { cause: err });
  }
  throw new Error('expected a StorageError, the promise resolved');
}

/** `{ ok }` or `{ code }`: lets a table compare outcomes with one assertion. */
export function outcome<T>(fn: () => T): { ok: T } | { code: string } {
  try {
    return { ok: fn() };
  } catch (err) {
    if (err instanceof StorageError) return { code: err.code };
    throw err;
  }
}

/** A fresh temp directory holding `files` (name → content); `cleanup` removes it. */
export function confDir(files: Record<string, string | Buffer>): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'carbonado-retention-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
