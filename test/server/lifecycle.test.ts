// carbonado serve as a real process: SIGTERM flushes everything and exits 0; kill -9 during sustained
// ingest loses nothing that was accepted more than one fsync interval before the kill.
import { existsSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { fetch } from '../../storage/index.js';
import { type Dirs, makeDirs, sendTcp, spawnServer, waitFor } from './harness.js';

const now = () => Math.floor(Date.now() / 1000);
const wsp = (dirs: Dirs, name: string) => join(dirs.whisperDir, ...name.split('.')) + '.wsp';

function values(dirs: Dirs, name: string, from: number, until: number): (number | null)[] {
  if (!existsSync(wsp(dirs, name))) return [];
  return fetch(wsp(dirs, name), from, until, now())?.values ?? [];
}

test('SIGTERM stops the listeners, flushes the cache to the files, empties the WAL and exits 0', async () => {
  const dirs = makeDirs();
  const server = await spawnServer(dirs);
  const t = now() - 600;
  const lines: string[] = [];
  for (let m = 0; m < 200; m++) for (let k = 0; k < 5; k++) lines.push(`flush.m${m} ${m + k} ${t + k * 60}`);
  await sendTcp(server.ports.line, lines.join('\n') + '\n');
  server.child.kill('SIGTERM');
  expect(await server.exited).toBe(0);
  for (const m of [0, 99, 199]) {
    expect(values(dirs, `flush.m${m}`, t - 60, t + 300).filter((v) => v !== null)).toEqual([
      m,
      m + 1,
      m + 2,
      m + 3,
      m + 4,
    ]);
  }
  expect(readdirSync(dirs.walDir)).toEqual([]);
  expect(server.output()).toContain('cache flushed');
});

test('kill -9 during sustained ingest loses no point accepted more than one fsync interval before', async () => {
  const dirs = makeDirs();
  const fsyncMs = 500;
  const args = ['--set', `wal.fsyncIntervalMs=${fsyncMs}`, '--set', 'persister.maxCreatesPerMinute=600'];
  // The first server writes slowly (20 updates/s), so at the kill most points exist only in its WAL.
  const first = await spawnServer(dirs, [...args, '--set', 'persister.maxUpdatesPerSecond=20']);
  // One connection, one line every ~2 ms for 3 s: metric i gets value i; remember when each line was sent.
  const base = now() - 3600;
  const sentAt: number[] = [];
  const socket = connect(first.ports.line, '127.0.0.1');
  await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
  socket.on('error', () => undefined);
  const started = Date.now();
  let i = 0;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      for (let burst = 0; burst < 5; burst++, i++) {
        socket.write(`crash.m${i % 300} ${i} ${base + Math.floor(i / 300) * 60}\n`);
        sentAt.push(Date.now());
      }
      if (Date.now() - started > 3000) {
        clearInterval(timer);
        resolve();
      }
    }, 2);
  });
  const killedAt = Date.now();
  first.child.kill('SIGKILL');
  await first.exited;
  socket.destroy();
  // Every line sent more than fsync interval + 500 ms (loopback and parse latency) before the kill.
  const safe = sentAt.filter((at) => at < killedAt - fsyncMs - 500).length;
  expect(safe).toBeGreaterThan(500);

  const missing = () => {
    const lost: number[] = [];
    for (let k = 0; k < safe; k++) {
      const ts = base + Math.floor(k / 300) * 60;
      const v = values(dirs, `crash.m${k % 300}`, ts - 600, ts); // the last slot is ts's interval
      if (v[v.length - 1] !== k) lost.push(k);
    }
    return lost;
  };
  // Without the WAL these would be gone.
  expect(missing().length).toBeGreaterThan(safe / 2);

  const second = await spawnServer(dirs, args);
  second.child.kill('SIGTERM');
  expect(await second.exited).toBe(0);
  expect(missing()).toEqual([]);
  expect(second.output()).toContain('write-ahead log replayed');
});

test('SIGHUP reloads storage-schemas.conf: new files get the new retention', async () => {
  const dirs = makeDirs('[all]\npattern = .*\nretentions = 60s:1d\n');
  const server = await spawnServer(dirs);
  const t = now() - 120;
  await sendTcp(server.ports.line, `before.reload 1 ${t}\n`);
  await waitFor(() => existsSync(wsp(dirs, 'before.reload')));
  const { writeFileSync } = await import('node:fs');
  writeFileSync(join(dirs.confDir, 'storage-schemas.conf'), '[all]\npattern = .*\nretentions = 10s:1h\n');
  server.child.kill('SIGHUP');
  await waitFor(() => server.output().includes('storage schemas reloaded'));
  await sendTcp(server.ports.line, `after.reload 1 ${t}\n`);
  await waitFor(() => existsSync(wsp(dirs, 'after.reload')));
  server.child.kill('SIGTERM');
  expect(await server.exited).toBe(0);
  const { info } = await import('../../storage/index.js');
  expect(info(wsp(dirs, 'before.reload')).archives[0]?.secondsPerPoint).toBe(60);
  expect(info(wsp(dirs, 'after.reload')).archives[0]?.secondsPerPoint).toBe(10);
});

test('a flush cut short by shutdown.flushTimeoutMs exits 1 promptly and the WAL brings the rest back', async () => {
  const dirs = makeDirs();
  const first = await spawnServer(dirs, [
    '--set',
    'shutdown.flushTimeoutMs=1',
    '--set',
    'persister.maxCreatesPerMinute=0',
  ]);
  const t = now() - 600;
  const lines = Array.from({ length: 3000 }, (_, m) => `timeout.m${m} ${m} ${t}`);
  await sendTcp(first.ports.line, lines.join('\n') + '\n');
  await waitFor(() => first.output().length > 0 && readdirSync(dirs.walDir).length > 0);
  const stoppedAt = Date.now();
  first.child.kill('SIGTERM');
  expect(await first.exited).toBe(1);
  expect(Date.now() - stoppedAt).toBeLessThan(15_000);
  const second = await spawnServer(dirs);
  second.child.kill('SIGTERM');
  expect(await second.exited).toBe(0);
  for (const m of [0, 1234, 2999]) expect(values(dirs, `timeout.m${m}`, t - 600, t).at(-1)).toBe(m);
});
