// Int32StringReceiver framing: frames split across chunks at every byte, oversize length prefixes.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { PickleFrameDecoder } from '../../src/ingest/pickle.js';

const frame = (payload: Buffer) => {
  const header = Buffer.alloc(4);
  header.writeUInt32BE(payload.length);
  return Buffer.concat([header, payload]);
};

function decode(chunks: Buffer[], maxFrameBytes = 1 << 20) {
  const frames: string[] = [];
  const oversize: number[] = [];
  const decoder = new PickleFrameDecoder({
    maxFrameBytes,
    onFrame: (payload) => frames.push(payload.toString('hex')),
    onOversize: (length) => oversize.push(length),
  });
  for (const chunk of chunks) decoder.push(chunk);
  return { frames, oversize };
}

const payloads = [Buffer.from('first frame'), Buffer.alloc(0), Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])];
const stream = Buffer.concat(payloads.map(frame));
const want = payloads.map((p) => p.toString('hex'));

describe('PickleFrameDecoder', () => {
  test('frames split across two chunks at every byte decode as if whole', () => {
    for (let cut = 0; cut <= stream.length; cut++) {
      expect(decode([stream.subarray(0, cut), stream.subarray(cut)]).frames, `cut at ${cut}`).toEqual(want);
    }
  });

  test('frames delivered a byte at a time decode as if whole', () => {
    expect(decode(Array.from(stream, (_, i) => stream.subarray(i, i + 1))).frames).toEqual(want);
  });

  test('any chunking of any frames yields the same payloads', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        (datas, cuts) => {
          const bytes = Buffer.concat(datas.map((d) => frame(Buffer.from(d))));
          const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const chunks = [0, ...at].map((start, i) => bytes.subarray(start, at[i] ?? bytes.length));
          expect(decode(chunks).frames).toEqual(datas.map((d) => Buffer.from(d).toString('hex')));
        },
      ),
    );
  });

  test('a frame inside one chunk is passed on without copying', () => {
    const seen: Buffer[] = [];
    const decoder = new PickleFrameDecoder({
      maxFrameBytes: 100,
      onFrame: (p) => seen.push(p),
      onOversize: () => {},
    });
    decoder.push(stream);
    expect(seen.map((p) => p.buffer === stream.buffer)).toEqual([true, true, true]);
  });

  test('a big frame in many small chunks is joined once, when complete', () => {
    const big = frame(Buffer.alloc(100_000, 7));
    const original = Buffer.concat;
    let concats = 0;
    Buffer.concat = (...args: Parameters<typeof Buffer.concat>) => (concats++, original(...args));
    try {
      const chunks = Array.from({ length: Math.ceil(big.length / 100) }, (_, i) =>
        big.subarray(i * 100, i * 100 + 100),
      );
      expect(decode(chunks).frames).toHaveLength(1);
    } finally {
      Buffer.concat = original;
    }
    expect(concats).toBeLessThanOrEqual(2);
  });

  test('a frame of exactly maxFrameBytes is accepted', () => {
    expect(decode([frame(Buffer.alloc(10, 1))], 10).frames).toEqual([Buffer.alloc(10, 1).toString('hex')]);
  });

  test('a length prefix over maxFrameBytes reports oversize once and stops the decoder', () => {
    const big = frame(Buffer.alloc(11));
    const result = decode([Buffer.concat([frame(Buffer.from('ok')), big]), frame(Buffer.from('later'))], 10);
    expect(result).toEqual({ frames: [Buffer.from('ok').toString('hex')], oversize: [11] });
  });

  test('a huge length prefix is refused from its 4 header bytes, even split, without waiting for data', () => {
    const huge = Buffer.from([0xff, 0xff, 0xff, 0xff]);
    expect(decode([huge.subarray(0, 1), huge.subarray(1, 3), huge.subarray(3)], 1 << 20)).toEqual({
      frames: [],
      oversize: [0xffffffff],
    });
  });
});
