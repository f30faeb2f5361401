// pyFloatRepr's fast path for values with few decimals prints exactly what the shortest round-trip
// printer (Number#toString, Python's repr digits) prints, for any double.
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { AsciiWriter } from '../../../render/format/ascii-writer.js';
import { pyFloatRepr } from '../../../render/format/py-json.js';
import { pyRepr } from '../../../render/python-format.js';

const decimalish = fc
  .tuple(fc.integer({ min: -999_999_999, max: 999_999_999 }), fc.integer({ min: 0, max: 8 }))
  .map(([n, k]) => n / 10 ** k);

test.prop([fc.oneof(decimalish, fc.double({ noNaN: true, noDefaultInfinity: true }))], { numRuns: 20_000 })(
  'pyFloatRepr equals repr(float) for decimal-looking values and any other double',
  (x) => {
    expect(pyFloatRepr(x)).toBe(pyRepr(x));
  },
);

test('values with a few decimals print as Python prints them', () => {
  const cases: [number, string][] = [
    [12.34, '12.34'],
    [-0.05, '-0.05'],
    [0.1 + 0.2, '0.30000000000000004'],
    [100.5, '100.5'],
    [-3.000001, '-3.000001'],
    [0.0001, '0.0001'],
    [123456789.125, '123456789.125'],
  ];
  for (const [x, text] of cases) expect(pyFloatRepr(x)).toBe(text);
});

test.prop([fc.oneof(decimalish, fc.double({ noNaN: true, noDefaultInfinity: true }))], { numRuns: 20_000 })(
  'the json writer prints every double as repr(float), digit by digit or not',
  (x) => {
    const out = new AsciiWriter();
    out.float(x);
    expect(out.buf.subarray(0, out.len).toString('latin1')).toBe(pyRepr(x));
  },
);
