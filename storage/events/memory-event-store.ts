// EventStore held in memory: for tests and tools. Same behaviour as LevelEventStore (one conformance suite
// runs on both); graphite-web events/models.py is the reference.
import {
  type EventStore,
  type GraphiteEvent,
  type NewEvent,
  type StoredEvent,
  type TagSet,
  checkRange,
  publicEvent,
  storedEvent,
  tagFilter,
} from './event-store.js';

/** An EventStore in memory; nothing survives the process. */
export class MemoryEventStore implements EventStore {
  /** Sorted by when, then id, so find binary-searches its range. */
  readonly #events: StoredEvent[] = [];
  readonly #byId = new Map<number, StoredEvent>();
  readonly #everSeen = new Set<string>();
  #lastId = 0;

  /** Index of the first event not ordered before (when, id). */
  #lowerBound(when: number, id: number): number {
    let lo = 0;
    let hi = this.#events.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const e = this.#events[mid] as StoredEvent;
      if (e.when < when || (e.when === when && e.id < id)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  async add(event: NewEvent): Promise<GraphiteEvent> {
    const stored = storedEvent(event, this.#lastId + 1);
    this.#lastId = stored.id;
    this.#events.splice(this.#lowerBound(stored.when, stored.id), 0, stored);
    this.#byId.set(stored.id, stored);
    for (const tag of stored.match) this.#everSeen.add(tag);
    return publicEvent(stored);
  }

  async get(id: number): Promise<GraphiteEvent | undefined> {
    const e = this.#byId.get(id);
    return e === undefined ? undefined : publicEvent(e);
  }

  async find(
    from: number,
    until: number,
    tags?: readonly string[] | null,
    set?: TagSet,
  ): Promise<GraphiteEvent[]> {
    checkRange(from, until);
    const matches = tagFilter(tags, set, this.#everSeen);
    if (matches === null) return [];
    const out: GraphiteEvent[] = [];
    for (let i = this.#lowerBound(from, -Infinity); i < this.#events.length; i++) {
      const e = this.#events[i] as StoredEvent;
      if (e.when > until) break;
      if (matches(e)) out.push(publicEvent(e));
    }
    return out;
  }

  async delete(id: number): Promise<GraphiteEvent | undefined> {
    const e = this.#byId.get(id);
    if (e === undefined) return undefined;
    this.#byId.delete(id);
    this.#events.splice(this.#lowerBound(e.when, e.id), 1);
    return publicEvent(e);
  }
}
