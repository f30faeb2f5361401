// The LevelDB key layout of LevelMetricIndex (docs/storage.md, "The metric index") and the write batch
// a mutation builds: reads see the batch's own earlier writes, so one db.batch covers a whole add.
import type { TreeEntry } from './find.js';

// Key builders. NUL separates parts: it sorts first and cannot occur in a series name.
export const S = (name: string): string => `s\0${name}`;
export const T = (parent: string, child: string): string => `t\0${parent}\0${child}`;
export const G = (tag: string, value: string, series: string): string => `g\0${tag}\0${value}\0${series}`;
export const V = (tag: string, value: string): string => `v\0${tag}\0${value}`;
export const K = (tag: string): string => `k\0${tag}`;
export const COUNT = 'm\0count';

/** Range bounds of every key starting with `prefix` (LevelDB sorts UTF-8 bytes, i.e. code points). */
export function range(prefix: string): { gte: string; lt: string } {
  const last = prefix.codePointAt(prefix.length - 1) ?? 0;
  return { gte: prefix, lt: prefix.slice(0, -1) + String.fromCodePoint(last + 1) };
}

export const entry = (name: string, flags: string | undefined): TreeEntry | undefined =>
  flags === undefined ? undefined : { name, leaf: flags.includes('L'), branch: flags.includes('B') };

/** Pending writes of one mutation over the database: reads see earlier writes of the same batch. */
export class Batch {
  readonly ops = new Map<string, string | null>();
  constructor(readonly known: Map<string, string | undefined>) {}
  read(key: string): string | undefined {
    const op = this.ops.get(key);
    return op === null ? undefined : (op ?? this.known.get(key));
  }
  put(key: string, value: string): void {
    this.ops.set(key, value);
  }
  del(key: string): void {
    this.ops.set(key, null);
  }
  bump(key: string, by: number): void {
    const n = Number(this.read(key) ?? '0') + by;
    if (n > 0) this.put(key, String(n));
    else this.del(key);
  }
}
