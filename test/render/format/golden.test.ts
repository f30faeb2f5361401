// Every /render output format against graphite-web 1.1.8's own bytes (test/golden/render, made by
// test/golden/render/generate.py): the same plain targets are fetched from dataset.json as whisper would
// and formatted; text formats must match byte for byte, pickle and msgpack by content and number types.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unpack } from 'msgpackr';
import { describe, expect, test } from 'vitest';
import { RENDER_FORMATS, type FormatOptions, type RenderFormat } from '../../../render/format/index.js';
import { Series } from '../../../render/series.js';

/**
 * Decodes the pickle opcodes a protocol 2–5 pickle of plain data uses into the generator's typed JSON
 * (["int", n], ["float", x]), so number types are compared too.
 */
function unpickleTyped(buf: Buffer): unknown {
  const stack: unknown[] = [];
  const marks: number[] = [];
  const memo: unknown[] = [];
  const popMark = (): unknown[] => stack.splice(marks.pop() as number);
  for (let i = 0; i < buf.length;) {
    const op = buf[i++] as number;
    if (op === 0x80)
      i++; // PROTO
    else if (op === 0x95)
      i += 8; // FRAME
    else if (op === 0x2e)
      return stack.pop(); // STOP
    else if (op === 0x5d)
      stack.push([]); // EMPTY_LIST
    else if (op === 0x7d)
      stack.push({}); // EMPTY_DICT
    else if (op === 0x28)
      marks.push(stack.length); // MARK
    else if (op === 0x65) {
      const items = popMark(); // APPENDS
      (stack.at(-1) as unknown[]).push(...items);
    } else if (op === 0x61)
      (stack.at(-2) as unknown[]).push(stack.pop()); // APPEND
    else if (op === 0x75) {
      const items = popMark();
      const dict = stack.at(-1) as Record<string, unknown>;
      for (let k = 0; k < items.length; k += 2) dict[items[k] as string] = items[k + 1];
    } else if (op === 0x4e) stack.push(null);
    else if (op === 0x88 || op === 0x89) stack.push(op === 0x88);
    else if (op === 0x4a) stack.push(['int', buf.readInt32LE((i += 4) - 4)]);
    else if (op === 0x4b) stack.push(['int', buf[i++]]);
    else if (op === 0x4d) stack.push(['int', buf.readUInt16LE((i += 2) - 2)]);
    else if (op === 0x47) stack.push(['float', buf.readDoubleBE((i += 8) - 8)]);
    else if (op === 0x58 || op === 0x8c) {
      const n = op === 0x58 ? buf.readUInt32LE(i) : (buf[i] as number);
      i += op === 0x58 ? 4 : 1;
      stack.push(buf.toString('utf8', i, (i += n)));
    } else if (op === 0x74) stack.push(popMark());
    else if (op === 0x94)
      memo.push(stack.at(-1)); // MEMOIZE
    else if (op === 0x71)
      memo[buf[i++] as number] = stack.at(-1); // BINPUT
    else throw new Error(`unexpected pickle opcode 0x${op.toString(16)} at ${i - 1}`);
  }
  throw new Error('pickle without STOP');
}

const GOLDEN = join(import.meta.dirname, '../../golden/render');
const dataset = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/render/dataset.json'), 'utf8'),
) as { now: number; series: { name: string; step: number; start: number; values: (number | null)[] }[] };

interface GoldenCase {
  case: string;
  targets: string[];
  from: number;
  until: number;
  now: number;
  params: Record<string, string>;
  file: string | null;
  status: number;
  contentType: string;
}
const manifest = JSON.parse(readFileSync(join(GOLDEN, 'manifest.json'), 'utf8')) as GoldenCase[];

/** A glob (`*`, `{a,b}`) as an anchored RegExp over dotted names. */
function globRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^$()|[\]\\]/g, '\\$&')
    .replaceAll('*', '[^.]*')
    .replace(/\{([^}]*)\}/g, (_m, alts: string) => `(?:${alts.split(',').join('|')})`);
  return new RegExp(`^${body}$`);
}

/** whisper.fetch over the one-archive (a day) data set, as graphite-web reads it for a plain target. */
function fetchTarget(target: string, from: number, until: number, now: number): Series[] {
  const re = globRegExp(target);
  return dataset.series
    .filter((d) => re.test(d.name))
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((d) => {
      const untilTime = Math.min(until, now);
      const fromTime = Math.max(from, now - 86400);
      const start = fromTime - (fromTime % d.step) + d.step;
      const end = untilTime - (untilTime % d.step) + d.step;
      const values: (number | null)[] = [];
      for (let t = start; t < end; t += d.step) values.push(d.values[(t - d.start) / d.step] ?? null);
      return new Series({ name: d.name, start, end, step: d.step, values, pathExpression: target });
    });
}

function optionsOf(params: Record<string, string>): FormatOptions {
  return {
    ...(params.pretty === undefined ? {} : { pretty: true }),
    ...(params.jsonp === undefined ? {} : { jsonp: params.jsonp }),
    ...(params.noNullPoints === undefined ? {} : { noNullPoints: true }),
    ...(params.maxDataPoints === undefined ? {} : { maxDataPoints: Number(params.maxDataPoints) }),
    ...(params.tz === undefined ? {} : { tz: params.tz }),
  };
}

function render(c: GoldenCase): { body: string | Buffer; contentType: string } {
  const series = c.targets.flatMap((t) => fetchTarget(t, c.from, c.until, c.now));
  return RENDER_FORMATS[c.params.format as RenderFormat](series, optionsOf(c.params));
}

const ok = manifest.filter((c) => c.status === 200);
const textual = ok.filter((c) => !['pickle', 'msgpack'].includes(c.params.format ?? ''));

describe('text formats match graphite-web byte for byte', () => {
  test.each(textual)('$file', (c) => {
    const { body, contentType } = render(c);
    expect(contentType).toBe(c.contentType);
    expect(body.toString()).toBe(readFileSync(join(GOLDEN, c.file as string), 'utf8'));
  });
});

describe('pickle answers unpickle to graphite-web’s getInfo() lists, ints and floats alike', () => {
  test.each(ok.filter((c) => c.params.format === 'pickle'))('$file', (c) => {
    const { body, contentType } = render(c);
    expect(contentType).toBe('application/pickle');
    const golden: unknown = JSON.parse(readFileSync(join(GOLDEN, `${c.file as string}.json`), 'utf8'));
    expect(unpickleTyped(body as Buffer)).toEqual(golden);
  });
});

describe('msgpack answers equal graphite-web’s bytes', () => {
  test.each(ok.filter((c) => c.params.format === 'msgpack'))('$file', (c) => {
    const { body, contentType } = render(c);
    expect(contentType).toBe('application/x-msgpack');
    const golden = readFileSync(join(GOLDEN, c.file as string));
    expect(unpack(body as Buffer)).toEqual(unpack(golden));
    expect((body as Buffer).toString('hex')).toBe(golden.toString('hex'));
  });
});

describe('where graphite-web fails', () => {
  test('dygraph over series of different lengths answers rows on the first series’ timestamps', () => {
    const c = manifest.find((m) => m.case === 'mixed' && m.params.format === 'dygraph') as GoldenCase;
    expect(c.status).toBe(500);
    const body = JSON.parse(render(c).body.toString()) as { labels: string[]; data: unknown[][] };
    expect(body.labels).toEqual(['Time', 'render.mixed.s10', 'render.const.one', 'render.neg.y']);
    expect(body.data).toHaveLength(360);
    expect(body.data[359]).toEqual([1700006400000, 29, null, null]);
  });
});
