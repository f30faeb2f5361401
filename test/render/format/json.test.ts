// format=json beyond the golden files: Python's json.dumps quirks (NaN/Infinity rewriting, ensure_ascii,
// float repr), jsonp, noNullPoints, the maxDataPoints rules, and a large answer read back value for value.
import { describe, expect, test } from 'vitest';
import { consolidateForJson } from '../../../render/consolidate.js';
import { formatJson } from '../../../render/format/json.js';
import { Series } from '../../../render/series.js';

function series(name: string, values: (number | null)[], start = 0, step = 60): Series {
  return new Series({ name, start, end: start + values.length * step, step, values });
}

describe('formatJson', () => {
  test('writes what Python json.dumps writes, NaN as null and ±Infinity as ±1e9999', () => {
    const values = [NaN, Infinity, -Infinity, 1e-5, 1e16, -0, 0.1 + 0.2, null, 1e22, 123456789];
    const s = new Series({
      name: 'a.b;x=é',
      start: 0,
      end: 600,
      step: 60,
      values,
      tags: { x: 'é', name: 'a.b' },
    });
    const odd = new Series({
      name: 'NaN, Infinity, "q"\\ \n\x7f\u{1F600}',
      start: 0,
      end: 0,
      step: 60,
      values: [],
      tags: { name: 'n' },
    });
    // Expected text from /usr/bin/python3: json.dumps(...).replace('NaN,', 'null,').replace('Infinity,', …)
    expect(formatJson([s, odd]).body.toString()).toBe(
      '[{"target": "a.b;x=\\u00e9", "tags": {"x": "\\u00e9", "name": "a.b"}, "datapoints": [[null, 0], ' +
        '[1e9999, 60], [-1e9999, 120], [1e-05, 180], [1e+16, 240], [-0.0, 300], [0.30000000000000004, 360], ' +
        '[null, 420], [1e+22, 480], [123456789.0, 540]]}, {"target": "null, 1e9999, \\"q\\"\\\\ \\n\\u007f' +
        '\\ud83d\\ude00", "tags": {"name": "n"}, "datapoints": []}]',
    );
  });

  test('an answer without series, or whose series hold no values at all, is []', () => {
    expect(formatJson([]).body.toString()).toBe('[]');
    expect(formatJson([series('a', [])]).body.toString()).toBe('[]');
    expect(formatJson([], { pretty: true }).body).toBe('[]');
  });

  test('jsonp wraps the text in the callback and answers text/javascript', () => {
    expect(formatJson([series('a', [1])], { jsonp: 'cb' })).toStrictEqual({
      body: 'cb([{"target": "a", "tags": {"name": "a"}, "datapoints": [[1.0, 0]]}])',
      contentType: 'text/javascript',
    });
    expect(formatJson([]).contentType).toBe('application/json');
  });

  test('noNullPoints drops null and NaN points and the series left without any', () => {
    const body = formatJson([series('a', [null, 1, NaN]), series('b', [null, NaN])], { noNullPoints: true });
    expect(body.body.toString()).toBe('[{"target": "a", "tags": {"name": "a"}, "datapoints": [[1.0, 60]]}]');
  });

  test('pretty indents by two as json.dumps(indent=2) does, empty lists staying []', () => {
    expect(formatJson([series('a', [])], { pretty: true }).body).toBe('[]');
    expect(formatJson([series('a', [NaN]), series('b', [])], { pretty: true }).body).toBe(
      '[\n  {\n    "target": "a",\n    "tags": {\n      "name": "a"\n    },\n    "datapoints": [\n      [\n' +
        '        null,\n        0\n      ]\n    ]\n  },\n  {\n    "target": "b",\n    "tags": {\n' +
        '      "name": "b"\n    },\n    "datapoints": []\n  }\n]',
    );
  });

  test('formatting leaves the given series as they were', () => {
    const s = series('a', [1, 2, 3, 4, 5, 6], 30);
    formatJson([s], { maxDataPoints: 2 });
    expect([s.start, s.values.length, s.valuesPerPoint]).toEqual([30, 6, 1]);
  });
});

describe('consolidateForJson', () => {
  test('nudges the start onto a band boundary and drops one value fewer than it skips', () => {
    // timeRange 600 s of 60 s → 10 points; maxDataPoints 3 → 4 values per point, 240 s bands.
    const [out] = consolidateForJson([series('a', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 30)], 3);
    // nudge = 240 + 30 % 60 - 30 % 240 = 240: start 270, 240/60 - 1 = 3 values dropped.
    expect(out?.start).toBe(270);
    expect(out?.valuesPerPoint).toBe(4);
    expect(out?.datapoints()).toEqual([
      [5.5, 270],
      [9, 510],
    ]);
  });

  test('maxDataPoints=1 folds each series into one point without nudging', () => {
    const [out] = consolidateForJson([series('a', [1, null, 3], 30)], 1);
    expect(out?.datapoints()).toEqual([[2, 30]]);
  });

  test('series already within maxDataPoints are left alone', () => {
    const [out] = consolidateForJson([series('a', [1, 2, 3])], 3);
    expect(out?.datapoints()).toEqual([
      [1, 0],
      [2, 60],
      [3, 120],
    ]);
  });

  test('the time range spans all series, so a short series is consolidated as much as a long one', () => {
    const long = series(
      'long',
      Array.from({ length: 100 }, (_, i) => i),
    );
    const short = series('short', [1, 2, 3, 4], 5700);
    const [, out] = consolidateForJson([long, short], 10);
    expect(out?.valuesPerPoint).toBe(10);
  });

  test('a maxDataPoints below 1 is RENDER_ERR_BAD_PARAMETER (graphite-web divides by zero)', () => {
    expect(() => consolidateForJson([series('a', [1])], 0)).toThrow(
      expect.objectContaining({ code: 'RENDER_ERR_BAD_PARAMETER' }),
    );
  });
});

describe('a large answer', () => {
  test('100 series × 10,000 points come back as the values and timestamps they hold', () => {
    const all = Array.from({ length: 100 }, (_, k) =>
      series(
        `servers.host${k}.cpu.total`,
        Array.from({ length: 10_000 }, (_, i) =>
          i % 97 === 0 ? null : i % 2 === 0 ? Math.round(Math.sin(i / 50 + k) * 1e4) / 100 : Math.sin(i + k),
        ),
        1_700_000_000,
      ),
    );
    const parsed = JSON.parse(formatJson(all).body.toString()) as { datapoints: [number | null, number][] }[];
    expect(parsed).toHaveLength(100);
    parsed.forEach((s, k) => {
      const source = all[k] as Series;
      expect(s.datapoints.map((p) => p[0])).toEqual(source.values);
      expect(s.datapoints.map((p) => p[1])).toEqual(source.values.map((_, i) => 1_700_000_000 + i * 60));
    });
  });
});
