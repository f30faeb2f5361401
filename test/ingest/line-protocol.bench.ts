// Plaintext parser throughput, not a test: `node --import tsx test/ingest/line-protocol.bench.ts [lines]`.
// Feeds typical carbon lines in 64 KiB chunks (as a socket delivers them) through LineParser into a sink that
// only counts, and prints lines/s and MB/s for the best of five runs.
import { LineParser, type PointSink } from '../../src/ingest/line-protocol.js';

const LINES = Number(process.argv[2] ?? 2_000_000);
const CHUNK = 64 * 1024;
const METRICS = ['cpu.user', 'cpu.system', 'cpu.idle', 'memory.used', 'disk.sda.reads', 'net.eth0.rx_bytes'];

function makeStream(lines: number): Buffer {
  const parts: string[] = [];
  for (let i = 0; i < lines; i++) {
    const host = `host${String(i % 1000).padStart(3, '0')}`;
    const value = i % 3 === 0 ? String(i % 100) : ((i % 10000) / 8).toFixed(3);
    parts.push(`servers.${host}.${METRICS[i % METRICS.length]} ${value} ${1700000000 + (i % 3600)}\n`);
  }
  return Buffer.from(parts.join(''));
}

function run(stream: Buffer): { seconds: number; points: number; rejects: number } {
  let points = 0;
  let rejects = 0;
  const sink: PointSink = {
    point: () => void points++,
    reject: () => void rejects++,
  };
  const parser = new LineParser({ maxLineLength: 16384, now: () => Date.now() / 1000, sink });
  const start = process.hrtime.bigint();
  for (let at = 0; at < stream.length; at += CHUNK) parser.push(stream.subarray(at, at + CHUNK));
  parser.end();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, points, rejects };
}

const stream = makeStream(LINES);
const runs = Array.from({ length: 5 }, () => run(stream));
const best = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
if (best.points !== LINES || best.rejects !== 0)
  throw new Error(`parsed ${best.points} points, ${best.rejects} rejects`);
const perSecond = (n: number) => Math.round(n / best.seconds);
console.log(
  `${LINES} lines, ${(stream.length / 1e6).toFixed(1)} MB (${(stream.length / LINES).toFixed(1)} B/line): ` +
    `${(perSecond(LINES) / 1e6).toFixed(2)}M lines/s, ${(perSecond(stream.length) / 1e6).toFixed(0)} MB/s ` +
    `(best of ${runs.length}: ${runs.map((r) => r.seconds.toFixed(3)).join(' ')} s)`,
);
