// Properties of the time parser: any input either parses to a whole epoch second or fails with the render
// time/interval error (never a plain Error), and offsets from `now` are exact second arithmetic.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { RenderError } from '../../../render/errors.js';
import { parseATTime, parseTimeOffset } from '../../../render/time/attime.js';

const ZONES = [
  'UTC',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Europe/Dublin',
  'Pacific/Chatham',
];

// Fragments of the grammar plus the characters Python and JS disagree on (spaces, digits, letters).
// prettier-ignore
const piece = fc.constantFrom(
  'now', 'noon', 'midnight', 'teatime', 'today', 'yesterday', 'tomorrow', 'am', 'pm', ':', '/', '+', '-', '_',
  ',', ' ', '\t', '\u0085', '\ufeff', '1', '9', '0', '12', '30', '60', '20110501', '99', 'jan', 'dec', 'mon',
  'sat', 's', 'min', 'h', 'd', 'w', 'y', 'mo', 'm', 'x', 'É', '²', '١', '𝟏', '😀', '1500000000',
);

const text = fc.oneof(
  fc.array(piece, { minLength: 1, maxLength: 7 }).map((a) => a.join('')),
  fc.string(),
);
const now = fc.integer({ min: 0, max: 4102444800 });

function settle(run: () => number, code: string): string {
  try {
    const value = run();
    return Number.isInteger(value) ? 'integer' : `non-integer ${value}`;
  } catch (err) {
    return err instanceof RenderError && err.code === code ? 'rejected' : `threw ${String(err)}`;
  }
}

describe('time parsing properties', () => {
  test('parseATTime returns whole seconds or RENDER_ERR_BAD_TIME', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(...ZONES), now, (s, tz, at) => {
        expect(['integer', 'rejected']).toContain(
          settle(() => parseATTime(s, tz, at), 'RENDER_ERR_BAD_TIME'),
        );
      }),
      { numRuns: 3000 },
    );
  });

  test('parseTimeOffset returns whole seconds or RENDER_ERR_BAD_INTERVAL', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(['integer', 'rejected']).toContain(
          settle(() => parseTimeOffset(s), 'RENDER_ERR_BAD_INTERVAL'),
        );
      }),
      { numRuns: 3000 },
    );
  });

  test('an offset from now moves by exactly its seconds, whatever the zone', () => {
    const unit = fc.constantFrom('s', 'min', 'h', 'd', 'w', 'mon', 'y', 'seconds', 'hours', 'days');
    const offset = fc
      .tuple(fc.constantFrom('+', '-'), fc.array(fc.tuple(fc.nat(400), unit), { minLength: 1, maxLength: 3 }))
      .map(([sign, parts]) => sign + parts.map(([n, u]) => `${n}${u}`).join(''));
    fc.assert(
      fc.property(offset, fc.constantFrom(...ZONES), now, (off, tz, at) => {
        expect(parseATTime(`now${off}`, tz, at)).toBe(at + parseTimeOffset(off));
      }),
      { numRuns: 1000 },
    );
  });
});
