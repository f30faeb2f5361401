// UDP datagrams: Python splitlines() boundaries, per-line limits and bad UTF-8, and agreement with carbon's
// MetricDatagramReceiver on 400 random datagrams (test/fixtures/ingest/carbon-lines.json).
import { describe, expect, test } from 'vitest';
import { parseDatagram } from '../../src/ingest/line-protocol.js';
import { normalizeMetricName } from '../../src/ingest/metric-name.js';
import {
  type CarbonOutcome,
  FIXTURE_NOW,
  RecordingSink,
  compareWithCarbon,
  readFixture,
} from './recording-sink.js';

function parse(datagram: Buffer | string, maxLineLength = 16384): RecordingSink {
  const sink = new RecordingSink();
  parseDatagram(Buffer.isBuffer(datagram) ? datagram : Buffer.from(datagram), {
    maxLineLength,
    now: () => FIXTURE_NOW,
    sink,
  });
  return sink;
}

describe('parseDatagram', () => {
  test('splits lines where Python splitlines() does', () => {
    const text =
      'a 1 1\nb 2 2\r\nc 3 3\rd 4 4\ve 5 5\ff 6 6\x1cg 7 7\x1dh 8 8\x1ei 9 9\x85j 0 0\u2028k 1 1\u2029l 2 2';
    expect(parse(text).summary.map((e) => (typeof e === 'string' ? e : e[0]))).toEqual([...'abcdefghijkl']);
  });

  test('\\x1f and other whitespace separate fields but not lines', () => {
    expect(parse('a\x1f1\u30002\n').summary).toEqual([['a', 2, 1]]);
  });

  test('an empty line is a rejected line, but a final newline does not make one', () => {
    expect(parse('a 1 1\n\nb 2 2\n').summary).toEqual([['a', 1, 1], 'fields', ['b', 2, 2]]);
    expect(parse('a 1 1\u2028').summary).toEqual([['a', 1, 1]]);
    expect(parse('a 1 1\u2028\n').summary).toEqual([['a', 1, 1], 'fields']);
    expect(parse('').summary).toEqual([]);
    expect(parse('\n').summary).toEqual(['fields']);
  });

  test('a line that is not UTF-8 costs only that line (carbon loses the whole datagram)', () => {
    expect(parse(Buffer.from('a 1 2\n\xff 1 2\nb 3 4\n', 'latin1')).summary).toEqual([
      ['a', 2, 1],
      'utf8',
      ['b', 4, 3],
    ]);
  });

  test('each line is held to maxLineLength', () => {
    expect(parse(`a 1 2\n${'x'.repeat(30)} 1 2\nb 3 4`, 20).summary).toEqual([
      ['a', 2, 1],
      'too-long',
      ['b', 4, 3],
    ]);
  });

  test('a final line without a newline counts: a datagram is complete', () => {
    expect(parse('a 1 2').summary).toEqual([['a', 2, 1]]);
  });
});

describe('agreement with carbon on 400 random datagrams', () => {
  type Datagram = { hex: string; lines: CarbonOutcome[] | null; whole: CarbonOutcome };
  const { datagrams } = readFixture<{ datagrams: Datagram[] }>('carbon-lines.json');
  const nameRejected = (metric: string) => !normalizeMetricName(metric).ok;
  const split = datagrams.filter((d): d is Datagram & { lines: CarbonOutcome[] } => d.lines !== null);

  test('we see the lines carbon sees, one outcome each, and each agrees with carbon', () => {
    const results = split.map((d) => ({ d, events: parse(Buffer.from(d.hex, 'hex')).events }));
    expect(results.filter(({ d, events }) => events.length !== d.lines.length)).toEqual([]);
    const disagree = results.flatMap(({ d, events }) =>
      d.lines
        .map((carbon, i) => ({ hex: d.hex, i, ours: events[i], carbon }))
        .filter(({ ours, carbon }) => compareWithCarbon(ours, carbon, nameRejected) !== undefined),
    );
    expect(disagree).toEqual([]);
    expect(split.length).toBeGreaterThan(350);
  });

  test('where carbon gave up on the whole datagram, we still keep the good lines', () => {
    const undecodable = datagrams.filter((d) =>
      d.whole.some((o) => 'exception' in o && o.exception === 'UnicodeDecodeError'),
    );
    expect(undecodable.length).toBeGreaterThan(0);
    for (const d of undecodable) expect(parse(Buffer.from(d.hex, 'hex')).summary).toContain('utf8');
  });
});
