// Deleting series through the admin API and the CLI verb, and the retirement sweep.
import { existsSync, mkdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { create } from '../../storage/index.js';
import type { App } from '../../src/app.js';
import { run } from '../../src/cli/main.js';
import { type Dirs, makeDirs, startApp } from '../server/harness.js';

let app: App | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

function series(dirs: Dirs, name: string): string {
  const file = join(dirs.whisperDir, ...name.split('.')) + '.wsp';
  mkdirSync(join(file, '..'), { recursive: true });
  create(file, [{ secondsPerPoint: 60, points: 60 }]);
  return file;
}

test('the admin routes do not exist without a token, and refuse a wrong one', async () => {
  app = await startApp(makeDirs());
  expect((await app.http.inject({ method: 'DELETE', url: '/admin/series?name=a' })).statusCode).toBe(404);
  await app.stop();
  app = await startApp(makeDirs(), ['--set', 'admin.token=s3cret']);
  const res = await app.http.inject({
    method: 'DELETE',
    url: '/admin/series?name=a',
    headers: { authorization: 'Bearer wrong' },
  });
  expect(res.statusCode).toBe(401);
});

test('carbonado delete removes the file, the index entry and cached points of a series', async () => {
  const dirs = makeDirs();
  const file = series(dirs, 'old.metric');
  series(dirs, 'kept.metric');
  app = await startApp(dirs, ['--set', 'admin.token=s3cret']);
  await app.rescan();
  app.accept(['old.metric'], [Math.floor(Date.now() / 1000)], [1]);
  let out = '';
  const code = await run(
    [
      'delete',
      '--url',
      `http://127.0.0.1:${app.ports.http}`,
      '--token',
      's3cret',
      'old.metric',
      'never.there',
    ],
    { stdout: (t) => (out += t + '\n'), stderr: (t) => (out += t + '\n') },
  );
  expect(code).toBe(0);
  expect(out).toContain('deleted old.metric');
  expect(out).toContain('no file for never.there');
  expect(existsSync(file)).toBe(false);
  expect(app.cache.pending('old.metric').timestamps).toEqual([]);
  expect(await app.index!.get('old.metric')).toBeUndefined();
  expect(await app.index!.get('kept.metric')).toBeDefined();
});

test('the sweep retires series whose file was not written for retireAfterDays', async () => {
  const dirs = makeDirs();
  const stale = series(dirs, 'stale.metric');
  const fresh = series(dirs, 'fresh.metric');
  const old = new Date(Date.now() - 40 * 86_400_000);
  utimesSync(stale, old, old);
  app = await startApp(dirs, ['--set', 'index.retireAfterDays=30']);
  await app.rescan();
  expect(await app.sweep()).toEqual(['stale.metric']);
  expect([existsSync(stale), existsSync(fresh)]).toEqual([false, true]);
  expect(await app.index!.get('stale.metric')).toBeUndefined();
});
