// Python's float() and pickle's text numbers, pinned by CPython itself (test/fixtures/ingest/python-float.json).
import { describe, expect, test } from 'vitest';
import {
  escapeDecode,
  intFromBytesLE,
  parseAsciiFloatBytes,
  parsePickleFloatText,
  parsePickleIntText,
  parsePythonFloat,
  parsePythonFloatBytes,
  parsePythonIntLiteral,
  pythonFloatOf,
  rawUnicodeEscapeDecode,
} from '../../src/ingest/python-float.js';
import { readFixture } from './recording-sink.js';

interface FloatFixture {
  floats: { text: string; float: string | null }[];
  bytes: { hex: string; float: string | null }[];
  digits: [number, number][];
  pickleText: { text: string; result: { bool?: boolean; int?: string; float?: string; error?: string } }[];
}
const fixture = readFixture<FloatFixture>('python-float.json');
const asNumber = (text: string | null) => (text === null ? undefined : Number(text));

describe('parsePythonFloat', () => {
  test('agrees with CPython float() on every fixture string', () => {
    const wrong = fixture.floats.filter(
      ({ text, float }) => !Object.is(parsePythonFloat(text), asNumber(float)),
    );
    expect(wrong).toEqual([]);
    expect(fixture.floats.length).toBeGreaterThan(4000);
    expect(fixture.floats.filter((f) => f.float === null).length).toBeGreaterThan(1000);
  });

  test('reads every Unicode decimal digit CPython knows as its value', () => {
    const wrong = fixture.digits.filter(
      ([cp, value]) => parsePythonFloat(String.fromCodePoint(cp)) !== value,
    );
    expect(wrong).toEqual([]);
    expect(fixture.digits.length).toBeGreaterThan(600);
  });

  test.each([
    ['1e3', 1000],
    ['+1', 1],
    ['-0', -0],
    ['iNfInItY', Infinity],
    ['1_000', 1000],
    [' \t1.5\n', 1.5],
    ['0x10', undefined],
    ['1,5', undefined],
    ['', undefined],
    ['\x1c1', undefined],
  ])('float(%j) is %s', (text, want) => {
    expect(parsePythonFloat(text)).toBe(want);
  });

  test('parses NaN in any case as NaN', () => {
    expect([parsePythonFloat('nan'), parsePythonFloat('-NaN')]).toEqual([NaN, NaN]);
  });
});

describe('parseAsciiFloatBytes', () => {
  test('gives the same double as float() for plain decimals and everything else', () => {
    // The last six have 16-17 digits, where mantissa / 10^k would round twice and miss the nearest double.
    const texts = ['12.5', '1700000000', '0.1', '123456789012345', '1234567890123456', '-0.000001', '9.99']
      .concat(['718660.17770511126', '44.293009367141509', '998.8751705920441', '5469.0566324630651'])
      .concat(['5.', '.5', '-', '.', '+.', '1e3', '1_0', 'inf', '0.30000000000000004'])
      .concat(fixture.floats.filter((f) => /^[\x21-\x7e]+$/.test(f.text)).map((f) => f.text));
    const wrong = texts.filter((t) => {
      const buf = Buffer.from(`x${t}y`, 'latin1');
      return !Object.is(parseAsciiFloatBytes(buf, 1, buf.length - 1), parsePythonFloat(t));
    });
    expect(wrong).toEqual([]);
  });
});

describe('parsePythonFloatBytes', () => {
  test('agrees with CPython float(bytes), which knows no Unicode digits or spaces', () => {
    for (const { hex, float } of fixture.bytes) {
      expect(parsePythonFloatBytes(Buffer.from(hex, 'hex')), hex).toBe(asNumber(float));
    }
  });
});

describe('pickle text opcodes', () => {
  test('INT, LONG and FLOAT arguments parse as CPython pickle.loads parses them', () => {
    const ours = fixture.pickleText.map(({ text }) => {
      const arg = text.slice(1);
      const value =
        text[0] === 'I'
          ? parsePickleIntText(arg)
          : text[0] === 'L'
            ? parsePythonIntLiteral(arg.replace(/L$/, ''))
            : parsePickleFloatText(arg);
      if (value === undefined || arg === '') return { text, result: { error: true } };
      if (typeof value === 'boolean') return { text, result: { bool: value } };
      return { text, result: typeof value === 'bigint' ? { int: String(value) } : { float: String(value) } };
    });
    const python = fixture.pickleText.map(({ text, result }) => ({
      text,
      result:
        result.error !== undefined
          ? { error: true }
          : result.float !== undefined
            ? { float: String(Number(result.float)) }
            : result,
    }));
    expect(ours).toEqual(python);
  });

  test('escapeDecode reads Python 2 string reprs and refuses malformed escapes', () => {
    const error = (what: string) => new Error(what);
    expect(escapeDecode(String.raw`'a\x41\101\n\q\''`, error).toString('latin1')).toBe("aAA\n\\q'");
    expect(escapeDecode(String.raw`"\xc3\xa9"`, error).toString('utf8')).toBe('é');
    expect([...escapeDecode(String.raw`'\t\a\b\f\v\r\\\"\0\777'`, error)]).toEqual([
      9, 7, 8, 12, 11, 13, 92, 34, 0, 255,
    ]);
    expect(() => escapeDecode(String.raw`'\x4'`, error)).toThrow(/invalid \\x escape/);
    expect(() => escapeDecode(String.raw`'a\'`, error)).toThrow(/trailing/);
    expect(() => escapeDecode(`'abc`, error)).toThrow(/must be quoted/);
  });

  test('rawUnicodeEscapeDecode decodes \\u escapes only after an odd run of backslashes', () => {
    const error = (what: string) => new Error(what);
    expect(rawUnicodeEscapeDecode(String.raw`abc\u00e9\U0001F600`, error)).toBe('abcé😀');
    expect(rawUnicodeEscapeDecode(String.raw`\\u0041`, error)).toBe(String.raw`\\u0041`);
    expect(rawUnicodeEscapeDecode(String.raw`\\\u0041`, error)).toBe(String.raw`\\A`);
    expect(rawUnicodeEscapeDecode('\xe9', error)).toBe('é');
    expect(() => rawUnicodeEscapeDecode(String.raw`\u12`, error)).toThrow(/truncated/);
    expect(() => rawUnicodeEscapeDecode(String.raw`\U00110000`, error)).toThrow(/out of range/);
  });

  test('intFromBytesLE reads little-endian two’s complement', () => {
    expect([[], [0xff], [0x00, 0x80], [0x01, 0x02]].map((b) => intFromBytesLE(Uint8Array.from(b)))).toEqual([
      0n,
      -1n,
      -32768n,
      513n,
    ]);
  });
});

describe('pythonFloatOf', () => {
  test('coerces unpickled values as float() does and refuses what raises', () => {
    const values = [
      1.5,
      true,
      false,
      2n ** 70n,
      10n ** 400n,
      ' 4.5\n',
      Buffer.from('7'),
      null,
      [1],
      undefined,
    ];
    expect(values.map(pythonFloatOf)).toEqual([
      1.5,
      1,
      0,
      2 ** 70,
      undefined,
      4.5,
      7,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
