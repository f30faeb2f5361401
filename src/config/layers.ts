// Merges config sources lowest to highest precedence, remembering which file, variable or flag set each key,
// so one validation pass can still say where a bad value came from. Spec: docs/configuration.md#precedence.
import type { z } from 'zod';

/** One key set by one source: `['cache', 'maxSize']` → 5000. */
export interface Setting {
  path: readonly string[];
  value: unknown;
}

/** What one source contributes, with the label messages start with (`environment CARBONADO_LISTEN`). */
export interface Layer {
  source: string;
  settings: Setting[];
}

/** One problem, as `${source}: ${message}`; message starts with the key (`cache.maxSize: expected …`). */
export interface ConfigIssue {
  source: string;
  key: string;
  message: string;
}

/** The label of keys no source set. */
export const DEFAULTS_SOURCE = 'defaults';

type Plain = Record<string, unknown>;

/** A mapping as YAML and JSON produce it (not a list, not null). */
export function isPlainObject(value: unknown): value is Plain {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Every leaf of a parsed file as a setting; lists and scalars are leaves, mappings are walked. */
export function settingsOf(object: Plain, prefix: readonly string[] = []): Setting[] {
  return Object.keys(object).flatMap((key) => {
    const value = object[key];
    const path = [...prefix, key];
    return isPlainObject(value) && Object.keys(value).length > 0
      ? settingsOf(value, path)
      : [{ path, value }];
  });
}

// defineProperty and hasOwn keep a key named __proto__ an ordinary (and later rejected) key.
function define(target: Plain, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function setPath(target: Plain, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const child = Object.hasOwn(node, key) ? node[key] : undefined;
    if (isPlainObject(child)) {
      node = child;
    } else {
      const fresh: Plain = {};
      define(node, key, fresh);
      node = fresh;
    }
  }
  const last = path.at(-1);
  if (last !== undefined) define(node, last, value);
}

/** The merged input plus, per dotted key, the source and rank (higher wins) that set it. */
export interface Merged {
  input: Plain;
  sources: Map<string, { source: string; rank: number }>;
}

/** Applies layers in order: a later layer's key replaces an earlier one's. */
export function mergeLayers(layers: readonly Layer[]): Merged {
  const input: Plain = {};
  const sources = new Map<string, { source: string; rank: number }>();
  layers.forEach((layer, rank) => {
    for (const { path, value } of layer.settings) {
      setPath(input, path, value);
      sources.set(path.join('.'), { source: layer.source, rank });
    }
  });
  return { input, sources };
}

interface Origin {
  source: string;
  /** The key the source actually set: `key` itself, a child of it, or a parent. */
  setKey: string;
}

/** Who set `key`: the highest-ranked source of it or one of its children, else of its nearest parent. */
function originOf(key: string, sources: Merged['sources']): Origin {
  let best: (Origin & { rank: number }) | undefined;
  for (const [setKey, entry] of sources) {
    const within = key === '' || setKey === key || setKey.startsWith(`${key}.`);
    if (within && (best === undefined || entry.rank > best.rank)) best = { ...entry, setKey };
  }
  if (best !== undefined) return best;
  const parts = key.split('.');
  for (let n = parts.length - 1; n > 0; n--) {
    const setKey = parts.slice(0, n).join('.');
    const parent = sources.get(setKey);
    if (parent !== undefined) return { source: parent.source, setKey };
  }
  return { source: DEFAULTS_SOURCE, setKey: key };
}

/** zod's issues as ConfigIssues, one per unknown key, each naming its source. */
export function issuesFromZod(
  issues: readonly z.core.$ZodIssue[],
  sources: Merged['sources'],
): ConfigIssue[] {
  return issues.flatMap((issue): ConfigIssue[] => {
    const key = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((name) => {
        const unknown = key === '' ? name : `${key}.${name}`;
        return { source: originOf(unknown, sources).source, key: unknown, message: `unknown key ${unknown}` };
      });
    }
    const related =
      issue.code === 'custom' ? (issue.params as { keys?: string[] } | undefined)?.keys : undefined;
    if (related !== undefined) {
      // A rule across keys (two listeners on one port): blame every source involved, not the defaults.
      const named = [...new Set(related.map((k) => originOf(k, sources).source))];
      const blamed = named.filter((s) => s !== DEFAULTS_SOURCE);
      const source = (blamed.length > 0 ? blamed : named).join(' and ');
      return [{ source, key: related.join(', '), message: issue.message }];
    }
    const { source, setKey } = originOf(key, sources);
    if (key !== '' && setKey.startsWith(`${key}.`)) {
      // Only a source writing below a plain value (CARBONADO_LISTEN__PORT) gives it a mapping.
      return [{ source, key: setKey, message: `unknown key ${setKey} (${key} is not a section)` }];
    }
    return [{ source, key, message: key === '' ? issue.message : `${key}: ${issue.message}` }];
  });
}

/** `${source}: ${message}`, one line per issue. */
export function formatIssues(issues: readonly ConfigIssue[]): string {
  return issues.map((issue) => `${issue.source}: ${issue.message}`).join('\n');
}

const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * How an environment variable or flag value becomes a config value: kept as text where the key's default is
 * text (so `instance=1` stays "1"), else a JSON number, `true`/`false`, or the text itself.
 */
export function scalarDecoder(defaults: unknown): (path: readonly string[], raw: string) => unknown {
  return (path, raw) => {
    let node = defaults;
    for (const key of path) node = isPlainObject(node) && Object.hasOwn(node, key) ? node[key] : undefined;
    if (typeof node === 'string') return raw;
    if (raw === 'true') return true;
    if (raw === 'false') return false;
    return JSON_NUMBER.test(raw) ? Number(raw) : raw;
  };
}
