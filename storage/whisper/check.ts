// Integrity check of one whisper file (find-corrupt-whisper-files.py, graphite.md §7.8): the header as
// decodeHeader validates it, truncation, then every slot's timestamp against its archive's grid and ring.
// Reads its own fd (one open per file, data in 1 MiB chunks) instead of WhisperFile, which hides its fd.
import { StorageError, ioError } from '../errors.js';
import { type ArchiveInfo, POINT_SIZE, type Header, declaredHeaderSize, decodeHeader } from './format.js';
import { type FileIo, nodeIo } from './io.js';
import { pyMod } from './ring.js';

/** STORAGE_ERR_* codes come from the header decoder; CHECK_* codes are slot checks of this module. */
export type CheckProblemCode =
  | 'STORAGE_ERR_CORRUPT_HEADER'
  | 'STORAGE_ERR_TRUNCATED_FILE'
  | 'STORAGE_ERR_NOT_FOUND'
  | 'STORAGE_ERR_IO'
  | 'CHECK_SLOT_MISALIGNED'
  | 'CHECK_SLOT_OUT_OF_RING';

/** Codes that mean "the file is damaged" (as opposed to "it could not be read": NOT_FOUND, IO). */
export const CORRUPTION_CODES: readonly CheckProblemCode[] = [
  'STORAGE_ERR_CORRUPT_HEADER',
  'STORAGE_ERR_TRUNCATED_FILE',
  'CHECK_SLOT_MISALIGNED',
  'CHECK_SLOT_OUT_OF_RING',
];

export interface CheckSlotExample {
  slot: number;
  timestamp: number;
}

export interface CheckProblem {
  code: CheckProblemCode;
  /** Without the path prefix (the result carries the path). */
  message: string;
  archive?: number;
  /** First offending slot of the archive. */
  slot?: number;
  /** Offending slots in the archive (slot problems only). */
  count?: number;
  /** Up to MAX_EXAMPLES offending slots, in slot order. */
  examples?: CheckSlotExample[];
}

export interface CheckResult {
  path: string;
  /** True when problems is empty. */
  ok: boolean;
  problems: CheckProblem[];
}

export interface CheckOptions {
  io?: FileIo;
  /** Bytes read per call for the data region (rounded down to whole points). Default 1 MiB. */
  chunkSize?: number;
}

/** Examples listed per archive and problem code; the count covers the rest. */
export const MAX_EXAMPLES = 5;
const DEFAULT_CHUNK = 1 << 20;

function stripPath(message: string, path: string): string {
  return message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message;
}

function fromError(err: unknown, path: string): CheckProblem {
  const e = err instanceof StorageError ? err : ioError(err, 'check', path);
  const code: CheckProblemCode =
    e.code === 'STORAGE_ERR_CORRUPT_HEADER' ||
    e.code === 'STORAGE_ERR_TRUNCATED_FILE' ||
    e.code === 'STORAGE_ERR_NOT_FOUND'
      ? e.code
      : 'STORAGE_ERR_IO';
  const problem: CheckProblem = { code, message: stripPath(e.message, path) };
  if (typeof e.context.archive === 'number') problem.archive = e.context.archive;
  return problem;
}

/** Reads up to `length` bytes at `position`; returns how many arrived (fewer only at end of file). */
function readFully(io: FileIo, fd: number, buf: Buffer, length: number, position: number): number {
  let done = 0;
  while (done < length) {
    const n = io.readSync(fd, buf, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}

function readHeader(io: FileIo, fd: number, path: string): Header {
  let buf = Buffer.allocUnsafe(512);
  let n = readFully(io, fd, buf, buf.length, 0);
  const declared = declaredHeaderSize(buf.subarray(0, n));
  if (declared > n && n === buf.length) {
    // A corrupt archive count can declare a 48 GiB header: read no more than the file has.
    const size = Math.min(declared, io.fstatSync(fd).size);
    buf = Buffer.allocUnsafe(size);
    n = readFully(io, fd, buf, size, 0);
  }
  return decodeHeader(buf.subarray(0, n), path, io.fstatSync(fd).size);
}

class SlotTally {
  count = 0;
  first = -1;
  examples: CheckSlotExample[] = [];

  add(slot: number, timestamp: number): void {
    if (this.count === 0) this.first = slot;
    this.count++;
    if (this.examples.length < MAX_EXAMPLES) this.examples.push({ slot, timestamp });
  }
}

function listExamples(tally: SlotTally): string {
  const more = tally.count > tally.examples.length ? ', …' : '';
  return tally.examples.map((e) => `slot ${e.slot}: ${e.timestamp}`).join(', ') + more;
}

/**
 * Checks every slot of one archive: a non-zero timestamp must be a multiple of secondsPerPoint and sit in
 * the slot whisper's ring addressing gives it relative to the base (slot 0's timestamp), i.e. slot i holds
 * base + i·secondsPerPoint (mod retention) or 0. With base 0 the archive was never written: any stamp is stray.
 */
function checkArchive(
  io: FileIo,
  fd: number,
  path: string,
  archive: ArchiveInfo,
  index: number,
  chunkPoints: number,
  buf: Buffer,
): CheckProblem[] {
  const spp = archive.secondsPerPoint;
  const misaligned = new SlotTally();
  const outOfRing = new SlotTally();
  let base = 0;
  for (let start = 0; start < archive.points; start += chunkPoints) {
    const count = Math.min(chunkPoints, archive.points - start);
    const position = archive.offset + start * POINT_SIZE;
    const n = readFully(io, fd, buf, count * POINT_SIZE, position);
    if (n < count * POINT_SIZE) {
      // The file shrank after its size was checked against the header.
      throw new StorageError(
        'STORAGE_ERR_TRUNCATED_FILE',
        `${path}: file ends at byte ${position + n}, inside archive${index}`,
        { context: { path, archive: index } },
      );
    }
    if (start === 0) {
      const first = buf.readUInt32BE(0);
      base = first - (first % spp);
    }
    for (let i = 0; i < count; i++) {
      const ts = buf.readUInt32BE(i * POINT_SIZE);
      if (ts === 0) continue;
      const slot = start + i;
      if (ts % spp !== 0) misaligned.add(slot, ts);
      else if (base === 0 || pyMod((ts - base) / spp, archive.points) !== slot) outOfRing.add(slot, ts);
    }
  }
  const problems: CheckProblem[] = [];
  if (misaligned.count > 0) {
    problems.push({
      code: 'CHECK_SLOT_MISALIGNED',
      message:
        `archive${index}: ${misaligned.count} slot(s) hold timestamps that are not multiples of ` +
        `secondsPerPoint ${spp} (${listExamples(misaligned)})`,
      archive: index,
      slot: misaligned.first,
      count: misaligned.count,
      examples: misaligned.examples,
    });
  }
  if (outOfRing.count > 0) {
    const where =
      base === 0
        ? 'but slot 0 is empty (archive never written)'
        : `that belong in another slot of the ring based at ${base}`;
    problems.push({
      code: 'CHECK_SLOT_OUT_OF_RING',
      message: `archive${index}: ${outOfRing.count} slot(s) hold timestamps ${where} (${listExamples(outOfRing)})`,
      archive: index,
      slot: outOfRing.first,
      count: outOfRing.count,
      examples: outOfRing.examples,
    });
  }
  return problems;
}

/** Checks one whisper file; never throws for a damaged or unreadable file (the problem says why). */
export function checkFile(path: string, options: CheckOptions = {}): CheckResult {
  const io = options.io ?? nodeIo;
  const chunkPoints = Math.max(1, Math.floor((options.chunkSize ?? DEFAULT_CHUNK) / POINT_SIZE));
  const problems: CheckProblem[] = [];
  let fd = -1;
  try {
    fd = io.openSync(path, 'r');
    const header = readHeader(io, fd, path);
    const largest = Math.max(...header.archives.map((a) => a.points));
    const buf = Buffer.allocUnsafe(Math.min(largest, chunkPoints) * POINT_SIZE);
    header.archives.forEach((archive, i) => {
      problems.push(...checkArchive(io, fd, path, archive, i, chunkPoints, buf));
    });
  } catch (err) {
    if (err instanceof TypeError || err instanceof RangeError) throw err;
    problems.push(fromError(err, path));
  } finally {
    if (fd >= 0) io.closeSync(fd);
  }
  return { path, ok: problems.length === 0, problems };
}

/** Whether a result shows damage (and so may be deleted), not just a read failure. */
export function isCorrupt(result: CheckResult): boolean {
  return result.problems.length > 0 && result.problems.every((p) => CORRUPTION_CODES.includes(p.code));
}
