// The pickle unpickler and item checks: payloads from real Python (protocols 0-5), carbon's relay client,
// Python 2 style, malicious and broken ones (test/fixtures/ingest/carbon-pickles.json), compared item by
// item with what carbon's MetricPickleReceiver did.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { normalizeMetricName } from '../../src/ingest/metric-name.js';
import { PickleError, checkPickledPoints, opcodeName, unpickleMetrics } from '../../src/ingest/pickle.js';
import {
  type CarbonOutcome,
  type Event,
  FIXTURE_NOW,
  RecordingSink,
  compareWithCarbon,
  readFixture,
} from './recording-sink.js';

type Case = { name: string; hex: string; carbon: { items: CarbonOutcome[] } | { unpickle_error: string } };
const cases = readFixture<Case[]>('carbon-pickles.json');
const payload = (name: string) => Buffer.from(cases.find((c) => c.name === name)!.hex, 'hex');
const nameRejected = (metric: string) => !normalizeMetricName(metric).ok;

function check(items: unknown[]): Event[] {
  const sink = new RecordingSink();
  checkPickledPoints(items, FIXTURE_NOW, sink);
  return sink.events;
}

/** compareWithCarbon, plus the pickle path's own carbon behaviours. */
function compareItem(ours: Event | undefined, carbon: CarbonOutcome): string | undefined {
  const [only] = carbon;
  const kind = ours && 'reject' in ours ? ours.reject : 'point';
  // carbon skips items whose float() fails without a word, as it drops NaN values.
  if (only === undefined)
    return ['nan', 'value', 'timestamp'].includes(kind) ? undefined : `silent in carbon, ${kind}`;
  if ('exception' in only && only.exception === 'AttributeError') {
    return ['point', 'utf8', 'name'].includes(kind) ? undefined : 'carbon failed on a non-str metric';
  }
  if ('exception' in only && only.exception === 'OverflowError' && kind === 'value') return undefined;
  return compareWithCarbon(ours, carbon, nameRejected);
}

// Payloads carbon iterates but we refuse whole (docs/ingestion.md): a dict (carbon reads its keys), a set
// item, a str (carbon tries each character as an item). None can hold a point carbon would store.
const REFUSED_BY_US_ONLY = new Set(['dict', 'set', 'not-a-list']);

describe('payloads carbon accepts', () => {
  const good = cases.filter(
    (c): c is Case & { carbon: { items: CarbonOutcome[] } } =>
      'items' in c.carbon && !REFUSED_BY_US_ONLY.has(c.name),
  );

  test.each(good.map((c) => [c.name, c] as const))('%s: every item ends as carbon’s outcome', (_name, c) => {
    const events = check(unpickleMetrics(Buffer.from(c.hex, 'hex')));
    expect(events).toHaveLength(c.carbon.items.length);
    const disagree = c.carbon.items
      .map((carbon, i) => ({ i, ours: events[i], carbon, why: compareItem(events[i], carbon) }))
      .filter((d) => d.why !== undefined);
    expect(disagree).toEqual([]);
  });

  test('protocol 2, as carbon’s relay client sends it, decodes to tuples of str and numbers', () => {
    expect(unpickleMetrics(payload('carbon-relay-client'))).toEqual([
      ['carbon.relay.a', [1700000000, 1]],
      ['carbon.relay.b', [1700000060, 2]],
    ]);
  });

  test('every protocol gives the same items, with memoized objects shared', () => {
    const decoded = [0, 1, 2, 3, 4, 5].map((p) => unpickleMetrics(payload(`protocol-${p}`)));
    for (const items of decoded) expect(items).toEqual(decoded[0]);
    for (const items of decoded) expect(items.at(-1)).toBe(items.at(-2));
    expect(decoded[0]).toContainEqual(['big.int', [1700000000, 2n ** 70n]]);
    expect(decoded[0]).toContainEqual(['huge.int', [1700000000, 10n ** 400n]]);
  });

  test('Python 2 str opcodes (STRING, BINSTRING, SHORT_BINSTRING) decode as UTF-8, as carbon asks', () => {
    expect(check(unpickleMetrics(payload('py2-protocol-0'))).slice(0, 3)).toEqual([
      { point: ['py2.zero', 1700000000, 1.5] },
      { point: ["mét'ric", 1700000000, 0] },
      { point: ['unié.c😀', 1700000000, -Infinity] },
    ]);
  });

  test('tuples are frozen, lists are not, and bytes are copies of the payload', () => {
    const data = payload('protocol-3-bytes-metric');
    const [first] = unpickleMetrics(data) as [[Buffer, unknown]];
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(unpickleMetrics(payload('protocol-2')))).toBe(false);
    data.fill(0);
    expect(first[0].toString()).toBe('bytes.metric');
  });
});

describe('payloads refused whole', () => {
  test.each([
    ['evil-reduce-protocol-0', /GLOBAL \(0x63 'c'\) at offset 5/],
    ['evil-reduce-protocol-2', /GLOBAL \(0x63 'c'\) at offset 5/],
    ['evil-reduce-protocol-4', /STACK_GLOBAL \(0x93\)/],
    ['carbon-allowed-reconstructor', /GLOBAL/],
    ['protocol-0-bytes-metric', /GLOBAL/],
    ['dict', /EMPTY_DICT/],
    ['set', /EMPTY_SET/],
    ['inst', /INST/],
    ['persid', /PERSID/],
    ['ext1', /EXT1/],
    ['protocol-6', /unsupported pickle protocol/],
    ['empty', /truncated/],
    ['no-stop', /truncated/],
    ['truncated-frame', /FRAME .*truncated/],
    ['append-to-tuple', /APPEND .*not a list/],
    ['unexpected-mark', /STOP .*unexpected MARK found/],
    ['memo-missing', /BINGET .*no memo entry 5/],
    ['bad-utf8-binunicode', /not valid UTF-8/],
    ['not-a-list', /not a list/],
  ])('%s throws PickleError matching %s', (name, reason) => {
    expect(() => unpickleMetrics(payload(name))).toThrow(PickleError);
    expect(() => unpickleMetrics(payload(name))).toThrow(reason);
  });

  test('carbon stores nothing from the payloads only we refuse whole', () => {
    for (const name of REFUSED_BY_US_ONLY) {
      const carbon = cases.find((c) => c.name === name)!.carbon;
      expect('items' in carbon && carbon.items.flat().some((o) => 'point' in o), name).toBe(false);
    }
  });

  test('a GLOBAL + REDUCE payload fails at the GLOBAL, before anything could be called', () => {
    let error: unknown;
    try {
      unpickleMetrics(payload('evil-reduce-protocol-2'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PickleError);
    expect((error as PickleError).reason).toBe(
      "GLOBAL (0x63 'c') at offset 5: not allowed: only lists, tuples, str, bytes, int, float, None, bool",
    );
  });

  test('every truncation of a valid payload throws PickleError', () => {
    for (let p = 0; p <= 5; p++) {
      const data = payload(`protocol-${p}`);
      for (let n = 0; n < data.length; n++) {
        expect(() => unpickleMetrics(data.subarray(0, n)), `protocol ${p}, ${n} bytes`).toThrow(PickleError);
      }
    }
  });

  test('nesting and item counts are bounded', () => {
    expect(() => unpickleMetrics(Buffer.from('('.repeat(33) + ']'))).toThrow(/MARKs nested too deeply/);
    expect(unpickleMetrics(Buffer.from(`${'('.repeat(31)}].`))).toEqual([]);
    const many = Buffer.from(`](${'N'.repeat(100)}e.`);
    expect(unpickleMetrics(many)).toHaveLength(100);
    expect(() => unpickleMetrics(many, { maxDepth: 32, maxItems: 100 })).toThrow(/more than 100 items/);
  });

  test('knows every opcode of pickletools by name, and refuses by name each one it does not allow', () => {
    const { pickleOpcodes } = readFixture<{ pickleOpcodes: [number, string][] }>('python-float.json');
    expect(pickleOpcodes.length).toBeGreaterThan(65);
    expect(pickleOpcodes.filter(([byte, name]) => !opcodeName(byte).startsWith(`${name} (`))).toEqual([]);
    const allowed = new Set(
      `PROTO FRAME STOP MARK EMPTY_LIST LIST APPEND APPENDS EMPTY_TUPLE TUPLE TUPLE1 TUPLE2 TUPLE3 NONE NEWTRUE
      NEWFALSE INT BININT BININT1 BININT2 LONG LONG1 LONG4 FLOAT BINFLOAT STRING BINSTRING SHORT_BINSTRING UNICODE
      BINUNICODE SHORT_BINUNICODE BINUNICODE8 SHORT_BINBYTES BINBYTES BINBYTES8 PUT BINPUT LONG_BINPUT MEMOIZE GET
      BINGET LONG_BINGET`.split(/\s+/),
    );
    const refused = pickleOpcodes.filter(([, name]) => !allowed.has(name));
    expect(refused.map(([, name]) => name)).toContain('GLOBAL');
    for (const [byte, name] of refused) {
      expect(() => unpickleMetrics(Buffer.from([0x80, 0x02, 0x4e, byte, 0x2e])), name).toThrow(
        `${name} (0x${byte.toString(16)}`,
      );
    }
  });

  test('names every opcode by its pickletools name', () => {
    expect([0x63, 0x52, 0x93, 0x81, 0x00].map(opcodeName)).toEqual([
      "GLOBAL (0x63 'c')",
      "REDUCE (0x52 'R')",
      'STACK_GLOBAL (0x93)',
      'NEWOBJ (0x81)',
      'unknown opcode (0x00)',
    ]);
  });

  test('random and mutated payloads only ever throw PickleError', () => {
    const seeds = [0, 2, 4].map((p) => payload(`protocol-${p}`));
    const mutated = fc
      .tuple(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 255 })), { maxLength: 4 }))
      .map(([data, edits]) => {
        const copy = Buffer.from(data);
        for (const [at, byte] of edits) copy[at % copy.length] = byte;
        return copy;
      });
    fc.assert(
      fc.property(
        fc.oneof(
          mutated,
          fc.uint8Array({ maxLength: 64 }).map((a) => Buffer.from(a)),
        ),
        (data) => {
          const outcome = (() => {
            try {
              return check(unpickleMetrics(data));
            } catch (e) {
              return e;
            }
          })();
          return Array.isArray(outcome) || outcome instanceof PickleError;
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe('checkPickledPoints', () => {
  test('checks each item on its own: bad ones are reported, the rest of the message survives', () => {
    const items = [
      ['a.b', [1700000000, 1]],
      ['bad.shape', [1700000000]],
      ['m', '12'], // carbon unpacks the string: metric m, timestamp 1, value 2
      [Buffer.from('bytes.ok'), ['1700000000', ' 2.5 ']],
      [Buffer.from([0xff]), [1, 1]],
      [42, [1700000000, 1]],
      ['none', [1700000000, null]],
      ['now', [-1, true]],
      ['a..b', [1700000000, 1]],
      ['c.d', [1700000000, 3]],
    ];
    expect(check(items).map((e) => ('point' in e ? e.point : e.reject))).toEqual([
      ['a.b', 1700000000, 1],
      'fields',
      'fields',
      ['bytes.ok', 1700000000, 2.5],
      'utf8',
      'name',
      'value',
      ['now', 1700000000, 1],
      'name',
      ['c.d', 1700000000, 3],
    ]);
  });

  test('samples show the offending item like Python would', () => {
    const events = check([
      ['a', [1, null]],
      ['x'.repeat(500), [1]],
    ]);
    expect(events.map((e) => ('sample' in e ? e.sample : ''))).toEqual([
      '("a", (1, None))',
      `("${'x'.repeat(398)}...`,
    ]);
  });
});
