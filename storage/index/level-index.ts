// MetricIndex on LevelDB (`level`): the name tree, series times and tag postings as sorted keys, so find
// range-scans one branch's children and seriesByTag reads one posting list. Layout: docs/storage.md,
// "The metric index". Spec: graphite.md §3 (find) and §4 (tags).
import { Level } from 'level';
import { StorageError } from '../errors.js';
import { LevelEventStore } from '../events/level-event-store.js';
import type {
  FindNode,
  FindOptions,
  MetricIndex,
  SeriesInfo,
  TagCount,
  TagValueCount,
} from './metric-index.js';
import { type TreeEntry, type TreeSource, findNodes } from './find.js';
import { Batch, COUNT, G, K, S, T, V, entry, range } from './level-layout.js';
import { normalizeSeriesName } from './series-name.js';
import { isTagged, parseTaggedName } from './tag-expr.js';
import { type TagSource, filterByRegex, findTaggedSeries } from './tag-query.js';

/** A MetricIndex persisted in a LevelDB directory; mutations are serialized and each is one db.batch. */
const CACHED_CHILDREN_MAX = 50_000;
const CACHED_BRANCHES_MAX = 200_000;

export class LevelMetricIndex implements MetricIndex, TreeSource, TagSource {
  readonly #db: Level<string, string>;
  /** parent path → (child name → flags) for branches find has listed; see #childrenOf. */
  readonly #kids = new Map<string, Map<string, string>>();
  #generation = 0;
  #queue: Promise<unknown> = Promise.resolve();
  #events: LevelEventStore | undefined;

  private constructor(db: Level<string, string>) {
    this.#db = db;
  }

  /** Opens (creating if needed) the index in `dir`; STORAGE_ERR_INDEX if LevelDB cannot (e.g. locked). */
  static async open(dir: string): Promise<LevelMetricIndex> {
    const db = new Level<string, string>(dir);
    try {
      await db.open();
    } catch (err) {
      throw LevelMetricIndex.#fail(err, 'open', dir);
    }
    return new LevelMetricIndex(db);
  }

  static #fail(err: unknown, operation: string, dir: string): StorageError {
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
    const detail = cause instanceof Error ? cause.message : String(cause);
    return new StorageError('STORAGE_ERR_INDEX', `metric index ${dir}: ${operation} failed: ${detail}`, {
      cause: err,
      context: { dir, operation },
    });
  }

  /** Runs one mutation after the previous ones, writing its batch atomically. */
  #mutate<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(work);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #load(keys: Iterable<string>): Promise<Map<string, string | undefined>> {
    const list = [...new Set(keys)];
    const values: (string | undefined)[] = await this.#db.getMany(list);
    return new Map(list.map((k, i) => [k, values[i]]));
  }

  async #write(batch: Batch): Promise<void> {
    const ops = [...batch.ops].map(([key, value]) =>
      value === null ? { type: 'del' as const, key } : { type: 'put' as const, key, value },
    );
    try {
      if (ops.length > 0) await this.#db.batch(ops);
    } catch (err) {
      throw LevelMetricIndex.#fail(err, 'write', this.#db.location);
    } finally {
      this.#generation++;
    }
    // Keep cached children lists in step with the tree keys just written.
    for (const [key, value] of batch.ops) {
      if (!key.startsWith('t\0')) continue;
      const sep = key.indexOf('\0', 2);
      const kids = this.#kids.get(key.slice(2, sep));
      if (kids === undefined) continue;
      if (value === null) kids.delete(key.slice(sep + 1));
      else kids.set(key.slice(sep + 1), value);
    }
  }

  /**
   * The children of a branch (name → flags), read with one range scan and then kept in memory, so a glob
   * over many branches costs map lookups instead of LevelDB reads. Branches with more than
   * CACHED_CHILDREN_MAX children are not kept; the cache holds at most CACHED_BRANCHES_MAX branches.
   */
  async #childrenOf(parent: string): Promise<Map<string, string> | undefined> {
    const cached = this.#kids.get(parent);
    if (cached !== undefined) return cached;
    const generation = this.#generation;
    const base = T(parent, '');
    const kids = new Map<string, string>();
    for await (const [key, flags] of this.#db.iterator(range(base))) {
      kids.set(key.slice(base.length), flags);
      if (kids.size > CACHED_CHILDREN_MAX) return undefined;
    }
    // A write that raced with the scan may be missing from it: answer, but do not keep it.
    if (generation !== this.#generation) return kids;
    if (this.#kids.size >= CACHED_BRANCHES_MAX) this.#kids.delete(this.#kids.keys().next().value as string);
    this.#kids.set(parent, kids);
    return kids;
  }

  async add(series: readonly { name: string; seen: number }[]): Promise<void> {
    const items = series.map((s) => ({ name: normalizeSeriesName(s.name), seen: s.seen }));
    return this.#mutate(async () => {
      const known = await this.#load(items.map((s) => S(s.name)));
      const needed: string[] = [COUNT];
      for (const { name } of items) {
        if (known.get(S(name)) !== undefined) continue;
        if (isTagged(name)) {
          for (const [tag, value] of Object.entries(parseTaggedName(name).tags))
            needed.push(V(tag, value), K(tag));
        } else {
          const parts = name.split('.');
          parts.forEach((part, i) => needed.push(T(parts.slice(0, i).join('.'), part)));
        }
      }
      for (const [k, v] of await this.#load(needed)) known.set(k, v);
      const batch = new Batch(known);
      for (const { name, seen } of items) this.#addOne(batch, name, seen);
      await this.#write(batch);
    });
  }

  #addOne(batch: Batch, name: string, seen: number): void {
    const old = batch.read(S(name));
    if (old !== undefined) {
      const [first = seen, last = seen] = old.split(' ').map(Number);
      batch.put(S(name), `${first} ${Math.max(last, seen)}`);
      return;
    }
    batch.put(S(name), `${seen} ${seen}`);
    batch.bump(COUNT, 1);
    if (isTagged(name)) {
      for (const [tag, value] of Object.entries(parseTaggedName(name).tags)) {
        batch.put(G(tag, value, name), '');
        batch.bump(V(tag, value), 1);
        batch.bump(K(tag), 1);
      }
      return;
    }
    const parts = name.split('.');
    parts.forEach((part, i) => {
      const key = T(parts.slice(0, i).join('.'), part);
      const flags = new Set(batch.read(key) ?? '');
      flags.add(i === parts.length - 1 ? 'L' : 'B');
      batch.put(key, [...flags].sort().join(''));
    });
  }

  remove(names: readonly string[]): Promise<number> {
    return this.#mutate(async () => {
      let removed = 0;
      for (const raw of names) {
        let name: string;
        try {
          name = normalizeSeriesName(raw);
        } catch {
          continue;
        }
        const keys = [S(name), COUNT];
        const tags = isTagged(name) ? Object.entries(parseTaggedName(name).tags) : [];
        for (const [tag, value] of tags) keys.push(V(tag, value), K(tag));
        const parts = isTagged(name) ? [] : name.split('.');
        parts.forEach((part, i) => keys.push(T(parts.slice(0, i).join('.'), part)));
        const batch = new Batch(await this.#load(keys));
        if (batch.read(S(name)) === undefined) continue;
        removed++;
        batch.del(S(name));
        batch.bump(COUNT, -1);
        for (const [tag, value] of tags) {
          batch.del(G(tag, value, name));
          batch.bump(V(tag, value), -1);
          batch.bump(K(tag), -1);
        }
        await this.#prune(batch, parts);
        await this.#write(batch);
      }
      return removed;
    });
  }

  /** Unmarks the leaf `parts`, then deletes nodes left with neither a series nor children, bottom up. */
  async #prune(batch: Batch, parts: string[]): Promise<void> {
    for (let depth = parts.length; depth > 0; depth--) {
      const path = parts.slice(0, depth).join('.');
      const key = T(parts.slice(0, depth - 1).join('.'), parts[depth - 1] ?? '');
      const flags = new Set(batch.read(key) ?? '');
      if (depth === parts.length) flags.delete('L');
      if (!(await this.#hasChildren(batch, path))) flags.delete('B');
      if (flags.size > 0) {
        batch.put(key, [...flags].sort().join(''));
        return;
      }
      batch.del(key);
    }
  }

  async #hasChildren(batch: Batch, path: string): Promise<boolean> {
    for await (const key of this.#db.keys({ ...range(T(path, '')), limit: 2 })) {
      if (batch.ops.get(key) !== null) return true;
    }
    return false;
  }

  async get(name: string): Promise<SeriesInfo | undefined> {
    let key: string;
    try {
      key = normalizeSeriesName(name);
    } catch {
      return undefined;
    }
    const value: string | undefined = await this.#db.get(S(key));
    if (value === undefined) return undefined;
    const [firstSeen = 0, lastSeen = 0] = value.split(' ').map(Number);
    return { name: key, firstSeen, lastSeen };
  }

  async child(parent: string, name: string): Promise<TreeEntry | undefined> {
    const kids = await this.#childrenOf(parent);
    if (kids !== undefined) return entry(name, kids.get(name));
    return entry(name, await this.#db.get(T(parent, name)));
  }

  async *children(parent: string, prefix: string): AsyncIterable<TreeEntry> {
    const kids = await this.#childrenOf(parent);
    if (kids !== undefined) {
      for (const [name, flags] of kids) {
        if (!name.startsWith(prefix)) continue;
        const e = entry(name, flags);
        if (e !== undefined) yield e;
      }
      return;
    }
    const base = T(parent, '');
    for await (const [key, flags] of this.#db.iterator(range(base + prefix))) {
      const e = entry(key.slice(base.length), flags);
      if (e !== undefined) yield e;
    }
  }

  find(pattern: string, options?: FindOptions): Promise<FindNode[]> {
    return findNodes(this, pattern, options);
  }

  async *leaves(): AsyncIterable<string> {
    for await (const key of this.#db.keys(range(S('')))) {
      const name = key.slice(2);
      if (!isTagged(name)) yield name;
    }
  }

  async tagCount(tag: string): Promise<number> {
    return Number((await this.#db.get(K(tag))) ?? 0);
  }

  async valueCount(tag: string, value: string): Promise<number> {
    return Number((await this.#db.get(V(tag, value))) ?? 0);
  }

  async *values(tag: string): AsyncIterable<TagValueCount> {
    const base = V(tag, '');
    for await (const [key, count] of this.#db.iterator(range(base))) {
      yield { value: key.slice(base.length), count: Number(count) };
    }
  }

  async *series(tag: string, value: string): AsyncIterable<string> {
    const base = G(tag, value, '');
    for await (const key of this.#db.keys(range(base))) yield key.slice(base.length);
  }

  async tags(options: { filter?: string; limit?: number } = {}): Promise<TagCount[]> {
    const all: TagCount[] = [];
    for await (const [key, count] of this.#db.iterator(range(K('')))) {
      all.push({ tag: key.slice(2), count: Number(count) });
    }
    return filterByRegex(all, (t) => t.tag, options);
  }

  async tagValues(
    tag: string,
    options: { filter?: string; limit?: number } = {},
  ): Promise<TagValueCount[] | undefined> {
    const all: TagValueCount[] = [];
    for await (const v of this.values(tag)) all.push(v);
    return all.length === 0 ? undefined : filterByRegex(all, (v) => v.value, options);
  }

  findSeries(expressions: readonly string[], options: { limit?: number } = {}): Promise<string[]> {
    return findTaggedSeries(this, expressions, options.limit);
  }

  async *all(): AsyncIterable<SeriesInfo> {
    for await (const [key, value] of this.#db.iterator(range(S('')))) {
      const [firstSeen = 0, lastSeen = 0] = value.split(' ').map(Number);
      yield { name: key.slice(2), firstSeen, lastSeen };
    }
  }

  async size(): Promise<number> {
    return Number((await this.#db.get(COUNT)) ?? 0);
  }

  /** The graphite events stored in this index's LevelDB (sublevel `events`); closed with the index. */
  events(): LevelEventStore {
    this.#events ??= LevelEventStore.over(this.#db);
    return this.#events;
  }

  async close(): Promise<void> {
    await this.#queue;
    await this.#db.close();
  }
}
