// csv, raw, pickle, msgpack, dygraph and rickshaw beyond the golden files: quoting, time zones across a DST
// change, Python repr of odd values, number encodings peers depend on. Expected texts come from Python 3.11.
import { unpack } from 'msgpackr';
import { describe, expect, test } from 'vitest';
import { formatCsv } from '../../../render/format/csv.js';
import { formatDygraph } from '../../../render/format/dygraph.js';
import { formatMsgpack } from '../../../render/format/msgpack.js';
import { PyFloat, PyTuple, pickle } from '../../../render/format/pickle-encode.js';
import { formatPickle } from '../../../render/format/pickle.js';
import { formatRaw } from '../../../render/format/raw.js';
import { formatRickshaw } from '../../../render/format/rickshaw.js';
import { Series } from '../../../render/series.js';

function series(name: string, values: (number | null)[], start = 0, step = 60): Series {
  return new Series({ name, start, end: start + values.length * step, step, values });
}

describe('formatCsv', () => {
  test('quotes names as csv.writer does and prints values as Python str()', () => {
    const s = series('a,"b"', [1, null, NaN, Infinity, -2.5], 1699162200, 1800);
    expect(formatCsv([s], { tz: 'America/New_York' })).toStrictEqual({
      body:
        '"a,""b""",2023-11-05 01:30:00,1.0\r\n"a,""b""",2023-11-05 01:00:00,\r\n' +
        '"a,""b""",2023-11-05 01:30:00,nan\r\n"a,""b""",2023-11-05 02:00:00,inf\r\n' +
        '"a,""b""",2023-11-05 02:30:00,-2.5\r\n',
      contentType: 'text/csv',
    });
  });

  test('prints times in the zone asked for, UTC when none is', () => {
    expect(formatCsv([series('a', [1])], { tz: 'Asia/Kolkata' }).body).toBe('a,1970-01-01 05:30:00,1.0\r\n');
    expect(formatCsv([series('a', [1])]).body).toBe('a,1970-01-01 00:00:00,1.0\r\n');
  });

  test('an answer without series is an empty body', () => {
    expect(formatCsv([]).body).toBe('');
  });
});

describe('formatRaw', () => {
  test('writes name,start,end,step|repr values, one line per series', () => {
    expect(formatRaw([series('a', [1, null, NaN, -Infinity, 1e-5]), series('b', [])])).toStrictEqual({
      body: 'a,0,300,60|1.0,None,nan,-inf,1e-05\nb,0,0,60|\n',
      contentType: 'text/plain',
    });
  });
});

describe('pickle', () => {
  test('the encoder writes the protocol 2 bytes of grafana-federation.md §2.2.2', () => {
    const body = pickle([
      {
        name: 'a.b.c',
        pathExpression: 'a.*.c',
        start: 1700000000,
        end: 1700000180,
        step: 60,
        values: [new PyFloat(1.5), null, new PyFloat(3)],
      },
    ]);
    expect(body.toString('hex')).toBe(
      '80025d287d2858040000006e616d655805000000612e622e63580e0000007061746845787072657373696f6e5805000000612e2a2e63' +
        '580500000073746172744a00f153655803000000656e644ab4f153655804000000737465704a3c000000580600000076616c7565735d28' +
        '473ff80000000000004e4740080000000000006575652e',
    );
  });

  test('the encoder writes tuples, booleans and ints past 2^31 (LONG1)', () => {
    // pickle.loads of these bytes in Python 3.11 gives ((True, False), 1099511627776, -2147483649)
    expect(pickle(new PyTuple([new PyTuple([true, false]), 2 ** 40, -(2 ** 31) - 1])).toString('hex')).toBe(
      '800228288889748a060000000000018a05ffffff7fff742e',
    );
  });

  test('format=pickle writes values as floats even when integral, and None for null', () => {
    const { body, contentType } = formatPickle([series('a', [2, null])]);
    expect(contentType).toBe('application/pickle');
    // …"values": [2.0, None]: BINFLOAT 2.0 then NONE
    expect((body as Buffer).includes(Buffer.from('474000000000000000' + '4e', 'hex'))).toBe(true);
  });
});

describe('formatMsgpack', () => {
  test('writes start/end/step as ints and every value as float64 or nil, strings as str', () => {
    const { body, contentType } = formatMsgpack([series('a.b', [2, null, 0.5], 1700000000)]);
    expect(contentType).toBe('application/x-msgpack');
    const hex = (body as Buffer).toString('hex');
    expect(hex).toContain('a57374617274ce6553f100'); // "start": 1700000000 as uint32
    expect(hex).toContain('a676616c75657393cb4000000000000000c0cb3fe0000000000000'); // [2.0, nil, 0.5]
    expect(unpack(body as Buffer)).toEqual([
      {
        name: 'a.b',
        start: 1700000000,
        end: 1700000180,
        step: 60,
        values: [2, null, 0.5],
        pathExpression: 'a.b',
        valuesPerPoint: 1,
        consolidationFunc: 'average',
        xFilesFactor: 0,
      },
    ]);
  });

  test('no series is the empty array 0x90 that carbonapi can decode', () => {
    expect((formatMsgpack([]).body as Buffer).toString('hex')).toBe('90');
  });
});

describe('formatDygraph', () => {
  test('writes ms timestamps, null for None and NaN, and bare Infinity', () => {
    const body = formatDygraph([series('a', [1, null, NaN, -Infinity])]).body;
    expect(body).toBe(
      '{"labels" : ["Time", "a"], "data" : [[0000, 1.0], [60000, null], [120000, null], [180000, -Infinity]]}',
    );
  });

  test('no series is {} and jsonp wraps it', () => {
    expect(formatDygraph([], { jsonp: 'f' })).toStrictEqual({
      body: 'f({})',
      contentType: 'text/javascript',
    });
  });
});

describe('formatRickshaw', () => {
  test('writes {x, y} points and, like graphite-web, leaves NaN and Infinity bare', () => {
    expect(formatRickshaw([series('a', [NaN, Infinity, null])]).body).toBe(
      '[{"target": "a", "datapoints": [{"x": 0, "y": NaN}, {"x": 60, "y": Infinity}, {"x": 120, "y": null}]}]',
    );
  });
});
