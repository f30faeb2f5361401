// The one schema of `carbonado serve`'s configuration: every key, its default, unit and range (go-carbon
// NewConfig(), fastify defaultInitOptions). Reference: docs/configuration.md; carbon.conf: graphite.md §6.6.
import { availableParallelism, hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import {
  bindAddress,
  directory,
  flag,
  fraction,
  limit,
  metricNode,
  metricPrefix,
  nonNegativeInt,
  oneOf,
  port,
  positiveInt,
  section,
} from './fields.js';

/** How the persister picks the next metric to write (carbon CACHE_WRITE_STRATEGY). */
export const WRITE_STRATEGIES = ['sorted', 'max', 'naive'] as const;
export type WriteStrategy = (typeof WRITE_STRATEGIES)[number];

/** pino's level names, quietest last. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** One core is left to the event loop (ingest, HTTP); the rest write whisper files. */
function defaultWorkers(): number {
  return Math.max(1, availableParallelism() - 1);
}

/** carbon's instrumentation: `socket.gethostname()` with dots replaced, so the host is one metric node. */
function defaultHost(): string {
  return hostname().replaceAll('.', '_');
}

const LineSchema = section({
  /** TCP and UDP port of the plaintext protocol (carbon LINE_RECEIVER_PORT, UDP_RECEIVER_PORT). */
  port: port().default(2003),
  /** Accept plaintext over TCP. */
  tcp: flag().default(true),
  /** Accept plaintext over UDP (carbon ENABLE_UDP_LISTENER). */
  udp: flag().default(true),
  /** Bytes; longer lines are dropped (Twisted LineOnlyReceiver.MAX_LENGTH, which carbon uses). */
  maxLineLength: positiveInt().default(16_384),
});

const PickleSchema = section({
  /** TCP port of the pickle protocol (carbon PICKLE_RECEIVER_PORT). */
  port: port().default(2004),
  /** Listen for pickle at all. */
  enabled: flag().default(true),
  /** Bytes; a larger frame closes the connection (carbon PICKLE_RECEIVER_MAX_LENGTH, 1 MiB). */
  maxFrameBytes: positiveInt().default(1_048_576),
});

const HttpSchema = section({
  /** TCP port of the graphite-web API (/render, /metrics/find, /tags, /functions). */
  port: port().default(8080),
});

const CacheSchema = section({
  /** Points held in memory before new timestamps are dropped; `inf` for no limit (carbon MAX_CACHE_SIZE). */
  maxSize: limit({ integer: true, zero: false }).default(10_000_000),
  /** Fraction of maxSize the cache must fall to before receivers resume (carbon CACHE_SIZE_LOW_WATERMARK). */
  lowWatermark: fraction().default(0.95),
  /** Which metric the persister writes next (carbon CACHE_WRITE_STRATEGY). */
  writeStrategy: oneOf(WRITE_STRATEGIES).default('sorted'),
});

const PersisterSchema = section({
  /** Threads writing whisper files (go-carbon [whisper] workers). */
  workers: positiveInt().default(defaultWorkers),
  /** New whisper files per minute; `inf` for no limit, 0 for none (carbon MAX_CREATES_PER_MINUTE). */
  maxCreatesPerMinute: limit({ integer: false, zero: true }).default(Infinity),
  /** Whisper update calls per second; `inf` for no limit (carbon MAX_UPDATES_PER_SECOND). */
  maxUpdatesPerSecond: limit({ integer: false, zero: false }).default(Infinity),
  /** Milliseconds between persister passes over the cache. */
  flushIntervalMs: positiveInt().default(100),
});

const WhisperSchema = section({
  /** Create files sparse, without writing their zeros (carbon WHISPER_SPARSE_CREATE); wins over fallocate. */
  sparse: flag().default(false),
  /** Reserve a new file's blocks with posix_fallocate where available (carbon WHISPER_FALLOCATE_CREATE). */
  fallocate: flag().default(true),
});

const WalSchema = section({
  /** Milliseconds between fsyncs of the write-ahead log: the most a crash can lose. */
  fsyncIntervalMs: positiveInt().default(1000),
  /** Bytes per write-ahead-log segment file before a new one starts (64 MiB). */
  segmentBytes: positiveInt().default(67_108_864),
});

const SelfMetricsSchema = section({
  /** Seconds between self-metric reports; 0 turns them off (carbon CARBON_METRIC_INTERVAL). */
  intervalSeconds: nonNegativeInt().default(60),
  /** First nodes of every self metric (carbon CARBON_METRIC_PREFIX). */
  prefix: metricPrefix().default('carbon'),
  /** Host node in `<prefix>.agents.<host>-<instance>.*`. */
  host: metricNode('a host name node').default(defaultHost),
  /** Instance node in `<prefix>.agents.<host>-<instance>.*` (carbon-cache --instance). */
  instance: metricNode('an instance name').default('a'),
});

const LogSchema = section({
  /** Least severe pino level written to stdout. */
  level: oneOf(LOG_LEVELS).default('info'),
});

const IndexSchema = section({
  /** Most names one find, expand or seriesByTag may return; more is a 400 naming the limit. */
  maxFindResults: positiveInt().default(100_000),
  /** Default `limit` of /tags/autoComplete/* (graphite-web TAGDB_AUTOCOMPLETE_LIMIT). */
  autocompleteLimit: positiveInt().default(100),
  /** Days without a write after which a series is deleted (file and index); 0 keeps everything. */
  retireAfterDays: nonNegativeInt().default(0),
});

const RenderSchema = section({
  /** Zone for from/until and csv times when a request names none or an unknown one (graphite-web TIME_ZONE). */
  timeZone: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz });
        return tz !== '';
      } catch {
        return false;
      }
    }, 'expected an IANA time zone name such as UTC or Europe/Berlin')
    .default('UTC'),
  /** Seconds a /render answer may be cached by clients without cacheTimeout (DEFAULT_CACHE_DURATION). */
  cacheTimeout: nonNegativeInt().default(60),
  /** Most series one /render request may fetch (all targets, re-fetches included); more is a 400. */
  maxSeries: positiveInt().default(100_000),
});

const AdminSchema = section({
  /** Bearer token of the /admin/* routes (deleting series) and of DELETE /events/<id>; empty disables them. */
  token: z.string().default(''),
});

const ShutdownSchema = section({
  /** Milliseconds SIGTERM/SIGINT waits for the cache to reach disk before exiting anyway. */
  flushTimeoutMs: positiveInt().default(60_000),
});

/** The keys as written in a config file, before dirs are derived. */
const ConfigObjectSchema = z.strictObject(
  {
    /** Directory for everything carbonado writes. */
    dataDir: directory().default('./data'),
    /** Whisper files; default `<dataDir>/whisper`. An existing Graphite storage/whisper works as is. */
    whisperDir: directory().optional(),
    /** Write-ahead-log segments; default `<dataDir>/wal`. */
    walDir: directory().optional(),
    /**
     * Directory of storage-schemas.conf and storage-aggregation.conf (missing files: Graphite's defaults).
     * loadConfig defaults it to the --config file's directory; without one it is `./conf`.
     */
    confDir: directory().default('./conf'),
    /** Address every listener binds (carbon *_RECEIVER_INTERFACE). */
    listen: bindAddress().default('127.0.0.1'),
    line: LineSchema.prefault({}),
    pickle: PickleSchema.prefault({}),
    http: HttpSchema.prefault({}),
    cache: CacheSchema.prefault({}),
    persister: PersisterSchema.prefault({}),
    whisper: WhisperSchema.prefault({}),
    wal: WalSchema.prefault({}),
    selfMetrics: SelfMetricsSchema.prefault({}),
    log: LogSchema.prefault({}),
    index: IndexSchema.prefault({}),
    render: RenderSchema.prefault({}),
    admin: AdminSchema.prefault({}),
    shutdown: ShutdownSchema.prefault({}),
  },
  { error: (issue) => (issue.code === 'invalid_type' ? 'expected a mapping of keys' : undefined) },
);

type ConfigObject = z.output<typeof ConfigObjectSchema>;

/** The TCP listeners that are switched on, by config key. */
function tcpPorts(config: ConfigObject): Array<[key: string, port: number]> {
  const ports: Array<[string, number]> = [];
  if (config.line.tcp) ports.push(['line.port', config.line.port]);
  if (config.pickle.enabled) ports.push(['pickle.port', config.pickle.port]);
  ports.push(['http.port', config.http.port]);
  return ports;
}

/**
 * The configuration of `carbonado serve`: defaults for every key, whisperDir and walDir derived from
 * dataDir, two TCP listeners never on the same fixed port. Output objects are frozen.
 */
export const ConfigSchema = ConfigObjectSchema.superRefine((config, ctx) => {
  const seen = new Map<number, string>();
  for (const [key, value] of tcpPorts(config)) {
    const other = seen.get(value);
    if (value !== 0 && other !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: key.split('.'),
        message: `${other} and ${key} are both ${value}; two TCP listeners cannot share a port`,
        params: { keys: [other, key] },
      });
    }
    seen.set(value, key);
  }
})
  .transform(({ dataDir, whisperDir, walDir, ...rest }) => ({
    dataDir,
    whisperDir: whisperDir ?? join(dataDir, 'whisper'),
    walDir: walDir ?? join(dataDir, 'wal'),
    ...rest,
  }))
  .readonly();

/** A validated configuration; loadConfig returns it with absolute paths, deep-frozen. */
export type Config = z.infer<typeof ConfigSchema>;

/** What a config file (or a programmatic caller) may write: every key optional. */
export type ConfigInput = z.input<typeof ConfigSchema>;
