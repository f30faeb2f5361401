import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { pythonSetOrder } from '../../../storage/whisper/python-set.js';

const { cases } = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/whisper/python-set-order.json'), 'utf8'),
) as { cases: { values: number[]; order: number[] }[] };

test('pythonSetOrder iterates like CPython 3.11 set() for every recorded case', () => {
  expect(cases.length).toBeGreaterThanOrEqual(40);
  for (const { values, order } of cases) expect(pythonSetOrder(values)).toEqual(order);
});

test('pythonSetOrder is not simply ascending order', () => {
  // 60 and 120 hash to slots 4 and 0 of an 8-slot table: CPython yields 120 first.
  expect(pythonSetOrder([60, 120])).toEqual([120, 60]);
});
