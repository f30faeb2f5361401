// A hot backup of a real server (child process on 127.0.0.1) under sustained ingest, restored into a fresh
// data directory: every point accepted before the backup's start is there, and no file fails check.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { checkFile, fetch } from '../../storage/index.js';
import { runBackup } from '../../src/cli/commands/backup.js';
import { runRestore } from '../../src/cli/commands/restore.js';
import { makeDirs, sendTcp, spawnServer, startApp, waitFor } from '../server/harness.js';

const SCHEMAS = '[default]\npattern = .*\nretentions = 10s:1h\n';
const SERIES = 2000;
const dirs = [makeDirs(SCHEMAS), makeDirs(SCHEMAS)];
afterAll(() => dirs.forEach((d) => rmSync(d.root, { recursive: true, force: true })));

test('a backup taken during ingest restores every point accepted before it started', async () => {
  const [live, restored] = dirs as [ReturnType<typeof makeDirs>, ReturnType<typeof makeDirs>];
  // A slow persister keeps points in the cache (and WAL) for a while: the WAL copy has to carry them.
  const server = await spawnServer(live, ['--set', 'persister.maxUpdatesPerSecond=3000']);
  const base = Math.floor(Date.now() / 10_000) * 10 - 600;
  const round = (r: number) => {
    let text = '';
    for (let i = 0; i < SERIES; i++) text += `live.s${i % 20}.m${i} ${r * 1000 + i} ${base + r * 10}\n`;
    return sendTcp(server.ports.line, text);
  };
  try {
    // Accepted before the backup starts: round 0 on disk, rounds 1 and 2 partly still in the cache and WAL.
    await round(0);
    const fileOf = (i: number) => join(live.whisperDir, 'live', `s${i % 20}`, `m${i}.wsp`);
    await waitFor(
      () => Array.from({ length: SERIES }, (_, i) => i).every((i) => existsSync(fileOf(i))),
      20_000,
    );
    await round(1);
    await round(2);
    const started = Date.now();
    let stop = false;
    let sent = 3;
    const ingest = (async () => {
      while (!stop || Date.now() - started < 2000) {
        await round(sent++);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const out: string[] = [];
    const dest = join(live.root, 'backup');
    const code = await runBackup(
      ['--data-dir', live.dataDir, '--json', dest],
      { stdout: (t) => out.push(t), stderr: (t) => out.push(t) },
      { progress: { write: () => undefined, isTTY: false } },
    );
    stop = true;
    await ingest;
    expect(code, out.join('\n')).toBe(0);
    const summary = JSON.parse(out.join('\n'));
    expect(summary.startTime * 1000).toBeGreaterThanOrEqual(started);
    expect(summary.files).toBeGreaterThanOrEqual(SERIES);
    expect(sent).toBeGreaterThan(4); // ingest went on while the backup ran

    const manifest = JSON.parse(readFileSync(join(dest, 'manifest.json'), 'utf8'));
    expect(manifest.files.some((f: { kind: string }) => f.kind === 'wal')).toBe(true);

    const r = await runRestore(
      [dest, restored.dataDir],
      { stdout: (t) => out.push(t), stderr: (t) => out.push(t) },
      { progress: { write: () => undefined, isTTY: false } },
    );
    expect(r, out.join('\n')).toBe(0);
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }

  // Start a server on the restored directory: it replays the restored WAL, then stop() flushes it all.
  const app = await startApp(restored);
  await app.stop();
  const now = Math.floor(Date.now() / 1000);
  const missing: string[] = [];
  const corrupt: string[] = [];
  for (let i = 0; i < SERIES; i++) {
    const path = join(restored.whisperDir, 'live', `s${i % 20}`, `m${i}.wsp`);
    const result = checkFile(path);
    if (!result.ok) corrupt.push(`${path}: ${JSON.stringify(result.problems)}`);
    const got = fetch(path, base - 10, base + 30, now);
    for (let r = 0; r < 3; r++) {
      const slot = got === null ? undefined : got.values[(base + r * 10 - got.fromInterval) / got.step];
      if (slot !== r * 1000 + i) missing.push(`m${i}@round${r}=${slot}`);
    }
  }
  expect(corrupt).toEqual([]);
  expect(missing.slice(0, 10)).toEqual([]);
});
