// The events store contract (graphite-web events/models.py `Event` and `find_events`): annotations such
// as "release 1.2 deployed", each with a time, a title, free text and tags. Spec: graphite.md §5.
import { parseTagInput, splitWords } from './tag-input.js';

/** One stored event, as graphite-web's `Event.as_dict()` has it (`when` keeps any fraction of a second). */
export interface GraphiteEvent {
  id: number;
  /** Epoch seconds. */
  when: number;
  what: string;
  data: string;
  tags: string[];
}

/** What `add` takes: tags are already split (graphite-web joins an array with spaces, then splits). */
export interface NewEvent {
  what: string;
  when: number;
  tags?: readonly string[];
  data?: string;
}

/**
 * How find combines several tags (graphite-web's `set` parameter). Absent: every tag that any event ever
 * had must be on the event (django-tagging `with_all`); `union`: any of them; `intersection`: every tag
 * asked for, known or not.
 */
export type TagSet = 'union' | 'intersection';

export interface EventStore {
  /** Stores an event under the next id (ids are never reused, even after a delete). */
  add(event: NewEvent): Promise<GraphiteEvent>;
  get(id: number): Promise<GraphiteEvent | undefined>;
  /**
   * Events with from ≤ when ≤ until, ordered by when then id. `tags` absent or empty: no tag filter;
   * otherwise see {@link TagSet}. Reads only the keys in the time range.
   */
  find(from: number, until: number, tags?: readonly string[] | null, set?: TagSet): Promise<GraphiteEvent[]>;
  /** Removes an event; returns it, or undefined when there was none with that id. */
  delete(id: number): Promise<GraphiteEvent | undefined>;
}

/** The earliest and latest `when` graphite-web can store (Python datetime years 1 to 9999). */
export const MIN_WHEN = -62_135_596_800;
export const MAX_WHEN = 253_402_300_799;

/** An event as a store keeps it: with the tags it is matched by (django-tagging's Tag rows). */
export interface StoredEvent extends GraphiteEvent {
  match: string[];
}

/**
 * The record to store for a new event (programmer errors throw: the HTTP layer validates user input
 * first). graphite-web joins the tags with spaces, shows that string split on whitespace, and matches
 * queries against parse_tag_input of it, so `"tags": "a, b c"` shows `a,` `b` `c` but matches `a` and `b c`.
 */
export function storedEvent(event: NewEvent, id: number): StoredEvent {
  if (typeof event.what !== 'string') throw new TypeError('event.what must be a string');
  if (!Number.isFinite(event.when) || event.when < MIN_WHEN || event.when > MAX_WHEN)
    throw new RangeError(`event.when ${event.when} is not a time between years 1 and 9999`);
  const raw = (event.tags ?? []).join(' ');
  const tags = splitWords(raw);
  return { id, when: event.when, what: event.what, data: event.data ?? '', tags, match: parseTagInput(raw) };
}

/** The event without the store's own fields, safe to hand out (a copy). */
export function publicEvent(e: StoredEvent): GraphiteEvent {
  return { id: e.id, when: e.when, what: e.what, data: e.data, tags: [...e.tags] };
}

/** Checks find's time range (programmer errors). */
export function checkRange(from: number, until: number): void {
  if (Number.isNaN(from) || Number.isNaN(until)) throw new RangeError('find: from and until must be numbers');
}

/**
 * The tag filter of a find, or null when nothing can match. `everSeen` says which of the asked tags some
 * event has ever been matched by: like django-tagging, the default and `union` drop the others, so
 * `tags=deploy typo` matches every `deploy` event, and a query of only unknown tags matches nothing.
 */
export function tagFilter(
  tags: readonly string[] | null | undefined,
  set: TagSet | undefined,
  everSeen: ReadonlySet<string>,
): ((e: StoredEvent) => boolean) | null {
  if (tags === null || tags === undefined || tags.length === 0) return () => true;
  const known = [...new Set(tags)].filter((t) => everSeen.has(t));
  if (known.length === 0) return null;
  if (set === 'union') return (e) => e.match.some((t) => known.includes(t));
  const withAll = (e: StoredEvent): boolean => known.every((t) => e.match.includes(t));
  if (set !== 'intersection') return withAll;
  // graphite-web then keeps events whose shown tags hold every tag asked for, counted with repeats
  // (len(set(tags) & set(event.tags)) == len(tags)), so a repeated tag never matches.
  if (new Set(tags).size !== tags.length) return null;
  return (e) => withAll(e) && tags.every((t) => e.tags.includes(t));
}
