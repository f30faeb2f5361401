// Applies a bulk-resize plan: in parallel on a worker pool of its own when no server runs, or through a
// running server's POST /admin/resize, which runs each file on the write-pool shard that owns it (docs/cli.md).
import { type ResizeItem, type ResizeItemResult, ResizePool, type ResizeTask } from '../../storage/index.js';

/** Files per task: big enough to amortize a message, small enough to keep every thread busy to the end. */
export const BATCH_FILES = 64;

export interface ApplyOptions {
  whisperDir: string;
  items: ResizeItem[];
  now?: number;
  aggregate: boolean;
  nobackup: boolean;
  /** Worker threads (local) or requests in flight (server). */
  jobs: number;
  /** A running server to do the work: its HTTP address and admin token. */
  server?: { url: string; token: string };
  /** Called with each batch's results as it finishes. */
  onResults: (results: ResizeItemResult[]) => void;
}

function batches(o: ApplyOptions): ResizeTask[] {
  const out: ResizeTask[] = [];
  for (let i = 0; i < o.items.length; i += BATCH_FILES) {
    out.push({
      whisperDir: o.whisperDir,
      ...(o.now === undefined ? {} : { now: o.now }),
      aggregate: o.aggregate,
      nobackup: o.nobackup,
      items: o.items.slice(i, i + BATCH_FILES),
    });
  }
  return out;
}

/** Runs `work` over `tasks` with at most `jobs` at once. */
async function runAll(
  tasks: ResizeTask[],
  jobs: number,
  work: (t: ResizeTask) => Promise<ResizeItemResult[]>,
  onResults: (r: ResizeItemResult[]) => void,
): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < tasks.length) {
      const task = tasks[next++] as ResizeTask;
      onResults(await work(task));
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, tasks.length) }, lane));
}

/** POST /admin/resize: the server answers with each file's result, in order. */
async function postTask(
  server: { url: string; token: string },
  task: ResizeTask,
): Promise<ResizeItemResult[]> {
  const url = new URL('/admin/resize', server.url);
  // The server resizes in its own whisper directory: the client's path to it is not sent.
  const body = { now: task.now, aggregate: task.aggregate, nobackup: task.nobackup, items: task.items };
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) {
    const why = res.status === 404 ? 'admin API disabled (set admin.token)' : text;
    throw new Error(`${url.origin}: ${res.status} ${why}`);
  }
  return (JSON.parse(text) as { results: ResizeItemResult[] }).results;
}

/** Applies every item; failures are results, not exceptions (except a server that cannot be reached). */
export async function applyResize(o: ApplyOptions): Promise<void> {
  const tasks = batches(o);
  const server = o.server;
  if (server !== undefined) {
    await runAll(tasks, o.jobs, (t) => postTask(server, t), o.onResults);
    return;
  }
  const pool = new ResizePool(o.jobs);
  try {
    await runAll(tasks, o.jobs * 2, (t) => pool.run(t), o.onResults);
  } finally {
    await pool.close();
  }
}
