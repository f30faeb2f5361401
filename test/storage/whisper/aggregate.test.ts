import { expect, test } from 'vitest';
import { aggregate } from '../../../storage/whisper/index.js';

test.each([
  ['average', [1, 2, 6], 4, 3],
  ['sum', [1, 2, 6], 4, 9],
  ['last', [1, 2, 6], 4, 6],
  ['max', [1, -7, 6], 4, 6],
  ['min', [1, -7, 6], 4, -7],
  ['avg_zero', [1, 2, 6], 4, 2.25],
  ['absmax', [1, -7, 6], 4, -7],
  ['absmin', [-1, 7, 1], 4, -1],
] as const)('%s of %j over %i slots is %d', (method, known, slots, expected) => {
  expect(aggregate(method, known, slots)).toBe(expected);
});

test('absmax and absmin keep the first of equal magnitudes, with its sign', () => {
  expect(aggregate('absmax', [-3, 3], 2)).toBe(-3);
  expect(aggregate('absmin', [2, -2], 2)).toBe(2);
});

test('max and min behave like Python around NaN: a leading NaN sticks, a later one is skipped', () => {
  expect(aggregate('max', [Number.NaN, 5], 2)).toBeNaN();
  expect(aggregate('max', [5, Number.NaN], 2)).toBe(5);
  expect(aggregate('min', [5, Number.NaN, 1], 3)).toBe(1);
});

test('sums run left to right in float arithmetic, like CPython 3.11 sum()', () => {
  expect(aggregate('sum', [0.1, 0.2, 0.3], 3)).toBe(0.1 + 0.2 + 0.3);
  expect(aggregate('sum', [1e16, 1, -1e16], 3)).toBe(0);
});

test('only the first count entries are aggregated', () => {
  expect(aggregate('sum', new Float64Array([1, 2, 100]), 3, 2)).toBe(3);
});
