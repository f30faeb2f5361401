// merge, fill and diff leave the same bytes and find the same differences as python3-whisper 1.1.4's merge,
// whisper-fill and whisper-diff (test/fixtures/whisper-tools, recorded by generate.py).
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { StorageError } from '../../../storage/errors.js';
import { diff } from '../../../storage/whisper/diff.js';
import { fill } from '../../../storage/whisper/fill.js';
import { merge } from '../../../storage/whisper/merge.js';
import { TOOL_CASES_DIR, toolCases } from '../../helpers/whisper-tools-cases.js';

const dir = TOOL_CASES_DIR;
const cases = toolCases;
const tmp = mkdtempSync(join(tmpdir(), 'carbonado-mfd-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function option(args: string[], name: string): number | undefined {
  const i = args.indexOf(name);
  return i < 0 ? undefined : Number(args[i + 1]);
}

const writes = cases.filter((c) => c.tool !== 'diff');

describe.each(writes)('$tool $name', (c) => {
  test('leaves the bytes whisper leaves (or fails where whisper fails)', () => {
    const target = join(tmp, `${c.tool}-${c.name}.wsp`);
    copyFileSync(join(dir, c.b), target);
    const src = join(dir, c.a);
    const act = (): void => {
      if (c.tool === 'fill') {
        fill(src, target, { now: c.now });
      } else {
        const from = option(c.args, '--from');
        const until = option(c.args, '--until');
        merge(src, target, {
          now: c.now,
          ...(from === undefined ? {} : { from }),
          ...(until === undefined ? {} : { until }),
        });
      }
    };
    if (c.code === 0) {
      act();
      expect(readFileSync(target).equals(readFileSync(join(dir, c.result as string)))).toBe(true);
    } else {
      expect(act).toThrow(StorageError);
      expect(act).toThrow(/archive configurations are unalike/);
      expect(readFileSync(target).equals(readFileSync(join(dir, c.b)))).toBe(true);
    }
  });
});

const summaries = cases.filter(
  (c) => c.tool === 'diff' && c.args.includes('--json') && c.args.includes('--summary'),
);

test.each(summaries)('diff $name counts what whisper-diff counts', (c) => {
  const expected = JSON.parse(c.stdout) as { archives: { archive: number; points: number; total: number }[] };
  const got = diff(join(dir, c.a), join(dir, c.b), { now: c.now });
  expect(got.map((d) => ({ archive: d.archive, points: d.points.length, total: d.total }))).toEqual(
    expected.archives,
  );
});

test('diff of a file with itself finds no differing point', () => {
  const got = diff(join(dir, 'src-dense.wsp'), join(dir, 'src-dense.wsp'), { now: 1700000000 });
  expect(got.map((d) => d.points.length)).toEqual([0, 0, 0]);
  expect(got[0]?.total).toBeGreaterThan(0);
});

test('merge rejects an until before its from', () => {
  const target = join(tmp, 'bad-range.wsp');
  copyFileSync(join(dir, 'dst-gappy.wsp'), target);
  expect(() => merge(join(dir, 'src-dense.wsp'), target, { now: 1700000000, from: 10, until: 5 })).toThrow(
    /until 5 is before from 10/,
  );
});
