// Process helpers of `npm run bench -- ingest`: run a child with a time bound, build the CLI, and read a
// server's CPU time and memory from /proc (Linux only, like the peers in ../shared/peers/).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, statfsSync } from 'node:fs';
import { join } from 'node:path';

/** An expected failure: printed as a one-line message, without a stack. */
export class BenchAbort extends Error {}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Date.now() when the first stdout bytes arrived (load.mjs prints one line, when it is done). */
  stdoutAt: number | undefined;
  timedOut: boolean;
}

/**
 * Runs `cmd` to completion, killed (SIGKILL, by its pid, or its process group with `group`) after
 * `timeoutMs`. Asynchronous, so the bench's event loop keeps running while a child works.
 */
export function runChild(
  cmd: string,
  args: readonly string[],
  options: { timeoutMs: number; cwd?: string; env?: NodeJS.ProcessEnv; group?: boolean },
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: options.group === true,
    });
    const out: Finished = {
      code: null,
      signal: null,
      stdout: '',
      stderr: '',
      stdoutAt: undefined,
      timedOut: false,
    };
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      out.stdoutAt ??= Date.now();
      out.stdout += s;
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => (out.stderr += s));
    const timer = setTimeout(() => {
      out.timedOut = true;
      killChild(child, 'SIGKILL', options.group === true);
    }, options.timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ ...out, code, signal });
    });
  });
}

/** Signals a child we started, by its pid (or its process group, which it leads when spawned detached). */
export function killChild(child: ChildProcess, signal: NodeJS.Signals, group = false): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(group ? -child.pid : child.pid, signal);
  } catch {
    // already gone
  }
}

/** The last `lines` lines of a child's output, for error messages. */
export function tail(text: string, lines = 15): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * `npm run build` (unless `skip`), then the path of the built CLI. tsc emits even when it reports errors,
 * so a failed build is an error here rather than a run of half-updated JavaScript.
 */
export async function buildCli(repo: string, skip: boolean): Promise<string> {
  const cli = join(repo, 'dist', 'src', 'cli', 'main.js');
  if (!skip) {
    console.log('npm run build …');
    const r = await runChild('npm', ['run', 'build'], { cwd: repo, timeoutMs: 600_000, group: true });
    if (r.code !== 0) {
      throw new BenchAbort(
        `npm run build failed (${r.timedOut ? 'timed out' : `exit ${r.code}`}):\n${tail(r.stdout + r.stderr)}\n` +
          'Fix the build, or pass --no-build to run the dist/ that is there.',
      );
    }
  }
  if (!existsSync(cli)) {
    throw new BenchAbort(`${cli} is missing: run \`npm run build\` first (or drop --no-build)`);
  }
  return cli;
}

/** Bytes available to an unprivileged user on the file system holding `dir`. */
export function freeBytes(dir: string): number {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
}

const CLK_TCK = ((): number => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** User + system CPU seconds of process `pid`, all its threads (/proc/PID/stat utime + stime). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after "(comm)" start at field 3 (state); utime and stime are fields 14 and 15.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(rest[11]) + Number(rest[12])) / CLK_TCK;
}

/** Resident set size now (VmRSS) and its peak over the process's life (VmHWM), MiB. */
export function memoryMiB(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key: string): number =>
    Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kib('VmRSS') / 1024, hwm: kib('VmHWM') / 1024 };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
