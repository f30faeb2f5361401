// The metric index: the name tree of plain series (find, expand, index.json), first/last-seen times, and the
// tag index of tagged series (seriesByTag, /tags). One interface, two implementations (LevelDB for the
// server, memory for tests) that pass one conformance suite (abstract-level's test/index.js pattern).
// Spec: shared/reference/graphite.md §3 and §4.

/** One match of a find: a branch (has children) or a leaf (a series); a name can be both. */
export interface FindNode {
  /** Full dotted path, e.g. `servers.web01.cpu`. */
  path: string;
  /** Last node of the path, e.g. `cpu`. */
  name: string;
  isLeaf: boolean;
}

export interface SeriesInfo {
  /** Plain dotted path or canonical tagged name (`name;tag=value;…`). */
  name: string;
  /** Seconds since the epoch. */
  firstSeen: number;
  lastSeen: number;
}

export interface FindOptions {
  /** Most nodes to return; more is an IndexLimitError (STORAGE_ERR_LIMIT_EXCEEDED). */
  limit?: number;
  leavesOnly?: boolean;
}

export interface TagCount {
  tag: string;
  /** Series carrying the tag. */
  count: number;
}

export interface TagValueCount {
  value: string;
  count: number;
}

export interface MetricIndex {
  /** Adds series (plain paths or canonical tagged names), or refreshes their lastSeen. */
  add(series: readonly { name: string; seen: number }[]): Promise<void>;
  /** Removes series; returns how many existed. */
  remove(names: readonly string[]): Promise<number>;
  get(name: string): Promise<SeriesInfo | undefined>;
  /** Graphite glob find over the plain tree (braces, `*`, `?`, `[…]`, `[!…]`, `**`), sorted by path. */
  find(pattern: string, options?: FindOptions): Promise<FindNode[]>;
  /** Every plain leaf, sorted (/metrics/index.json). */
  leaves(): AsyncIterable<string>;
  /** Tags in use, sorted; `filter` is a regex source anchored at the start as graphite-web does. */
  tags(options?: { filter?: string; limit?: number }): Promise<TagCount[]>;
  /** Values of one tag with series counts, sorted; undefined when no series has the tag. */
  tagValues(tag: string, options?: { filter?: string; limit?: number }): Promise<TagValueCount[] | undefined>;
  /** seriesByTag: canonical names of the series matching every expression, sorted. */
  findSeries(expressions: readonly string[], options?: { limit?: number }): Promise<string[]>;
  /** Every series (plain and tagged), for reconciliation with the files. */
  all(): AsyncIterable<SeriesInfo>;
  /** Series count (plain + tagged). */
  size(): Promise<number>;
  close(): Promise<void>;
}
