// Keeps the error tables honest: every code is its own key, docs/errors.md lists each code and no other.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { AppError, ConfigError, SERVER_ERRORS, type ServerErrorCode, listenError } from '../src/errors.js';
import { RENDER_ERRORS, RenderError, type RenderErrorCode } from '../render/errors.js';
import { STORAGE_ERRORS, StorageError, type StorageErrorCode } from '../storage/errors.js';

const docs = readFileSync(join(import.meta.dirname, '../docs/errors.md'), 'utf8');
const codes = Object.keys(STORAGE_ERRORS) as StorageErrorCode[];
const serverCodes = Object.keys(SERVER_ERRORS) as ServerErrorCode[];
const renderCodes = Object.keys(RENDER_ERRORS) as RenderErrorCode[];

test('every storage error carries its own key as code', () => {
  for (const code of codes) expect(new StorageError(code, 'x').code).toBe(code);
});

test('every render error carries its own key as code and a context', () => {
  for (const code of renderCodes) {
    const err = new RenderError(code, 'x', { context: { pos: 3 } });
    expect([err.code, err.name, err.context]).toEqual([code, 'RenderError', { pos: 3 }]);
  }
});

test('every server error carries its own key as code', () => {
  for (const code of serverCodes) expect(new AppError(code, 'x').code).toBe(code);
});

test('config errors are app errors with a CONFIG_ERR code, a context and a cause', () => {
  const cause = new Error('inner');
  const err = new ConfigError('CONFIG_ERR_FILE', 'x', { cause, context: { file: 'a.yaml' } });
  expect(err).toBeInstanceOf(AppError);
  expect([err.name, err.code, err.cause, err.context]).toEqual([
    'ConfigError',
    'CONFIG_ERR_FILE',
    cause,
    { file: 'a.yaml' },
  ]);
  expect(serverCodes.filter((code) => code.startsWith('CONFIG_ERR_'))).toEqual([
    'CONFIG_ERR_INVALID',
    'CONFIG_ERR_FILE',
  ]);
});

test('no code appears in two tables', () => {
  for (const code of serverCodes) expect(codes).not.toContain(code);
  for (const code of renderCodes) expect([...codes, ...serverCodes]).not.toContain(code);
});

test('docs/errors.md documents every code with an anchor', () => {
  for (const code of [...codes, ...serverCodes, ...renderCodes]) {
    expect(docs).toContain(`<a id="${code.toLowerCase()}"></a>\`${code}\``);
  }
});

test('docs/errors.md lists no code that does not exist', () => {
  const all: string[] = [...codes, ...serverCodes, ...renderCodes];
  const documented = [...docs.matchAll(/`((?:STORAGE|RENDER|CONFIG|SERVER)_ERR_[A-Z_]+)`/g)].map((m) => m[1]);
  expect(documented.length).toBeGreaterThanOrEqual(all.length);
  for (const code of documented) expect(all).toContain(code);
});

test('listenError names the listener, the address, the port and what the errno means', () => {
  const inUse = Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' });
  const err = listenError(inUse, 'plaintext TCP', '127.0.0.1', 2003);
  expect([err.code, err.message, err.cause]).toEqual([
    'SERVER_ERR_LISTEN',
    'plaintext TCP listener cannot bind 127.0.0.1:2003: address already in use (EADDRINUSE)',
    inUse,
  ]);
  expect(err.context).toEqual({
    listener: 'plaintext TCP',
    address: '127.0.0.1',
    port: 2003,
    errno: 'EADDRINUSE',
  });
});

test('listenError brackets IPv6 addresses and falls back to the system message for other errors', () => {
  const odd = Object.assign(new Error('bind EINVAL'), { code: 'EINVAL' });
  expect(listenError(odd, 'pickle', '::1', 2004).message).toBe(
    'pickle listener cannot bind [::1]:2004: bind EINVAL (EINVAL)',
  );
  expect(listenError('boom', 'http', '::', 80).message).toBe('http listener cannot bind [::]:80: boom');
});
