// The Pike VM with submatch tracking behind re.search / re.sub for render functions: threads run in lockstep
// in priority order (leftmost-first, as a backtracking engine such as Python's sre would choose), each carrying
// its capture slots, so a search costs O(input × program) whatever the pattern. (Russ Cox, "Regular
// Expression Matching: the Virtual Machine Approach"; Python's sre_lib.h for empty-iteration rules.)
import { type AssertKind, type Node, type Pred, checkProgramSize, holds } from './pike-vm.js';

/**
 * One instruction. `split` prefers `a`. `save` stores the position in a slot (captures use 2k, 2k+1; loops
 * keep where their current iteration started in slots past the captures). `loop` ends an iteration of a
 * body that can match empty: an empty iteration leaves the loop for `exit`, as sre's MAX_UNTIL / MIN_UNTIL
 * refuse to repeat after one; otherwise it continues at `next`.
 */
type Inst =
  | { op: 'char'; pred: Pred }
  | { op: 'split'; a: number; b: number }
  | { op: 'jmp'; to: number }
  | { op: 'assert'; kind: AssertKind }
  | { op: 'save'; slot: number }
  | { op: 'loop'; slot: number; next: number; exit: number }
  | { op: 'match' };

/** A program ready to search: instructions plus how many slots a thread carries. */
export interface CaptureProgram {
  readonly prog: readonly Inst[];
  readonly slots: number;
  readonly groups: number;
  readonly isWord: (ch: string | undefined) => boolean;
}

const NEVER: Pred = () => false;

function nullable(node: Node): boolean {
  switch (node.t) {
    case 'char':
      return false;
    case 'assert':
      return true;
    case 'cat':
      return node.items.every(nullable);
    case 'alt':
      return node.items.some(nullable);
    case 'rep':
      return node.min === 0 || nullable(node.node);
    case 'group':
      return nullable(node.node);
  }
}

class Compiler {
  readonly prog: Inst[] = [];
  slots: number;
  constructor(
    readonly pattern: string,
    groups: number,
  ) {
    this.slots = 2 * (groups + 1);
  }

  /** Points a split's preferred branch (body for greedy, exit for lazy) and the other one. */
  static aim(split: { a: number; b: number }, body: number, exit: number, lazy: boolean): void {
    split.a = lazy ? exit : body;
    split.b = lazy ? body : exit;
  }

  /** Appends `node`; with `emptyOnly` only its paths that consume nothing (see {@link repeat}). */
  emit(node: Node, emptyOnly = false): void {
    checkProgramSize(this.prog.length, this.pattern);
    const prog = this.prog;
    if (node.t === 'char') prog.push({ op: 'char', pred: emptyOnly ? NEVER : node.pred });
    else if (node.t === 'assert') prog.push({ op: 'assert', kind: node.kind });
    else if (node.t === 'cat') for (const item of node.items) this.emit(item, emptyOnly);
    else if (node.t === 'group') {
      prog.push({ op: 'save', slot: 2 * node.index });
      this.emit(node.node, emptyOnly);
      prog.push({ op: 'save', slot: 2 * node.index + 1 });
    } else if (node.t === 'alt') {
      const jumps: { op: 'jmp'; to: number }[] = [];
      node.items.forEach((item, k) => {
        const last = k === node.items.length - 1;
        const split = { op: 'split' as const, a: prog.length + 1, b: -1 };
        if (!last) prog.push(split);
        this.emit(item, emptyOnly);
        if (!last) {
          const jmp = { op: 'jmp' as const, to: -1 };
          jumps.push(jmp);
          prog.push(jmp);
          split.b = prog.length;
        }
      });
      for (const jmp of jumps) jmp.to = prog.length;
    } else if (emptyOnly) this.repeatEmpty(node);
    else this.repeat(node);
  }

  /** A repeat that may consume nothing: its body once (empty iterations all capture alike) or skipped. */
  repeatEmpty(node: Extract<Node, { t: 'rep' }>): void {
    if (node.min > 0) return this.emit(node.node, true);
    const split = { op: 'split' as const, a: -1, b: -1 };
    this.prog.push(split);
    const body = this.prog.length;
    this.emit(node.node, true);
    Compiler.aim(split, body, this.prog.length, node.lazy === true);
  }

  repeat(node: Extract<Node, { t: 'rep' }>): void {
    const prog = this.prog;
    const lazy = node.lazy === true;
    for (let k = 0; k < node.min; k++) this.emit(node.node);
    const empty = nullable(node.node);
    const slot = empty ? this.slots++ : -1;
    const exits: { op: 'loop'; slot: number; next: number; exit: number }[] = [];
    const splits: { op: 'split'; a: number; b: number }[] = [];
    const optional = node.max === Infinity ? 1 : node.max - node.min;
    for (let k = 0; k < optional; k++) {
      const head = prog.length;
      const split = { op: 'split' as const, a: head + 1, b: -1 }; // `a` is the body until aimed
      prog.push(split);
      splits.push(split);
      if (empty) prog.push({ op: 'save', slot });
      this.emit(node.node);
      const next = node.max === Infinity ? head : prog.length + 1;
      if (empty) {
        const loop = { op: 'loop' as const, slot, next, exit: -1 };
        exits.push(loop);
        prog.push(loop);
      } else if (node.max === Infinity) prog.push({ op: 'jmp', to: head });
    }
    // sre runs one more, empty, iteration of a greedy loop before leaving it (after a non-empty one, and
    // on entry); its captures show in the match. That path revisits the body's instructions at the same
    // position, which the VM allows once, so it runs through a copy of the body that only matches empty.
    const last = splits[splits.length - 1];
    if (last !== undefined && empty && !lazy && node.max === Infinity) {
      const skip = { op: 'split' as const, a: prog.length + 1, b: -1 };
      last.b = prog.length;
      prog.push(skip);
      this.emit(node.node, true);
      skip.b = prog.length;
    }
    const exit = prog.length;
    for (const split of splits) Compiler.aim(split, split.a, split.b === -1 ? exit : split.b, lazy);
    for (const loop of exits) loop.exit = exit;
  }
}

/** Compiles a parsed pattern with `groups` capturing groups for {@link searchFrom}. */
export function compileCaptureProgram(
  tree: Node,
  groups: number,
  isWord: (ch: string | undefined) => boolean,
  pattern: string,
): CaptureProgram {
  const compiler = new Compiler(pattern, groups);
  compiler.emit(tree);
  compiler.prog.push({ op: 'match' });
  return { prog: compiler.prog, slots: compiler.slots, groups, isWord };
}

interface Thread {
  pc: number;
  caps: Int32Array;
}

/**
 * The leftmost-first match of `program` in `s` (code points) starting at or after `start`, as sre's search
 * finds it: capture slots (-1 when a group did not take part), or null. With `mustAdvance` an empty match
 * at `start` itself does not count (re.sub after an empty match, Python ≥ 3.7).
 */
export function searchFrom(
  program: CaptureProgram,
  s: readonly string[],
  start: number,
  mustAdvance: boolean,
): Int32Array | null {
  const { prog, isWord } = program;
  const n = s.length;
  const mark = new Int32Array(prog.length).fill(-1);
  let generation = 0;
  const stack: Thread[] = [];
  // Follows jumps, splits, saves and assertions depth-first, preferred branch first, so `list` stays in
  // priority order; each pc joins a list once (a later arrival has lower priority and the same future).
  const add = (list: Thread[], pc0: number, caps0: Int32Array, pos: number): void => {
    stack.push({ pc: pc0, caps: caps0 });
    for (let t = stack.pop(); t !== undefined; t = stack.pop()) {
      const { pc, caps } = t;
      if (mark[pc] === generation) continue;
      mark[pc] = generation;
      const inst = prog[pc] as Inst;
      switch (inst.op) {
        case 'char':
        case 'match':
          list.push(t);
          break;
        case 'jmp':
          stack.push({ pc: inst.to, caps });
          break;
        case 'split':
          stack.push({ pc: inst.b, caps }, { pc: inst.a, caps });
          break;
        case 'assert':
          if (holds(inst.kind, s as string[], pos, isWord)) stack.push({ pc: pc + 1, caps });
          break;
        case 'save': {
          const copy = caps.slice();
          copy[inst.slot] = pos;
          stack.push({ pc: pc + 1, caps: copy });
          break;
        }
        case 'loop':
          stack.push({ pc: caps[inst.slot] === pos ? inst.exit : inst.next, caps });
      }
    }
  };
  const fresh = (pos: number): Int32Array => {
    const caps = new Int32Array(program.slots).fill(-1);
    caps[0] = pos;
    return caps;
  };
  let found: Int32Array | null = null;
  let current: Thread[] = [];
  generation++;
  add(current, 0, fresh(start), start);
  for (let pos = start; pos <= n; pos++) {
    const next: Thread[] = [];
    generation++;
    const ch = s[pos];
    for (const t of current) {
      const inst = prog[t.pc] as Inst;
      if (inst.op === 'match') {
        if (mustAdvance && pos === start) continue;
        found = t.caps.slice();
        found[1] = pos;
        break; // threads after this one have lower priority
      }
      if (ch !== undefined && inst.op === 'char' && inst.pred(ch)) add(next, t.pc + 1, t.caps, pos + 1);
    }
    if (found === null && pos < n) add(next, 0, fresh(pos + 1), pos + 1);
    if (next.length === 0 && (found !== null || pos >= n)) break;
    current = next;
  }
  return found;
}
