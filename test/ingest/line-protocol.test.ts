// The plaintext protocol line by line: a table of good and bad lines with our outcome, each also checked
// against what the real carbon did with the same bytes (test/fixtures/ingest/carbon-lines.json).
import { describe, expect, test } from 'vitest';
import { type IngestErrorKind, LineParser } from '../../src/ingest/line-protocol.js';
import { normalizeMetricName } from '../../src/ingest/metric-name.js';
import {
  type CarbonOutcome,
  FIXTURE_NOW,
  RecordingSink,
  compareWithCarbon,
  readFixture,
} from './recording-sink.js';

const NOW = Math.trunc(FIXTURE_NOW);
const T = 1700000000;
type Want = [string, number, number] | IngestErrorKind;

/** Parses bytes as a TCP stream in one chunk. */
function parse(bytes: Buffer, maxLineLength = 16384): RecordingSink {
  const sink = new RecordingSink();
  const parser = new LineParser({ maxLineLength, now: () => FIXTURE_NOW, sink });
  parser.push(bytes);
  parser.end();
  return sink;
}

// Inputs are latin-1 strings standing for bytes, exactly as in generate.py's CURATED_LINES.
const LINES: [string, Want][] = [
  ['servers.host042.cpu.user 12.5 1700000000', ['servers.host042.cpu.user', T, 12.5]],
  ['a.b.c 1 1700000000.9', ['a.b.c', T, 1]],
  ['a.b.c -1.5e3 1700000000', ['a.b.c', T, -1500]],
  ['a.b.c +1 1700000000', ['a.b.c', T, 1]],
  ['a.b.c -0 1700000000', ['a.b.c', T, -0]],
  ['a.b.c 1_000 1_700_000_000', ['a.b.c', T, 1000]],
  ['a.b.c inf 1700000000', ['a.b.c', T, Infinity]],
  ['a.b.c -Infinity 1700000000', ['a.b.c', T, -Infinity]],
  ['a.b.c nan 1700000000', 'nan'],
  ['a.b.c NaN 1700000000', 'nan'],
  ['a.b.c 1 -1', ['a.b.c', NOW, 1]],
  ['a.b.c 1 -1.5', ['a.b.c', NOW, 1]],
  ['a.b.c 1 -2', 'timestamp'],
  ['a.b.c 1 4294967295', ['a.b.c', 4294967295, 1]],
  ['a.b.c 1 4294967296', 'timestamp'],
  ['a.b.c 1 inf', 'timestamp'],
  ['a.b.c 1 nan', 'timestamp'],
  ['a.b.c 1 1e3', ['a.b.c', 1000, 1]],
  ['a.b.c 0x10 1700000000', 'value'],
  ['a.b.c 1,5 1700000000', 'value'],
  ['a.b.c 1__0 1700000000', 'value'],
  ['a.b.c . 1700000000', 'value'],
  ['a.b.c 1e400 1700000000', ['a.b.c', T, Infinity]],
  ['  a.b.c\t1\x0b1700000000\x0c\r', ['a.b.c', T, 1]],
  ['a.b.c\x1c1\x1f1700000000', ['a.b.c', T, 1]],
  ['a.b.c\xc2\xa01 1700000000', ['a.b.c', T, 1]],
  ['a.b.c \xd9\xa1\xd9\xa2 1700000000', ['a.b.c', T, 12]],
  ['a.b.c \xef\xbc\x91\xef\xbc\x92 1700000000', ['a.b.c', T, 12]],
  ['a.b.c 1 1700000000 extra', 'fields'],
  ['a.b.c 1', 'fields'],
  ['a.b.c', 'fields'],
  ['', 'fields'],
  ['   ', 'fields'],
  ['\r', 'fields'],
  ['\xff 1 1700000000', 'utf8'],
  ['a.b.c 1 1700000000 \xc3', 'utf8'],
  ['m\xc3\xa9trique.\xc3\xa9 1 1700000000', ['métrique.é', T, 1]],
  ['..a 1 1700000000', 'name'],
  ['a..b 1 1700000000', 'name'],
  ['a. 1 1700000000', 'name'],
  ['a/b 1 1700000000', 'name'],
  ['a\\b 1 1700000000', 'name'],
  ['a\x00b 1 1700000000', 'name'],
  ['a\x1bb 1 1700000000', 'name'],
  ['_tagged.x 1 1700000000', 'name'],
  ['~a.b 1 1700000000', ['a.b', T, 1]],
  ['~~~ 1 1700000000', 'name'],
  ['cpu;host=a;dc=x 1 1700000000', ['cpu;dc=x;host=a', T, 1]],
  ['cpu;dc=x;host=a;dc=y 1 1700000000', ['cpu;dc=y;host=a', T, 1]],
  ['cpu{host="a",dc="x"} 1 1700000000', ['cpu;dc=x;host=a', T, 1]],
  ['cpu;host 1 1700000000', 'name'],
  ['cpu;name=other 1 1700000000', ['cpu', T, 1]],
  ['../../etc/passwd 1 1700000000', 'name'],
  ['\xef\xbb\xbfa.b 1 1700000000', ['\ufeffa.b', T, 1]],
];

describe('a line', () => {
  const carbonLines = new Map(
    readFixture<{ lines: { hex: string; carbon: CarbonOutcome }[] }>('carbon-lines.json').lines.map((l) => [
      l.hex,
      l.carbon,
    ]),
  );
  const nameRejected = (metric: string) => !normalizeMetricName(metric).ok;

  test.each(LINES)('%j gives %j, consistent with what carbon did', (text, want) => {
    const bytes = Buffer.from(text, 'latin1');
    const sink = parse(Buffer.concat([bytes, Buffer.from('\n')]));
    expect(sink.summary).toEqual([want]);
    const carbon = carbonLines.get(bytes.toString('hex'));
    expect(carbon, 'line missing from carbon-lines.json: rerun generate.py').toBeDefined();
    expect(compareWithCarbon(sink.events[0], carbon!, nameRejected)).toBeUndefined();
  });

  test('rejections carry a reason and the line as the sample', () => {
    const sink = parse(Buffer.from('a.b.c 0x10 1700000000\n'));
    expect(sink.events).toEqual([
      {
        reject: 'value',
        sample: 'a.b.c 0x10 1700000000',
        reason: "value is not a number Python's float() accepts",
      },
    ]);
  });

  test('samples are cut to 400 characters and escape control characters', () => {
    const sink = parse(Buffer.from(`a\x1bb ${'9'.repeat(500)}x 1\n`));
    const [event] = sink.events;
    expect(event).toMatchObject({ reject: 'value' });
    const sample = event && 'sample' in event ? event.sample : '';
    expect(sample).toBe(`a\\x1bb ${'9'.repeat(396)}...`); // cut to 400, then escaped, as carbon logs
  });

  test('timestamp -1 asks the clock, and only then', () => {
    let calls = 0;
    const sink = new RecordingSink();
    const parser = new LineParser({ maxLineLength: 100, now: () => (calls++, 1800000000.9), sink });
    parser.push(Buffer.from('a 1 1700000000\nb 2 -1\nc 3 1700000001\n'));
    expect(sink.summary).toEqual([
      ['a', T, 1],
      ['b', 1800000000, 2],
      ['c', T + 1, 3],
    ]);
    expect(calls).toBe(1);
  });
});

describe('a stream', () => {
  test('bad lines among good ones do not affect the good ones', () => {
    const good = (i: number) => `ok.m${i} ${i} ${T + i}\n`;
    const bad = LINES.filter(([, want]) => typeof want === 'string').map(([text]) => `${text}\n`);
    const stream = Buffer.concat(bad.flatMap((b, i) => [Buffer.from(good(i)), Buffer.from(b, 'latin1')]));
    const points = parse(stream).summary.filter((e) => typeof e !== 'string');
    expect(points).toEqual(bad.map((_, i) => [`ok.m${i}`, T + i, i]));
  });

  test('a line longer than maxLineLength bytes is rejected once and the next line is read', () => {
    const long = `a.b ${'1'.repeat(30)} ${T}\n`;
    const sink = parse(Buffer.from(`${long}x 1 ${T}\n`), 20);
    expect(sink.summary).toEqual(['too-long', ['x', T, 1]]);
    expect(sink.events[0]).toMatchObject({
      reason: 'line longer than 20 bytes; discarded up to the next newline',
    });
  });

  test('a too-long line spread over many chunks is reported once, and the stream recovers', () => {
    const sink = new RecordingSink();
    const parser = new LineParser({ maxLineLength: 16, now: () => 0, sink });
    parser.push(Buffer.from('a 1 1\nlong.'));
    for (let i = 0; i < 100; i++) parser.push(Buffer.from('xxxxxxxx'));
    parser.push(Buffer.from(' 1 1\nb 2 2\n'));
    expect(sink.summary).toEqual([['a', 1, 1], 'too-long', ['b', 2, 2]]);
  });

  test('the limit counts bytes without the newline: exactly maxLineLength bytes is fine', () => {
    expect(parse(Buffer.from('é.b 1 1700000000\n'), 17).summary).toEqual([['é.b', T, 1]]);
    expect(parse(Buffer.from('é.b 1 1700000000\n'), 16).summary).toEqual(['too-long']);
    expect(parse(Buffer.from('é.b 1 1700000000\r\n'), 17).summary).toEqual(['too-long']);
  });

  test('an unfinished last line is discarded at the end of the stream and reported', () => {
    const sink = new RecordingSink();
    const parser = new LineParser({ maxLineLength: 100, now: () => 0, sink });
    parser.push(Buffer.from(`a 1 ${T}\nb 2 17000`));
    expect(sink.summary).toEqual([['a', T, 1]]);
    parser.end();
    expect(sink.events.at(-1)).toEqual({
      reject: 'fields',
      sample: 'b 2 17000',
      reason: 'unfinished line at end of stream (no trailing newline); discarded',
    });
    parser.end();
    expect(sink.events).toHaveLength(2);
  });

  test('a line split inside a multi-byte character parses as if whole', () => {
    const bytes = Buffer.from(`m\u00e9trique.\u{1F600} 1 ${T}\n`);
    for (let cut = 1; cut < bytes.length; cut++) {
      const sink = new RecordingSink();
      const parser = new LineParser({ maxLineLength: 100, now: () => 0, sink });
      parser.push(bytes.subarray(0, cut));
      parser.push(bytes.subarray(cut));
      expect(sink.summary, `cut at ${cut}`).toEqual([['métrique.😀', T, 1]]);
    }
  });

  test('lines inside one chunk are parsed in place, without concatenating buffers', () => {
    const chunk = Buffer.from(`a 1 ${T}\nb 2 ${T}\nc 3 ${T}\n`);
    const original = Buffer.concat;
    let concats = 0;
    Buffer.concat = (...args: Parameters<typeof Buffer.concat>) => (concats++, original(...args));
    try {
      expect(parse(chunk).summary).toHaveLength(3);
    } finally {
      Buffer.concat = original;
    }
    expect(concats).toBe(0);
  });
});
