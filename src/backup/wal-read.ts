// Reads the points in a backup's WAL segments, for `restore --merge`, which cannot hand them to the live
// server's WAL. The record format is src/ingest/wal.ts's (u32 length, u32 crc32, msgpack [names, timestamps,
// values]); Wal itself only opens a live log directory (it starts a segment), so the decoding is repeated here.
import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { Packr } from 'msgpackr';

const HEADER = 8;
const packr = new Packr({ useRecords: false });

export interface WalPoints {
  /** Metric name → [timestamp, value] in log order (later entries win, as on replay). */
  points: Map<string, [number, number][]>;
  count: number;
  /** Segments that ended in a torn or damaged record (replay stops there too). */
  damaged: number;
}

export function readWalSegments(paths: readonly string[]): WalPoints {
  const out: WalPoints = { points: new Map(), count: 0, damaged: 0 };
  for (const path of paths) {
    const data = readFileSync(path);
    let at = 0;
    while (at + HEADER <= data.length) {
      const length = data.readUInt32BE(at);
      const end = at + HEADER + length;
      if (end > data.length || crc32(data.subarray(at + HEADER, end)) !== data.readUInt32BE(at + 4)) break;
      const [names, timestamps, values] = packr.unpack(data.subarray(at + HEADER, end)) as [
        string[],
        number[],
        number[],
      ];
      for (let i = 0; i < names.length; i++) {
        const name = names[i] as string;
        let list = out.points.get(name);
        if (list === undefined) out.points.set(name, (list = []));
        list.push([timestamps[i] as number, values[i] as number]);
        out.count++;
      }
      at = end;
    }
    if (at < data.length) out.damaged++;
  }
  return out;
}
