// `carbonado serve` failures a user meets first: a bad setting names the key, a busy port names the
// listener; and the server's own self-metrics arrive like any series; many clients at once.
import { existsSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { fetch } from '../../storage/index.js';
import type { App } from '../../src/app.js';
import { run } from '../../src/cli/main.js';
import { makeDirs, serveArgs, startApp, waitFor } from './harness.js';

let app: App | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

async function serve(argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const code = await run(['serve', ...argv], {
    stdout: () => undefined,
    stderr: (t) => (stderr += t + '\n'),
  });
  return { code, stderr };
}

test('an unknown or invalid setting stops serve with a message naming the key', async () => {
  const dirs = makeDirs();
  const bogus = await serve([...serveArgs(dirs), '--set', 'cache.bogus=1']);
  expect(bogus.code).toBe(1);
  expect(bogus.stderr).toContain('cache.bogus');
  expect(bogus.stderr).toContain('CONFIG_ERR_INVALID');
  const negative = await serve([...serveArgs(dirs), '--set', 'cache.maxSize=-5']);
  expect(negative.stderr).toContain('cache.maxSize');
});

test('a port already in use stops serve with SERVER_ERR_LISTEN naming the listener and port', async () => {
  const dirs = makeDirs();
  const blocker = createServer().listen(0, '127.0.0.1');
  await new Promise((r) => blocker.once('listening', r));
  const port = (blocker.address() as { port: number }).port;
  try {
    const res = await serve([...serveArgs(dirs), '--line-port', String(port), '--set', 'line.udp=false']);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('SERVER_ERR_LISTEN');
    expect(res.stderr).toContain(`127.0.0.1:${port}`);
  } finally {
    blocker.close();
  }
});

test('self-metrics are written as carbon.agents.<host>-<instance>.* series', async () => {
  const dirs = makeDirs();
  app = await startApp(dirs, ['--set', 'selfMetrics.intervalSeconds=1']);
  app.accept(['some.metric'], [Math.floor(Date.now() / 1000)], [1]);
  const host = hostname().replaceAll('.', '_');
  const file = join(dirs.whisperDir, 'carbon', 'agents', `${host}-a`, 'metricsReceived.wsp');
  await waitFor(() => existsSync(file), 15_000);
  for (const name of ['committedPoints', 'cache/size', 'memUsage', 'cpuUsage', 'wal/segments']) {
    await waitFor(
      () => existsSync(join(dirs.whisperDir, 'carbon', 'agents', `${host}-a`, `${name}.wsp`)),
      15_000,
    );
  }
  const now = Math.floor(Date.now() / 1000);
  const mem = fetch(
    join(dirs.whisperDir, 'carbon', 'agents', `${host}-a`, 'memUsage.wsp'),
    now - 300,
    now,
    now,
  );
  expect(mem?.values.some((v) => v !== null && v > 10_000_000)).toBe(true);
});

test('a thousand concurrent connections each deliver their points', async () => {
  const dirs = makeDirs();
  app = await startApp(dirs);
  const port = app.ports.line!;
  const t = Math.floor(Date.now() / 1000) - 60;
  const sockets = await Promise.all(
    Array.from(
      { length: 1000 },
      () =>
        new Promise<ReturnType<typeof connect>>((resolve, reject) => {
          const s = connect(port, '127.0.0.1', () => resolve(s));
          s.on('error', reject);
        }),
    ),
  );
  await Promise.all(
    sockets.map(
      (s, i) =>
        new Promise<void>((resolve) => {
          s.on('close', () => resolve());
          s.end(`many.c${i % 100}.n${Math.floor(i / 100)} ${i} ${t}\n`);
        }),
    ),
  );
  await waitFor(() => app!.counters.metricsReceived === 1000);
  await waitFor(() => app!.cache.size + app!.cache.inflightSize === 0, 20_000);
  expect(existsSync(join(dirs.whisperDir, 'many', 'c42', 'n7.wsp'))).toBe(true);
});
