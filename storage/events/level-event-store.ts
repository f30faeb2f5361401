// EventStore in a sublevel (`events`) of the metric index's LevelDB. Events are keyed by time, so a
// time-range query reads only its range. Reference: graphite-web events/models.py; layout below.
import type { Level } from 'level';
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

// Key layout inside the sublevel (NUL separates parts and sorts first):
//   w\0<when>\0<id>  → the StoredEvent as JSON    (<when>: sortable float64, <id>: 16 decimal digits)
//   i\0<id>          → <when>                 (get and delete by id)
//   t\0<tag>         → ''                     (every tag an event was ever matched by)
//   n                → the last id handed out (ids are never reused)
const W = (when: string, id: string): string => `w\0${when}\0${id}`;
const I = (id: string): string => `i\0${id}`;
const T = (tag: string): string => `t\0${tag}`;
const LAST_ID = 'n';

const idKey = (id: number): string => String(id).padStart(16, '0');

/** 16 hex digits whose string order is the numeric order of the float64 `when` (sign bit flipped). */
export function whenKey(when: number): string {
  const buf = Buffer.alloc(8);
  buf.writeDoubleBE(when === 0 ? 0 : when); // -0 sorts with 0
  if ((buf[0] as number) & 0x80) for (let i = 0; i < 8; i++) buf[i] = ~(buf[i] as number) & 0xff;
  else buf[0] = (buf[0] as number) | 0x80;
  return buf.toString('hex');
}

function eventsSublevel(db: Level<string, string>) {
  return db.sublevel<string, string>('events', { keyEncoding: 'utf8', valueEncoding: 'utf8' });
}
type EventsDb = ReturnType<typeof eventsSublevel>;

/**
 * An EventStore persisted next to the metric index (LevelMetricIndex.events() makes it); closing the index
 * closes it. Adds and deletes are serialized so ids are handed out in order.
 */
export class LevelEventStore implements EventStore {
  readonly #db: EventsDb;
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(db: EventsDb) {
    this.#db = db;
  }

  /** The store over the `events` sublevel of `db` (which must be, or be about to be, open). */
  static over(db: Level<string, string>): LevelEventStore {
    return new LevelEventStore(eventsSublevel(db));
  }

  #mutate<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(work);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async add(event: NewEvent): Promise<GraphiteEvent> {
    return this.#mutate(async () => {
      const stored = storedEvent(event, Number((await this.#db.get(LAST_ID)) ?? '0') + 1);
      const id = idKey(stored.id);
      const when = whenKey(stored.when);
      await this.#db.batch([
        { type: 'put', key: W(when, id), value: JSON.stringify(stored) },
        { type: 'put', key: I(id), value: when },
        { type: 'put', key: LAST_ID, value: String(stored.id) },
        ...stored.match.map((tag) => ({ type: 'put' as const, key: T(tag), value: '' })),
      ]);
      return publicEvent(stored);
    });
  }

  async get(id: number): Promise<GraphiteEvent | undefined> {
    if (!Number.isSafeInteger(id) || id < 1) return undefined;
    const when = await this.#db.get(I(idKey(id)));
    if (when === undefined) return undefined;
    const json = await this.#db.get(W(when, idKey(id)));
    return json === undefined ? undefined : publicEvent(JSON.parse(json) as StoredEvent);
  }

  async find(
    from: number,
    until: number,
    tags?: readonly string[] | null,
    set?: TagSet,
  ): Promise<GraphiteEvent[]> {
    checkRange(from, until);
    if (from > until) return [];
    const asked = [...new Set(tags ?? [])];
    const seen = await this.#db.getMany(asked.map(T));
    const matches = tagFilter(tags, set, new Set(asked.filter((_, i) => seen[i] !== undefined)));
    if (matches === null) return [];
    const out: GraphiteEvent[] = [];
    // '\x01' closes the range just after every id at `until`'s time.
    const range = { gte: W(whenKey(from), ''), lt: `w\0${whenKey(until)}\x01` };
    for await (const json of this.#db.values(range)) {
      const e = JSON.parse(json) as StoredEvent;
      if (matches(e)) out.push(publicEvent(e));
    }
    return out;
  }

  delete(id: number): Promise<GraphiteEvent | undefined> {
    return this.#mutate(async () => {
      const e = await this.get(id);
      if (e === undefined) return undefined;
      await this.#db.batch([
        { type: 'del', key: W(whenKey(e.when), idKey(id)) },
        { type: 'del', key: I(idKey(id)) },
      ]);
      return e;
    });
  }
}
