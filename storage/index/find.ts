// The find walk shared by both indexes: graphite-web StandardFinder._find_paths over a name tree that
// answers "child by name" and "children by prefix" (graphite.md §3.4), never a scan of every series.
import { StorageError } from '../errors.js';
import type { FindNode, FindOptions } from './metric-index.js';
import { type CompiledGlob, type GlobSegment, compileGlob } from './glob.js';

/** One child of a branch: a name can be a leaf (a series), a branch (has children) or both. */
export interface TreeEntry {
  name: string;
  leaf: boolean;
  branch: boolean;
}

/** What find needs from an index's tree. The root is the parent `''`. */
export interface TreeSource {
  /** The child `name` of `parent`, if any. */
  child(parent: string, name: string): Promise<TreeEntry | undefined>;
  /** Children of `parent` whose name starts with `prefix` (a range scan), in any order. */
  children(parent: string, prefix: string): AsyncIterable<TreeEntry>;
}

const join = (parent: string, name: string): string => (parent === '' ? name : `${parent}.${name}`);

/** Node order of find results: by path, the branch before the leaf of the same path. */
export function compareNodes(a: FindNode, b: FindNode): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return Number(a.isLeaf) - Number(b.isLeaf);
}

class Collector {
  readonly nodes = new Map<string, FindNode>();
  constructor(
    readonly glob: CompiledGlob,
    readonly options: FindOptions,
  ) {}

  add(parent: string, entry: TreeEntry): void {
    // graphite-web skips every match whose file or directory name starts with a dot.
    if (entry.name.startsWith('.')) return;
    const path = join(parent, entry.name);
    if (entry.branch && this.options.leavesOnly !== true)
      this.#put({ path, name: entry.name, isLeaf: false });
    if (entry.leaf) this.#put({ path, name: entry.name, isLeaf: true });
  }

  /** graphite-web joins an empty segment onto the directory itself, a branch named `''`. */
  addSelf(parent: string): void {
    if (this.options.leavesOnly !== true)
      this.#put({ path: parent === '' ? '' : `${parent}.`, name: '', isLeaf: false });
  }

  #put(node: FindNode): void {
    const key = `${node.isLeaf ? 'L' : 'B'}${node.path}`;
    if (this.nodes.has(key)) return;
    this.nodes.set(key, node);
    const limit = this.options.limit;
    if (limit !== undefined && this.nodes.size > limit) {
      throw new StorageError(
        'STORAGE_ERR_LIMIT_EXCEEDED',
        `find "${this.glob.pattern}" matches more than the limit of ${limit} nodes`,
        { context: { pattern: this.glob.pattern, limit } },
      );
    }
  }
}

async function* descendants(tree: TreeSource, parent: string): AsyncIterable<[string, TreeEntry]> {
  for await (const entry of tree.children(parent, '')) {
    yield [parent, entry];
    if (entry.branch) yield* descendants(tree, join(parent, entry.name));
  }
}

async function walk(tree: TreeSource, out: Collector, parent: string, depth: number): Promise<void> {
  const alternatives = out.glob.segments[depth] ?? [];
  const last = depth === out.glob.segments.length - 1;
  for (const alt of alternatives) await walkSegment(tree, out, parent, depth, alt, last);
}

async function walkSegment(
  tree: TreeSource,
  out: Collector,
  parent: string,
  depth: number,
  alt: GlobSegment,
  last: boolean,
): Promise<void> {
  if (alt.kind === 'globstar') {
    // Terminal `**` lists every node below; otherwise the rest applies at this level and every level below.
    if (last) {
      for await (const [dir, entry] of descendants(tree, parent)) out.add(dir, entry);
      return;
    }
    await walk(tree, out, parent, depth + 1);
    for await (const [dir, entry] of descendants(tree, parent)) {
      if (entry.branch) await walk(tree, out, join(dir, entry.name), depth + 1);
    }
    return;
  }
  if (alt.kind === 'literal' && alt.name === '') {
    // os.path.join(dir, '') is dir: an empty segment (`a..b`, `{,x}`) stays at this level.
    if (last) out.addSelf(parent);
    else await walk(tree, out, parent, depth + 1);
    return;
  }
  const matched: TreeEntry[] = [];
  if (alt.kind === 'literal') {
    const entry = await tree.child(parent, alt.name);
    if (entry !== undefined) matched.push(entry);
  } else {
    for await (const entry of tree.children(parent, alt.prefix))
      if (alt.match(entry.name)) matched.push(entry);
  }
  for (const entry of matched) {
    if (last) out.add(parent, entry);
    else if (entry.branch) await walk(tree, out, join(parent, entry.name), depth + 1);
  }
}

/**
 * Runs a Graphite find over `tree`: branches and leaves matching `pattern`, a path that is both appearing
 * twice, sorted by path. More than `options.limit` nodes is STORAGE_ERR_LIMIT_EXCEEDED.
 */
export async function findNodes(
  tree: TreeSource,
  pattern: string,
  options: FindOptions = {},
): Promise<FindNode[]> {
  const glob = compileGlob(pattern);
  const out = new Collector(glob, options);
  await walk(tree, out, '', 0);
  let nodes = [...out.nodes.values()];
  if (glob.escapedFields.size > 0) {
    const unique = new Map<string, FindNode>();
    for (const node of nodes) {
      const parts = node.path.split('.');
      for (const [index, text] of glob.escapedFields) if (index < parts.length) parts[index] = text;
      const path = parts.join('.');
      unique.set(`${node.isLeaf ? 'L' : 'B'}${path}`, {
        path,
        name: parts.at(-1) ?? '',
        isLeaf: node.isLeaf,
      });
    }
    nodes = [...unique.values()];
  }
  return nodes.sort(compareNodes);
}
