// Properties of the TCP line parser: chunking never changes the result, and on 3000 random lines it agrees
// with what the real carbon did with each (test/fixtures/ingest/carbon-lines.json, made by generate.py).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LineParser } from '../../src/ingest/line-protocol.js';
import { normalizeMetricName } from '../../src/ingest/metric-name.js';
import {
  type CarbonOutcome,
  FIXTURE_NOW,
  RecordingSink,
  compareWithCarbon,
  readFixture,
} from './recording-sink.js';

function parseChunks(chunks: Buffer[], maxLineLength: number) {
  const sink = new RecordingSink();
  const parser = new LineParser({ maxLineLength, now: () => FIXTURE_NOW, sink });
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return sink.events;
}

const field = fc.oneof(
  fc.constantFrom(
    'a.b',
    'métrique.é',
    '😀',
    'cpu;dc=x;host=a',
    'a..b',
    '1',
    '-1',
    '1.5e3',
    'nan',
    'x'.repeat(50),
  ),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const separator = fc.constantFrom(' ', '  ', '\t', '\r', '\x1c', '\u00a0');
const line = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.tuple(field, separator, field, separator, field).map((parts) => parts.join('')),
  },
  fc.string({ unit: 'binary', maxLength: 30 }),
);
/** A byte stream of lines, some with bad UTF-8 spliced in, maybe without a final newline. */
const stream = fc
  .tuple(
    fc.array(fc.tuple(line, fc.constantFrom('', '', '', '\r', '\xff', '\xc3')), { maxLength: 25 }),
    fc.boolean(),
  )
  .map(([lines, finalNewline]) => {
    const parts = lines.map(([text, junk]) =>
      Buffer.concat([Buffer.from(text), Buffer.from(junk, 'latin1')]),
    );
    const body = Buffer.concat(parts.flatMap((p) => [p, Buffer.from('\n')]));
    return finalNewline ? body : body.subarray(0, Math.max(0, body.length - 1));
  });

describe('LineParser', () => {
  test('any split of a byte stream into chunks yields the same points and rejections as the whole', () => {
    fc.assert(
      fc.property(
        stream,
        fc.array(fc.nat(), { maxLength: 30 }),
        fc.constantFrom(16, 40, 1000),
        (bytes, cuts, max) => {
          const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const chunks = [0, ...at].map((start, i) => bytes.subarray(start, at[i] ?? bytes.length));
          expect(parseChunks(chunks, max)).toEqual(parseChunks([bytes], max));
        },
      ),
      { numRuns: 3000 },
    );
  });

  test('byte-at-a-time delivery yields the same result as one chunk', () => {
    fc.assert(
      fc.property(stream, (bytes) => {
        const single = Array.from(bytes, (_, i) => bytes.subarray(i, i + 1));
        expect(parseChunks(single, 40)).toEqual(parseChunks([bytes], 40));
      }),
      { numRuns: 300 },
    );
  });
});

describe('agreement with carbon on 3000 random lines', () => {
  const { lines } = readFixture<{ lines: { hex: string; carbon: CarbonOutcome }[] }>('carbon-lines.json');
  const events = parseChunks([Buffer.from(lines.map((l) => `${l.hex}0a`).join(''), 'hex')], 16384);
  const nameRejected = (metric: string) => !normalizeMetricName(metric).ok;

  test('every line gives exactly one point or rejection', () => {
    expect(events).toHaveLength(lines.length);
  });

  test('each outcome is carbon’s, or a documented stricter rule where carbon would store the point', () => {
    const disagree = lines
      .map((l, i) => ({
        line: Buffer.from(l.hex, 'hex').toString('latin1'),
        ours: events[i],
        carbon: l.carbon,
      }))
      .filter(({ ours, carbon }) => compareWithCarbon(ours, carbon, nameRejected) !== undefined);
    expect(disagree).toEqual([]);
  });

  test('the comparison covers points, NaN drops, logged lines, exceptions and our stricter rules', () => {
    const kinds = new Map<string, number>();
    for (const e of events) {
      const k = 'point' in e ? 'point' : e.reject;
      kinds.set(k, (kinds.get(k) ?? 0) + 1);
    }
    for (const k of ['point', 'fields', 'value', 'timestamp', 'nan', 'utf8', 'name']) {
      expect(kinds.get(k) ?? 0, k).toBeGreaterThan(20);
    }
  });
});
