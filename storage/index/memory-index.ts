// MetricIndex held in maps: for tests and for tools that index a whisper tree once. Same behaviour as
// LevelMetricIndex (one conformance suite runs on both). Spec: graphite.md §3 (find) and §4 (tags).
import type {
  FindNode,
  FindOptions,
  MetricIndex,
  SeriesInfo,
  TagCount,
  TagValueCount,
} from './metric-index.js';
import { type TreeEntry, type TreeSource, findNodes } from './find.js';
import { normalizeSeriesName } from './series-name.js';
import { isTagged, parseTaggedName } from './tag-expr.js';
import { type TagSource, compareStrings, filterByRegex, findTaggedSeries } from './tag-query.js';

interface TreeNode {
  leaf: boolean;
  /** Child name → node; empty when the node is only a leaf. */
  children: Map<string, TreeNode>;
}

const sortedKeys = <V>(map: Map<string, V>): string[] => [...map.keys()].sort(compareStrings);

/** A MetricIndex in memory; nothing survives close. */
export class MemoryMetricIndex implements MetricIndex, TreeSource, TagSource {
  readonly #series = new Map<string, SeriesInfo>();
  readonly #root: TreeNode = { leaf: false, children: new Map() };
  /** tag → value → canonical names. */
  readonly #postings = new Map<string, Map<string, Set<string>>>();
  #closed = false;

  #check(): void {
    if (this.#closed) throw new TypeError('MemoryMetricIndex is closed');
  }

  #node(path: string): TreeNode | undefined {
    let node: TreeNode | undefined = this.#root;
    if (path === '') return node;
    for (const part of path.split('.')) node = node?.children.get(part);
    return node;
  }

  async add(series: readonly { name: string; seen: number }[]): Promise<void> {
    this.#check();
    for (const { name: raw, seen } of series) {
      const name = normalizeSeriesName(raw);
      const known = this.#series.get(name);
      if (known !== undefined) {
        known.lastSeen = Math.max(known.lastSeen, seen);
        continue;
      }
      this.#series.set(name, { name, firstSeen: seen, lastSeen: seen });
      if (isTagged(name)) {
        for (const [tag, value] of Object.entries(parseTaggedName(name).tags)) {
          const values = this.#postings.get(tag) ?? new Map<string, Set<string>>();
          this.#postings.set(tag, values);
          const names = values.get(value) ?? new Set<string>();
          values.set(value, names);
          names.add(name);
        }
        continue;
      }
      let node = this.#root;
      for (const part of name.split('.')) {
        const child = node.children.get(part) ?? { leaf: false, children: new Map<string, TreeNode>() };
        node.children.set(part, child);
        node = child;
      }
      node.leaf = true;
    }
  }

  async remove(names: readonly string[]): Promise<number> {
    this.#check();
    let removed = 0;
    for (const raw of names) {
      let name: string;
      try {
        name = normalizeSeriesName(raw);
      } catch {
        continue;
      }
      if (!this.#series.delete(name)) continue;
      removed++;
      if (isTagged(name)) {
        for (const [tag, value] of Object.entries(parseTaggedName(name).tags)) {
          const values = this.#postings.get(tag);
          values?.get(value)?.delete(name);
          if (values?.get(value)?.size === 0) values.delete(value);
          if (values?.size === 0) this.#postings.delete(tag);
        }
        continue;
      }
      // Unmark the leaf, then prune nodes left with neither a series nor children, bottom up.
      const parts = name.split('.');
      const chain = [this.#root];
      for (const part of parts) {
        const next = chain.at(-1)?.children.get(part);
        if (next === undefined) break;
        chain.push(next);
      }
      const leaf = chain.at(-1);
      if (leaf !== undefined) leaf.leaf = false;
      for (let depth = parts.length; depth > 0; depth--) {
        const node = chain[depth];
        if (node === undefined || node.leaf || node.children.size > 0) break;
        chain[depth - 1]?.children.delete(parts[depth - 1] ?? '');
      }
    }
    return removed;
  }

  async get(name: string): Promise<SeriesInfo | undefined> {
    this.#check();
    let key: string;
    try {
      key = normalizeSeriesName(name);
    } catch {
      return undefined;
    }
    const info = this.#series.get(key);
    return info === undefined ? undefined : { ...info };
  }

  async child(parent: string, name: string): Promise<TreeEntry | undefined> {
    const node = this.#node(parent)?.children.get(name);
    return node === undefined ? undefined : { name, leaf: node.leaf, branch: node.children.size > 0 };
  }

  async *children(parent: string, prefix: string): AsyncIterable<TreeEntry> {
    const node = this.#node(parent);
    if (node === undefined) return;
    for (const [name, child] of node.children) {
      if (name.startsWith(prefix)) yield { name, leaf: child.leaf, branch: child.children.size > 0 };
    }
  }

  async find(pattern: string, options?: FindOptions): Promise<FindNode[]> {
    this.#check();
    return findNodes(this, pattern, options);
  }

  async *leaves(): AsyncIterable<string> {
    this.#check();
    for (const name of sortedKeys(this.#series)) if (!isTagged(name)) yield name;
  }

  async tagCount(tag: string): Promise<number> {
    let n = 0;
    for (const names of this.#postings.get(tag)?.values() ?? []) n += names.size;
    return n;
  }

  async valueCount(tag: string, value: string): Promise<number> {
    return this.#postings.get(tag)?.get(value)?.size ?? 0;
  }

  async *values(tag: string): AsyncIterable<TagValueCount> {
    const values = this.#postings.get(tag);
    if (values === undefined) return;
    for (const value of sortedKeys(values)) yield { value, count: values.get(value)?.size ?? 0 };
  }

  async *series(tag: string, value: string): AsyncIterable<string> {
    yield* this.#postings.get(tag)?.get(value) ?? [];
  }

  async tags(options: { filter?: string; limit?: number } = {}): Promise<TagCount[]> {
    this.#check();
    const all: TagCount[] = [];
    for (const tag of sortedKeys(this.#postings)) all.push({ tag, count: await this.tagCount(tag) });
    return filterByRegex(all, (t) => t.tag, options);
  }

  async tagValues(
    tag: string,
    options: { filter?: string; limit?: number } = {},
  ): Promise<TagValueCount[] | undefined> {
    this.#check();
    if (!this.#postings.has(tag)) return undefined;
    const all: TagValueCount[] = [];
    for await (const v of this.values(tag)) all.push(v);
    return filterByRegex(all, (v) => v.value, options);
  }

  async findSeries(expressions: readonly string[], options: { limit?: number } = {}): Promise<string[]> {
    this.#check();
    return findTaggedSeries(this, expressions, options.limit);
  }

  async *all(): AsyncIterable<SeriesInfo> {
    this.#check();
    for (const name of sortedKeys(this.#series)) {
      const info = this.#series.get(name);
      if (info !== undefined) yield { ...info };
    }
  }

  async size(): Promise<number> {
    this.#check();
    return this.#series.size;
  }

  async close(): Promise<void> {
    this.#closed = true;
  }
}
