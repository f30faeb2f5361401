// Reads for the server: a whisper fetch merged with the points the cache still holds (waiting or being
// written), so a point can be read as soon as it is accepted, also before its file exists (graphite-web
// merges carbonlink's cached points the same way: each point overwrites its interval's slot).
import { join } from 'node:path';
import {
  type FetchResult,
  type RetentionPolicy,
  StorageError,
  fetch,
  fetchWindow,
  planHeader,
} from '../storage/index.js';
import type { WriteCache } from './ingest/cache.js';

export interface FacadeOptions {
  whisperDir: string;
  cache: WriteCache;
  policy: () => RetentionPolicy;
  pathOf: (name: string) => string;
}

export class StorageFacade {
  readonly #o: FacadeOptions;

  constructor(options: FacadeOptions) {
    this.#o = options;
  }

  /**
   * The series of `name` over [from, until] (seconds) as of `now`: the file's fetch (or, before the file
   * exists, the window it will have) with cached points laid over it. Null when nothing can be returned.
   */
  fetch(name: string, from: number, until: number, now: number): FetchResult | null {
    const pending = this.#o.cache.pending(name);
    let result: FetchResult | null;
    try {
      result = fetch(join(this.#o.whisperDir, this.#o.pathOf(name)), from, until, now);
    } catch (err) {
      if (!(err instanceof StorageError && err.code === 'STORAGE_ERR_NOT_FOUND')) throw err;
      if (pending.timestamps.length === 0) return null;
      const planned = this.#o.policy().match(name);
      const header = planHeader(name, planned.archives, planned);
      const window = fetchWindow(header, from, until, now);
      if (window === null) return null;
      const { fromInterval, untilInterval, step } = window;
      result = {
        fromInterval,
        untilInterval,
        step,
        values: new Array((untilInterval - fromInterval) / step).fill(null),
      };
    }
    if (result === null) return null;
    const { fromInterval, untilInterval, step, values } = result;
    for (let i = 0; i < pending.timestamps.length; i++) {
      const t = pending.timestamps[i] as number;
      const interval = t - (((t % step) + step) % step);
      if (interval >= fromInterval && interval < untilInterval) {
        values[(interval - fromInterval) / step] = pending.values[i] as number;
      }
    }
    return result;
  }
}
