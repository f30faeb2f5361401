// Reads the points in a backup's WAL segments, for `restore --merge`, which cannot hand them to the live
// server's WAL (Wal itself opens a live log directory and starts a segment): the records are decoded by
// src/ingest/wal.ts's decodeSegment.
import { readFileSync } from 'node:fs';
import { decodeSegment } from '../ingest/wal.js';

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
    const intact = decodeSegment(readFileSync(path), (names, timestamps, values) => {
      for (let i = 0; i < names.length; i++) {
        const name = names[i] as string;
        let list = out.points.get(name);
        if (list === undefined) out.points.set(name, (list = []));
        list.push([timestamps[i] as number, values[i] as number]);
        out.count++;
      }
    });
    if (!intact) out.damaged++;
  }
  return out;
}
