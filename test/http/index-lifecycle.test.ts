// The metric index in the running server: first-start scan of an existing whisper tree, series created by
// ingest (plain and tagged) become findable, and a restart reuses the index without scanning again.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { create } from '../../storage/index.js';
import type { App } from '../../src/app.js';
import { makeDirs, sendTcp, startApp, waitFor } from '../server/harness.js';

let app: App | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

const json = async (url: string) =>
  JSON.parse((await app!.http.inject({ method: 'GET', url })).body) as unknown;

test('an existing Graphite whisper tree is indexed on first start, in the background', async () => {
  const dirs = makeDirs();
  for (let h = 0; h < 20; h++) {
    const file = join(dirs.whisperDir, 'legacy', `host${h}`, 'load.wsp');
    mkdirSync(join(file, '..'), { recursive: true });
    create(file, [{ secondsPerPoint: 60, points: 10 }]);
  }
  app = await startApp(dirs);
  await waitFor(
    async () =>
      ((await json('/metrics/expand?query=legacy.*.load')) as { results: string[] }).results.length === 20,
  );
  await waitFor(() => existsSync(join(dirs.dataDir, 'index-scan.json')));
  expect(JSON.parse(readFileSync(join(dirs.dataDir, 'index-scan.json'), 'utf8'))).toEqual({ complete: true });
});

test('series created by ingest are findable, tagged ones through the tag API', async () => {
  const dirs = makeDirs();
  app = await startApp(dirs);
  const t = Math.floor(Date.now() / 1000) - 60;
  await sendTcp(
    app.ports.line!,
    `plain.metric.one 1 ${t}\ncpu.load;host=web1;dc=eu 2 ${t}\ncpu.load{host="web2"} 3 ${t}\n`,
  );
  await waitFor(async () => ((await json('/tags/findSeries?expr=name=cpu.load')) as string[]).length === 2);
  expect(await json('/tags/findSeries?expr=name=cpu.load')).toEqual([
    'cpu.load;dc=eu;host=web1',
    'cpu.load;host=web2',
  ]);
  expect(await json('/tags/autoComplete/values?tag=host')).toEqual(['web1', 'web2']);
  await waitFor(async () => ((await json('/metrics/find?query=plain.metric.*')) as unknown[]).length === 1);
  expect(existsSync(join(dirs.whisperDir, '_tagged'))).toBe(true);
});

test('a restart reuses the index: no new scan, everything still findable', async () => {
  const dirs = makeDirs();
  app = await startApp(dirs);
  app.accept(['kept.after.restart'], [Math.floor(Date.now() / 1000)], [1]);
  await waitFor(async () => ((await json('/metrics/find?query=kept.after.*')) as unknown[]).length === 1);
  await app.stop();
  rmSync(join(dirs.whisperDir, 'kept'), { recursive: true }); // the index, not a scan, must answer
  const started = Date.now();
  app = await startApp(dirs);
  expect(Date.now() - started).toBeLessThan(5000);
  expect(await json('/metrics/find?query=kept.after.*')).toEqual([
    { text: 'restart', id: 'kept.after.restart', allowChildren: 0, expandable: 0, leaf: 1 },
  ]);
  // A rescan (SIGHUP) reconciles: the file is gone, so the series leaves the index.
  await app.rescan();
  expect(await json('/metrics/find?query=kept.after.*')).toEqual([]);
});
