// `carbonado resize --schemas --url` while the server ingests over TCP: every point sent is readable
// afterwards with the new retention, readers never hit a half-written file, and `carbonado check` passes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { fetch, info } from '../../storage/index.js';
import type { App } from '../../src/app.js';
import { runCheck } from '../../src/cli/commands/check.js';
import { runResize } from '../../src/cli/commands/resize.js';
import type { CliIo } from '../../src/cli/io.js';
import { type Dirs, makeDirs, sendTcp, startApp, waitFor } from '../server/harness.js';

const TOKEN = 's3cret';
const METRICS = 300;
const NOW = Math.floor(Date.now() / 1000);
const BASE = NOW - 6 * 3600 - (NOW % 60);
const names = Array.from({ length: METRICS }, (_, i) => `live.m${i}.value`);

let app: App | undefined;
afterAll(async () => {
  await app?.stop();
});

function quietIo(out: string[]): CliIo {
  return { stdout: (t) => out.push(t), stderr: (t) => out.push(t) };
}

/** Round k: one point per metric, in minute slot k (distinct per round), value i*1000+k. */
const round = (k: number) => names.map((n, i) => `${n} ${i * 1000 + k} ${BASE + k * 60}\n`).join('');

describe('resize --schemas --url during ingest', () => {
  test('loses no accepted point, tears no file, and leaves every file passing check', async () => {
    const dirs: Dirs = makeDirs('[default]\npattern = .*\nretentions = 1m:1d\n');
    app = await startApp(dirs, ['--set', `admin.token=${TOKEN}`]);
    const port = app.ports.line as number;
    await sendTcp(port, round(0));
    const live = app;
    await waitFor(
      () => live.persisterStats.creates === METRICS && live.cache.size + live.cache.inflightSize === 0,
    );

    writeFileSync(
      join(dirs.confDir, 'storage-schemas.conf'),
      '[default]\npattern = .*\nretentions = 1m:2d,10m:30d\n',
    );
    const out: string[] = [];
    let resizing = true;
    const resize = Promise.resolve(
      runResize(
        [
          '--schemas',
          '--url',
          `http://127.0.0.1:${app.ports.http}`,
          '--token',
          TOKEN,
          '--data-dir',
          dirs.dataDir,
          '--conf-dir',
          dirs.confDir,
          '--jobs',
          '4',
        ],
        quietIo(out),
      ),
    ).finally(() => (resizing = false));

    // Writers and readers while the resize runs (bounded: at most 400 rounds).
    let rounds = 1;
    let readErrors = 0;
    let reads = 0;
    while ((resizing || rounds < 10) && rounds < 400) {
      await sendTcp(port, round(rounds++));
      for (let i = 0; i < METRICS; i += 7) {
        try {
          fetch(join(dirs.whisperDir, `live/m${i}/value.wsp`), BASE - 60, NOW, NOW);
          reads++;
        } catch {
          readErrors++;
        }
      }
    }
    expect(await resize, out.join('\n')).toBe(0);
    expect(out.join('\n')).toMatch(new RegExp(`changed ${METRICS} files \\(${METRICS} rewritten`));
    await waitFor(() => live.cache.size + live.cache.inflightSize === 0);
    await app.stop();
    app = undefined;
    expect(rounds).toBeGreaterThan(1);
    expect(readErrors).toBe(0);
    expect(reads).toBeGreaterThan(0);

    for (let i = 0; i < METRICS; i++) {
      const path = join(dirs.whisperDir, `live/m${i}/value.wsp`);
      expect(info(path).archives.map((a) => [a.secondsPerPoint, a.points])).toEqual([
        [60, 2880],
        [600, 4320],
      ]);
      const r = fetch(path, BASE - 60, BASE + rounds * 60, NOW);
      const got = new Map<number, number | null>();
      r?.values.forEach((v, k) => got.set((r.fromInterval as number) + k * 60, v));
      for (let k = 0; k < rounds; k++)
        expect(got.get(BASE + k * 60), `${names[i]} round ${k}`).toBe(i * 1000 + k);
    }
    const checked: string[] = [];
    expect(runCheck([dirs.whisperDir], quietIo(checked), { progress: { write: () => {} } })).toBe(0);
  }, 120_000);
});
