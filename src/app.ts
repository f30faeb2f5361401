// carbonado serve: owns and wires every component (go-carbon carbon/app.go): retention policy, WAL, write
// cache, persister on the worker pool, carbon listeners, HTTP, self-metrics; start, stop (flush) and reload.
import { statSync, unlinkSync } from 'node:fs';
import type { Server } from 'node:net';
import type { Socket as UdpSocket } from 'node:dgram';
import type { FastifyInstance } from 'fastify';
import { join } from 'node:path';
import {
  type EventStore,
  LevelMetricIndex,
  type MetricIndex,
  compileRenderRegex,
  type ResizeItemResult,
  type ResizeTask,
  type RetentionPolicy,
  WritePool,
  resizeOnShard,
  readRetentionPolicy,
  shardOf,
} from '../storage/index.js';
import { defaultRegistry } from '../render/index.js';
import type { Config } from './config/schema.js';
import { registerFormParser } from './http/params.js';
import { registerAdminRoutes } from './http/routes/admin.js';
import { registerEventRoutes } from './http/routes/events.js';
import { registerFindRoutes } from './http/routes/find.js';
import { registerFunctionRoutes } from './http/routes/functions.js';
import { registerRenderRoutes } from './http/routes/render.js';
import { registerTagRoutes } from './http/routes/tags.js';
import { buildHttpServer } from './http/server.js';
import { IndexScanner } from './index-scan.js';
import { RenderSource } from './render-source.js';
import { type IngestCounters, RejectLog, newIngestCounters } from './ingest/batch-sink.js';
import { WriteCache } from './ingest/cache.js';
import {
  Connections,
  type ListenerContext,
  startLineTcp,
  startLineUdp,
  startPickle,
} from './ingest/listeners.js';
import { metricRelativePath } from './ingest/metric-name.js';
import { type ReplayStats, Wal } from './ingest/wal.js';
import { Persister, type PersisterStats } from './persister.js';
import { SelfMetrics } from './self-metrics.js';
import { StorageFacade } from './storage-facade.js';

/** Ports actually bound (differ from the config when it asked for port 0). */
export interface BoundPorts {
  line: number | undefined;
  udp: number | undefined;
  pickle: number | undefined;
  http: number;
}

export class App {
  readonly config: Config;
  readonly http: FastifyInstance;
  readonly cache: WriteCache;
  readonly counters: IngestCounters = newIngestCounters();
  readonly storage: StorageFacade;
  ports: BoundPorts = { line: undefined, udp: undefined, pickle: undefined, http: 0 };
  #policy: RetentionPolicy;
  #pool: WritePool;
  #wal!: Wal;
  #index: MetricIndex | undefined;
  #events: EventStore | undefined;
  #scanner: IndexScanner | undefined;
  #persister: Persister;
  #connections = new Connections();
  #servers: Server[] = [];
  #udp: UdpSocket | undefined;
  #selfTimer: NodeJS.Timeout | undefined;
  #sweepTimer: NodeJS.Timeout | undefined;
  #pauses = 0;
  #stopping = false;

  private constructor(config: Config, policy: RetentionPolicy) {
    this.config = config;
    this.#policy = policy;
    this.http = buildHttpServer(config.log.level, { health: () => this.#health() });
    const shards = config.persister.workers;
    this.cache = new WriteCache({
      shards,
      maxSize: config.cache.maxSize,
      lowWatermark: config.cache.lowWatermark,
      strategy: config.cache.writeStrategy,
      onFull: () => {
        this.#pauses++;
        this.#connections.pauseAll();
        this.log.warn(
          { cacheSize: this.cache.size, maxSize: config.cache.maxSize },
          'cache full: receivers paused',
        );
      },
      onDrained: () => {
        if (this.#stopping) return;
        this.#connections.resumeAll();
        this.log.info({ cacheSize: this.cache.size }, 'cache below low watermark: receivers resumed');
      },
    });
    this.#pool = new WritePool(shards);
    this.#persister = new Persister({
      pool: this.#pool,
      cache: this.cache,
      policy: () => this.#policy,
      pathOf: metricRelativePath,
      whisperDir: config.whisperDir,
      sparse: config.whisper.sparse,
      fallocate: config.whisper.fallocate,
      maxCreatesPerMinute: config.persister.maxCreatesPerMinute,
      maxUpdatesPerSecond: config.persister.maxUpdatesPerSecond,
      flushIntervalMs: config.persister.flushIntervalMs,
      onSettled: () => this.#wal.release(this.cache.oldestLiveSegment()),
      onError: (name, code, message) => this.#rejects.note('write failed', { metric: name, code, message }),
      onCreated: (names) => {
        const seen = Math.floor(Date.now() / 1000);
        this.#index?.add(names.map((name) => ({ name, seen }))).catch((err: Error) => {
          this.log.error({ err }, `metric index update failed: ${err.message}`);
        });
      },
    });
    this.storage = new StorageFacade({
      whisperDir: config.whisperDir,
      cache: this.cache,
      policy: () => this.#policy,
      pathOf: metricRelativePath,
    });
  }

  /** The persister's counters since start. */
  get persisterStats(): Readonly<PersisterStats> {
    return this.#persister.stats;
  }

  /** Times flow control paused the receivers since start. */
  get flowControlPauses(): number {
    return this.#pauses;
  }

  get log(): FastifyInstance['log'] {
    return this.http.log;
  }

  readonly #rejects = new RejectLog((message, detail) => this.log.warn(detail, message));

  /** Starts everything; the WAL is replayed into the cache before any listener opens. */
  static async start(config: Config): Promise<App> {
    const policy = await readRetentionPolicy(config.confDir);
    const app = new App(config, policy);
    try {
      await app.#start();
    } catch (err) {
      await app.stop().catch(() => undefined);
      throw err;
    }
    return app;
  }

  async #start(): Promise<void> {
    const c = this.config;
    this.log.info({ confDir: c.confDir, whisperDir: c.whisperDir, walDir: c.walDir }, 'starting carbonado');
    let replayed: ReplayStats;
    ({ wal: this.#wal, stats: replayed } = Wal.open(
      c.walDir,
      {
        fsyncIntervalMs: c.wal.fsyncIntervalMs,
        segmentBytes: c.wal.segmentBytes,
        onError: (err) => this.log.error({ err }, err.message),
      },
      (name, timestamp, value, segment) => this.cache.add(name, timestamp, value, segment),
    ));
    if (replayed.points > 0 || replayed.damaged > 0) {
      this.log.info(replayed, 'write-ahead log replayed into the cache');
    }
    this.#persister.start();
    await this.#openIndex();
    const ctx: ListenerContext = {
      host: c.listen,
      accept: (names, timestamps, values) => this.accept(names, timestamps, values),
      counters: this.counters,
      rejects: this.#rejects,
      now: () => Math.floor(Date.now() / 1000),
      paused: () => this.cache.full,
      log: (message, detail) => this.log.debug(detail, message),
    };
    if (c.line.tcp) {
      const { server, port } = await startLineTcp(ctx, this.#connections, c.line.port, c.line.maxLineLength);
      this.#servers.push(server);
      this.ports.line = port;
    }
    if (c.line.udp) {
      const { socket, port } = await startLineUdp(
        ctx,
        c.line.port === 0 ? 0 : c.line.port,
        c.line.maxLineLength,
      );
      this.#udp = socket;
      this.ports.udp = port;
    }
    if (c.pickle.enabled) {
      const { server, port } = await startPickle(
        ctx,
        this.#connections,
        c.pickle.port,
        c.pickle.maxFrameBytes,
      );
      this.#servers.push(server);
      this.ports.pickle = port;
    }
    await this.http.listen({ host: c.listen, port: c.http.port });
    this.ports.http = (this.http.server.address() as { port: number }).port;
    if (c.selfMetrics.intervalSeconds > 0) this.#startSelfMetrics();
    this.log.info({ listen: c.listen, ports: this.ports, workers: c.persister.workers }, 'carbonado ready');
  }

  /** The metric index (LevelDB under <dataDir>/index), its routes, and a first scan if it never finished one. */
  async #openIndex(): Promise<void> {
    const c = this.config;
    const index = await LevelMetricIndex.open(join(c.dataDir, 'index'));
    this.#index = index;
    this.#scanner = new IndexScanner(
      index,
      c.whisperDir,
      join(c.dataDir, 'index-scan.json'),
      (progress, msg) => this.log.info(progress, msg),
    );
    registerFormParser(this.http);
    registerFindRoutes(this.http, {
      index,
      whisperDir: c.whisperDir,
      maxResults: c.index.maxFindResults,
      pathOf: metricRelativePath,
    });
    registerTagRoutes(this.http, {
      index,
      autocompleteLimit: c.index.autocompleteLimit,
      now: () => Math.floor(Date.now() / 1000),
    });
    this.#events = index.events();
    registerEventRoutes(this.http, {
      events: this.#events,
      adminToken: c.admin.token,
      tz: c.render.timeZone,
      now: () => Date.now() / 1000,
    });
    const registry = defaultRegistry();
    registerRenderRoutes(this.http, {
      registry,
      source: new RenderSource({ index, storage: this.storage, maxFindResults: c.index.maxFindResults }),
      regex: compileRenderRegex,
      events: this.#events,
      defaults: { timeZone: c.render.timeZone, cacheTimeout: c.render.cacheTimeout },
      maxSeries: c.render.maxSeries,
    });
    registerFunctionRoutes(this.http, registry);
    registerAdminRoutes(this.http, {
      token: c.admin.token,
      deleteSeries: (names) => this.deleteSeries(names),
      resize: (task) => this.resizeFiles(task),
    });
    if (c.index.retireAfterDays > 0) {
      this.#sweepTimer = setInterval(() => void this.sweep(), 3600_000);
      this.#sweepTimer.unref();
    }
    if (!this.#scanner.complete) {
      // In the background: ingest and queries of what is indexed go on meanwhile.
      this.#scanner
        .scan(false)
        .catch((err: Error) => this.log.error({ err }, `index scan failed: ${err.message}`));
    }
  }

  /**
   * Deletes series: cached points, the worker's open handle, the whisper file and the index entry. Points
   * that arrive later create the series anew.
   */
  async deleteSeries(names: string[]): Promise<{ deleted: string[]; missing: string[] }> {
    const deleted: string[] = [];
    const missing: string[] = [];
    const shards = this.config.persister.workers;
    for (const name of names) {
      this.cache.drop(name);
      const path = metricRelativePath(name);
      await this.#pool.forget(shardOf(name, shards), this.config.whisperDir, [path]);
      try {
        unlinkSync(join(this.config.whisperDir, path));
        deleted.push(name);
      } catch {
        missing.push(name);
      }
    }
    await this.#index?.remove(names);
    if (deleted.length > 0) this.log.info({ deleted }, 'series deleted');
    return { deleted, missing };
  }

  /**
   * Resizes files (carbonado resize --schemas --url), each on the write-pool shard that owns it: queued with
   * that file's writes, so none lands between the read and the swap; cached points stay readable meanwhile.
   */
  async resizeFiles(task: Omit<ResizeTask, 'whisperDir'>): Promise<ResizeItemResult[]> {
    const shards = this.config.persister.workers;
    const byShard = new Map<number, number[]>();
    // Placeholders: every item is on a shard (the route checked that each path is its name's own file).
    const results: ResizeItemResult[] = task.items.map((item, i) => {
      const shard = shardOf(item.name, shards);
      const list = byShard.get(shard);
      if (list === undefined) byShard.set(shard, [i]);
      else list.push(i);
      return { path: item.path, outcome: 'unchanged' };
    });
    await Promise.all(
      [...byShard].map(async ([shard, indexes]) => {
        const items = indexes.map((i) => task.items[i] as ResizeTask['items'][number]);
        const done = await resizeOnShard(this.#pool, shard, {
          ...task,
          whisperDir: this.config.whisperDir,
          items,
        });
        done.forEach((r, k) => (results[indexes[k] as number] = r));
      }),
    );
    const changed = results.filter((r) => r.outcome === 'resized' || r.outcome === 'metadata').length;
    if (changed > 0) this.log.info({ changed, files: results.length }, 'files resized');
    return results;
  }

  /** Deletes the series whose file was not written for index.retireAfterDays (file mtime). */
  async sweep(now = Date.now()): Promise<string[]> {
    const index = this.#index;
    if (index === undefined || this.config.index.retireAfterDays <= 0) return [];
    const cutoff = now - this.config.index.retireAfterDays * 86_400_000;
    const stale: string[] = [];
    for await (const series of index.all()) {
      try {
        if (statSync(join(this.config.whisperDir, metricRelativePath(series.name))).mtimeMs < cutoff)
          stale.push(series.name);
      } catch {
        // no file: the rescan drops it
      }
    }
    if (stale.length > 0) await this.deleteSeries(stale);
    this.log.info(
      { retired: stale.length, retireAfterDays: this.config.index.retireAfterDays },
      'retirement sweep done',
    );
    return stale;
  }

  /** The metric index (undefined before start). */
  get index(): MetricIndex | undefined {
    return this.#index;
  }

  /** The graphite events store (in the index's LevelDB; undefined before start). */
  get events(): EventStore | undefined {
    return this.#events;
  }

  /** Re-walks the whisper directory: adds files dropped in by hand, drops series whose file is gone. */
  rescan(): Promise<unknown> {
    return this.#scanner?.scan(true) ?? Promise.resolve();
  }

  /** Accepts one batch: logged to the WAL first, then cached (readable at once). */
  accept(names: string[], timestamps: number[], values: number[]): void {
    const segment = this.#wal.append(names, timestamps, values);
    for (let i = 0; i < names.length; i++) {
      this.cache.add(names[i] as string, timestamps[i] as number, values[i] as number, segment);
    }
  }

  /**
   * SIGHUP: re-reads storage-schemas.conf and storage-aggregation.conf (keeping the old policy when they are
   * bad) and reconciles the metric index with the files in the background.
   */
  async reload(): Promise<boolean> {
    this.rescan().catch((err: Error) => this.log.error({ err }, `index rescan failed: ${err.message}`));
    try {
      this.#policy = await readRetentionPolicy(this.config.confDir);
      this.log.info({ confDir: this.config.confDir }, 'storage schemas reloaded');
      return true;
    } catch (err) {
      this.log.error({ err }, `schema reload failed, keeping the previous ones: ${(err as Error).message}`);
      return false;
    }
  }

  /** Stops listening, flushes the cache to the files (progress in the log), closes the WAL and the pool. */
  async stop(): Promise<{ flushed: boolean }> {
    if (this.#stopping) return { flushed: false };
    this.#stopping = true;
    clearInterval(this.#selfTimer);
    clearInterval(this.#sweepTimer);
    await Promise.all(this.#servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    this.#connections.destroyAll();
    this.#udp?.close();
    let flushed = true;
    if (this.#wal !== undefined) {
      const left = this.cache.size + this.cache.inflightSize;
      this.log.info({ points: left, metrics: this.cache.queues }, 'flushing the cache');
      const deadline = Date.now() + this.config.shutdown.flushTimeoutMs;
      flushed = await this.#persister.flush(deadline, (points, metrics) =>
        this.log.info({ points, metrics }, 'flushing the cache'),
      );
      this.#persister.stop();
      await this.#persister.idle(10_000);
      this.#wal.close();
      this.#wal.release(this.cache.oldestLiveSegment());
      this.log.info({ flushed, pointsLeftInWal: this.cache.size + this.cache.inflightSize }, 'cache flushed');
    }
    await this.#pool.close();
    await this.http.close();
    await this.#index?.close();
    return { flushed };
  }

  #startSelfMetrics(): void {
    const c = this.config.selfMetrics;
    const self = new SelfMetrics(`${c.prefix}.agents.${c.host}-${c.instance}`, {
      counters: this.counters,
      persister: this.#persister.stats,
      cacheSize: () => this.cache.size + this.cache.inflightSize,
      cacheQueues: () => this.cache.queues,
      activeConnections: () => this.#connections.sockets.size,
      walSegments: () => this.#wal.closedSegments.length + 1,
      flowControlPauses: () => this.#pauses,
    });
    this.#selfTimer = setInterval(() => {
      const now = Math.floor(Date.now() / 1000);
      const points = self.collect();
      try {
        this.accept(
          points.map(([name]) => name),
          points.map(() => now),
          points.map(([, value]) => value),
        );
      } catch (err) {
        this.log.error({ err }, `self-metrics not recorded: ${(err as Error).message}`);
      }
    }, c.intervalSeconds * 1000);
    this.#selfTimer.unref();
  }

  #health(): Record<string, unknown> {
    return {
      cache: { size: this.cache.size, inflight: this.cache.inflightSize, full: this.cache.full },
      metricsReceived: this.counters.metricsReceived,
      committedPoints: this.#persister.stats.committedPoints,
    };
  }
}
