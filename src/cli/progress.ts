// Progress of a long CLI job on stderr: on a TTY one line redrawn with `\r` (done/total, rate, ETA); in a
// log (not a TTY) a plain line every few seconds, so cron mail and CI logs stay short, then a summary.

export interface ProgressOptions {
  /** Units of work expected in all. */
  total: number;
  /** What is counted, plural ("files"). */
  unit?: string;
  /** Verb shown before the counts ("checked"). */
  label?: string;
  /** Where text goes, verbatim (it carries its own `\r`/`\n`). Default: process.stderr.write. */
  write?: (text: string) => void;
  /** Redraw in place. Default: process.stderr.isTTY. */
  isTTY?: boolean;
  /** Milliseconds clock. Default: Date.now. */
  now?: () => number;
  /** Seconds between plain lines when not a TTY. Default 5. */
  intervalSeconds?: number;
  /** Milliseconds between TTY redraws (a redraw per file would cost more than the work). Default 100. */
  redrawMs?: number;
}

/** `75` → "1m15s", `3700` → "1h01m40s". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h > 0) return `${h}h${String(m).padStart(2, '0')}m${String(sec).padStart(2, '0')}s`;
  if (m > 0) return `${m}m${String(sec).padStart(2, '0')}s`;
  return `${sec}s`;
}

export class Progress {
  readonly total: number;
  #done = 0;
  #unit: string;
  #label: string;
  #write: (text: string) => void;
  #tty: boolean;
  #now: () => number;
  #intervalMs: number;
  #redrawMs: number;
  #start: number;
  #last: number;
  #lineWidth = 0;
  #drawn = '';
  #finished = false;

  constructor(options: ProgressOptions) {
    this.total = options.total;
    this.#unit = options.unit ?? 'items';
    this.#label = options.label ?? 'done';
    this.#write = options.write ?? ((text) => void process.stderr.write(text));
    this.#tty = options.isTTY ?? process.stderr.isTTY === true;
    this.#now = options.now ?? Date.now;
    this.#intervalMs = (options.intervalSeconds ?? 5) * 1000;
    this.#redrawMs = options.redrawMs ?? 100;
    this.#start = this.#now();
    this.#last = this.#start;
  }

  get done(): number {
    return this.#done;
  }

  /** Records `n` more units done; writes a line when one is due. */
  tick(n = 1): void {
    this.#done += n;
    const now = this.#now();
    if (now - this.#last < (this.#tty ? this.#redrawMs : this.#intervalMs)) return;
    this.#last = now;
    this.#emit(now);
  }

  /** Ends the line (TTY) or writes the summary (not a TTY). Idempotent. */
  finish(): void {
    if (this.#finished) return;
    this.#finished = true;
    const now = this.#now();
    const elapsed = (now - this.#start) / 1000;
    if (this.#tty) {
      this.#emit(now);
      this.#write('\n');
      return;
    }
    this.#write(
      `${this.#label} ${this.#done}/${this.total} ${this.#unit} in ${formatDuration(elapsed)} ` +
        `(${this.#rate(elapsed).toFixed(1)}/s)\n`,
    );
  }

  /** The current status line, without `\r` or `\n`. */
  line(now = this.#now()): string {
    const elapsed = (now - this.#start) / 1000;
    const rate = this.#rate(elapsed);
    const left = this.total - this.#done;
    const eta = left <= 0 ? '0s' : rate > 0 ? formatDuration(left / rate) : '?';
    return `${this.#label} ${this.#done}/${this.total} ${this.#unit} (${rate.toFixed(1)}/s, ETA ${eta})`;
  }

  #rate(elapsed: number): number {
    return elapsed > 0 ? this.#done / elapsed : 0;
  }

  #emit(now: number): void {
    const line = this.line(now);
    if (!this.#tty) {
      this.#write(line + '\n');
      return;
    }
    if (line === this.#drawn) return;
    this.#drawn = line;
    // Pad over the tail of a longer previous line (the ETA can get shorter).
    const pad = ' '.repeat(Math.max(0, this.#lineWidth - line.length));
    this.#lineWidth = line.length;
    this.#write(`\r${line}${pad}`);
  }
}
