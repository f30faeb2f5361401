// A Thompson NFA and its Pike VM for python-re.ts: every thread advances in lockstep and each instruction
// runs at most once per input position, so matching costs O(value × program) whatever the pattern.
// (Russ Cox, "Regular Expression Matching: the Virtual Machine Approach".)
import { StorageError } from '../errors.js';

/** Most NFA instructions a pattern may compile to (counted repeats are expanded); more is refused. */
export const MAX_PROGRAM_SIZE = 20_000;

/** Whether one character (code point) is accepted by an atom. */
export type Pred = (ch: string) => boolean;
/** Zero-width checks: `^`/`\A` (start), `^` in (?m) (bol), `\Z` (end), `$` (eol), `$` in (?m) (meol), `\b`, `\B`. */
export type AssertKind = 'start' | 'bol' | 'end' | 'eol' | 'meol' | 'word' | 'nonword';
/** The parsed pattern. */
export type Node =
  | { t: 'char'; pred: Pred }
  | { t: 'cat'; items: Node[] }
  | { t: 'alt'; items: Node[] }
  | { t: 'rep'; node: Node; min: number; max: number; lazy?: boolean }
  | { t: 'group'; index: number; node: Node }
  | { t: 'assert'; kind: AssertKind };
/** One VM instruction; `char` and `assert` continue at the next instruction. */
export type Inst =
  | { op: 'char'; pred: Pred }
  | { op: 'split'; a: number; b: number }
  | { op: 'jmp'; to: number }
  | { op: 'assert'; kind: AssertKind }
  | { op: 'match' };

/** STORAGE_ERR_INVALID_TAG_EXPRESSION when a program has grown past {@link MAX_PROGRAM_SIZE}. */
export function checkProgramSize(size: number, pattern: string): void {
  if (size > MAX_PROGRAM_SIZE) {
    throw new StorageError(
      'STORAGE_ERR_INVALID_TAG_EXPRESSION',
      `regex "${pattern}": too large to run (expand fewer repeats)`,
      {
        context: { regex: pattern, limit: MAX_PROGRAM_SIZE },
      },
    );
  }
}

/**
 * Appends the instructions of `node` to `prog` for the boolean matcher (groups and laziness do not change
 * whether a prefix matches); STORAGE_ERR_INVALID_TAG_EXPRESSION if it grows too large.
 */
export function compileProgram(node: Node, prog: Inst[], pattern: string): void {
  checkProgramSize(prog.length, pattern);
  if (node.t === 'char') prog.push({ op: 'char', pred: node.pred });
  else if (node.t === 'assert') prog.push({ op: 'assert', kind: node.kind });
  else if (node.t === 'group') compileProgram(node.node, prog, pattern);
  else if (node.t === 'cat') for (const item of node.items) compileProgram(item, prog, pattern);
  else if (node.t === 'alt') {
    const jumps: { op: 'jmp'; to: number }[] = [];
    node.items.forEach((item, k) => {
      const split = { op: 'split' as const, a: prog.length + 1, b: -1 };
      if (k < node.items.length - 1) prog.push(split);
      compileProgram(item, prog, pattern);
      if (k < node.items.length - 1) {
        const jmp = { op: 'jmp' as const, to: -1 };
        jumps.push(jmp);
        prog.push(jmp);
        split.b = prog.length;
      }
    });
    for (const jmp of jumps) jmp.to = prog.length;
  } else {
    for (let k = 0; k < node.min; k++) compileProgram(node.node, prog, pattern);
    if (node.max === Infinity) {
      const loop = prog.length;
      const split = { op: 'split' as const, a: loop + 1, b: -1 };
      prog.push(split);
      compileProgram(node.node, prog, pattern);
      prog.push({ op: 'jmp', to: loop });
      split.b = prog.length;
    } else {
      const splits: { op: 'split'; a: number; b: number }[] = [];
      for (let k = node.min; k < node.max; k++) {
        const split = { op: 'split' as const, a: prog.length + 1, b: -1 };
        splits.push(split);
        prog.push(split);
        compileProgram(node.node, prog, pattern);
      }
      for (const split of splits) split.b = prog.length;
    }
  }
}

/** Whether zero-width assertion `kind` holds at `pos` of `s` (code points). */
export function holds(
  kind: AssertKind,
  s: string[],
  pos: number,
  isWord: (ch: string | undefined) => boolean,
): boolean {
  const n = s.length;
  switch (kind) {
    case 'start':
      return pos === 0;
    case 'bol':
      return pos === 0 || s[pos - 1] === '\n';
    case 'end':
      return pos === n;
    case 'eol':
      return pos === n || (pos === n - 1 && s[pos] === '\n');
    case 'meol':
      return pos === n || s[pos] === '\n';
    case 'word':
      return isWord(s[pos - 1]) !== isWord(s[pos]);
    case 'nonword': // sre: \B never holds in an empty string
      return n > 0 && isWord(s[pos - 1]) === isWord(s[pos]);
  }
}

/** Whether `prog` matches a prefix of `s` (re.match), in O(s × prog). */
export function runProgram(prog: Inst[], s: string[], isWord: (ch: string | undefined) => boolean): boolean {
  const mark = new Int32Array(prog.length).fill(-1);
  let current: number[] = [];
  const add = (list: number[], start: number, pos: number): boolean => {
    const stack = [start];
    for (let pc = stack.pop(); pc !== undefined; pc = stack.pop()) {
      if (mark[pc] === pos) continue;
      mark[pc] = pos;
      const inst = prog[pc];
      if (inst === undefined) continue;
      if (inst.op === 'match') return true;
      if (inst.op === 'char') list.push(pc);
      else if (inst.op === 'jmp') stack.push(inst.to);
      else if (inst.op === 'split') stack.push(inst.b, inst.a);
      else if (holds(inst.kind, s, pos, isWord)) stack.push(pc + 1);
    }
    return false;
  };
  if (add(current, 0, 0)) return true;
  for (let pos = 0; pos < s.length && current.length > 0; pos++) {
    const next: number[] = [];
    for (const pc of current) {
      const inst = prog[pc];
      if (inst?.op === 'char' && inst.pred(s[pos] ?? '') && add(next, pc + 1, pos + 1)) return true;
    }
    current = next;
  }
  return false;
}
