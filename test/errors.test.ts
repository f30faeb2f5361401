// Keeps the error tables honest: every code is its own key, docs/errors.md lists each code and no other.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { STORAGE_ERRORS, StorageError, type StorageErrorCode } from '../storage/errors.js';

const docs = readFileSync(join(import.meta.dirname, '../docs/errors.md'), 'utf8');
const codes = Object.keys(STORAGE_ERRORS) as StorageErrorCode[];

test('every storage error carries its own key as code', () => {
  for (const code of codes) expect(new StorageError(code, 'x').code).toBe(code);
});

test('docs/errors.md documents every code with an anchor', () => {
  for (const code of codes) {
    expect(docs).toContain(`<a id="${code.toLowerCase()}"></a>\`${code}\``);
  }
});

test('docs/errors.md lists no code that does not exist', () => {
  const documented = [...docs.matchAll(/`((?:STORAGE|RENDER|CONFIG|SERVER)_ERR_[A-Z_]+)`/g)].map((m) => m[1]);
  expect(documented.length).toBeGreaterThanOrEqual(codes.length);
  for (const code of documented) expect(codes).toContain(code);
});
