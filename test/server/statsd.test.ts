// A real client: Etsy's statsd daemon (npm statsd 0.9.0, installed by .ci/run into .ci/peers) flushes to
// carbonado's plaintext port, and its counters, gauges and timers arrive in whisper files.
import { type ChildProcess, spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { fetch } from '../../storage/index.js';
import type { App } from '../../src/app.js';
import { ROOT, makeDirs, sendUdp, startApp, waitFor } from './harness.js';

const STATSD = [
  join(ROOT, '.ci/peers/node_modules/statsd/stats.js'),
  join(process.env.HOME ?? '/root', '.cache/peers/statsd/node_modules/statsd/stats.js'),
].find((p) => existsSync(p));

test('statsd is installed wherever CI runs', () => {
  expect(STATSD !== undefined || process.env.CI === undefined).toBe(true);
});

function freePort(udp: boolean): Promise<number> {
  return new Promise((resolve) => {
    if (udp) {
      const s = createSocket('udp4');
      s.bind(0, '127.0.0.1', () => {
        const { port } = s.address();
        s.close(() => resolve(port));
      });
    } else {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as { port: number };
        s.close(() => resolve(port));
      });
    }
  });
}

let app: App | undefined;
let statsd: ChildProcess | undefined;
afterEach(async () => {
  statsd?.kill('SIGTERM');
  await app?.stop();
});

test.skipIf(STATSD === undefined)('statsd flushes counters, gauges and timers into carbonado', async () => {
  const dirs = makeDirs('[all]\npattern = .*\nretentions = 1s:10m,1m:1d\n');
  app = await startApp(dirs);
  const udp = await freePort(true);
  const config = join(dirs.root, 'statsd-config.js');
  writeFileSync(
    config,
    JSON.stringify({
      address: '127.0.0.1',
      port: udp,
      mgmt_address: '127.0.0.1',
      mgmt_port: await freePort(false),
      graphiteHost: '127.0.0.1',
      graphitePort: app.ports.line,
      graphiteProtocol: 'text',
      flushInterval: 500,
      backends: ['./backends/graphite'],
    }),
  );
  statsd = spawn(process.execPath, [STATSD as string, config], {
    cwd: join(STATSD as string, '..'),
    stdio: 'ignore',
  });
  // statsd needs a moment to bind its UDP port; resend until the flushed counter shows up.
  const wsp = (name: string) => join(dirs.whisperDir, ...name.split('.')) + '.wsp';
  const latest = (name: string) => {
    if (!existsSync(wsp(name))) return [];
    const now = Math.floor(Date.now() / 1000);
    return fetch(wsp(name), now - 60, now, now)?.values.filter((v): v is number => v !== null) ?? [];
  };
  await waitFor(async () => {
    await sendUdp(udp, 'app.requests:5|c\napp.load:3.5|g\napp.latency:120|ms\napp.latency:80|ms');
    await new Promise((r) => setTimeout(r, 300));
    return (
      latest('stats_counts.app.requests').includes(5) && latest('stats.timers.app.latency.upper').length > 0
    );
  }, 30_000);
  expect(latest('stats.gauges.app.load')).toContain(3.5);
  expect(latest('stats.timers.app.latency.upper')).toContain(120);
  expect(latest('stats.timers.app.latency.lower')).toContain(80);
  expect(latest('stats_counts.statsd.metrics_received').length).toBeGreaterThan(0);
  expect(existsSync(wsp('statsd.numStats'))).toBe(true);
});
