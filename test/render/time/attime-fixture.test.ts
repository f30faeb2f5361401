// Replays test/fixtures/render/attime/attime.json, graphite-web 1.1.8's own answers (generate.py), through the
// TypeScript time module: every parseATTime, parseTimeOffset, tz name and csv timestamp case must agree.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RenderError } from '../../../render/errors.js';
import { parseATTime, parseTimeOffset } from '../../../render/time/attime.js';
import { formatLocalTime, isTimeZone, resolveTimeZone } from '../../../render/time/tz.js';

type Expected = number | 'error';

interface Fixture {
  contexts: { tz: string; now: number }[];
  attime: [string, Expected[]][];
  offsets: { input: string; expected: Expected }[];
  zones: { input: string; expected: string | null }[];
  formats: { epoch: number; tz: string; expected: string }[];
}

const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/render/attime/attime.json', import.meta.url), 'utf8'),
) as Fixture;

function outcome(run: () => number | string, code: string): Expected | string {
  try {
    return run();
  } catch (err) {
    if (err instanceof RenderError && err.code === code) return 'error';
    throw err;
  }
}

describe('graphite-web fixture', () => {
  it('parseATTime agrees with graphite-web on every input, zone and now', () => {
    const mismatches: string[] = [];
    let count = 0;
    for (const [input, expected] of fixture.attime) {
      fixture.contexts.forEach(({ tz, now }, i) => {
        count += 1;
        const got = outcome(() => parseATTime(input, tz, now), 'RENDER_ERR_BAD_TIME');
        if (got !== expected[i])
          mismatches.push(`${JSON.stringify(input)} ${tz} now=${now}: ${got} ≠ ${expected[i]}`);
      });
    }
    expect(mismatches.slice(0, 30)).toEqual([]);
    expect(count).toBeGreaterThan(20000);
  });

  it('parseTimeOffset agrees with graphite-web on every interval string', () => {
    const got = fixture.offsets.map(({ input }) =>
      outcome(() => parseTimeOffset(input), 'RENDER_ERR_BAD_INTERVAL'),
    );
    expect(got).toEqual(fixture.offsets.map((c) => c.expected));
  });

  it('tz names resolve as pytz.timezone does, unknown ones falling back', () => {
    const got = fixture.zones.map(({ input }) =>
      isTimeZone(input) ? resolveTimeZone(input, 'Nowhere') : null,
    );
    expect(got).toEqual(fixture.zones.map((c) => c.expected));
  });

  it('formatLocalTime prints what the csv output prints', () => {
    const got = fixture.formats.map(({ epoch, tz }) => {
      try {
        return formatLocalTime(epoch, tz);
      } catch (err) {
        if (err instanceof RangeError) return 'error';
        throw err;
      }
    });
    expect(got).toEqual(fixture.formats.map((c) => c.expected));
  });
});
