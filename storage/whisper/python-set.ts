// Iteration order of CPython 3.11's `set(list_of_ints)` (Objects/setobject.c: 8-slot table, 9 linear probes
// then perturbed probing, resize to 4×used when 3/5 full). whisper.py propagates a batch's lower intervals
// in this order, and the order decides which interval becomes an empty archive's base slot and which of two
// intervals sharing a ring slot is written last; replaying it keeps those files byte-identical.

const MIN_SIZE = 8;
const LINEAR_PROBES = 9;
const PERTURB_SHIFT = 32; // 2 ** 5: perturb >>= 5 done with division, hashes exceed 2 ** 31

/** Python's hash() of a non-negative int below 2 ** 61 - 1 is the int itself. */
function insertClean(table: (number | undefined)[], mask: number, key: number): void {
  let perturb = key;
  let i = key % (mask + 1);
  for (;;) {
    if (table[i] === undefined) {
      table[i] = key;
      return;
    }
    if (i + LINEAR_PROBES <= mask) {
      for (let j = 1; j <= LINEAR_PROBES; j++) {
        if (table[i + j] === undefined) {
          table[i + j] = key;
          return;
        }
      }
    }
    perturb = Math.floor(perturb / PERTURB_SHIFT);
    i = (i * 5 + 1 + perturb) % (mask + 1);
  }
}

/** Returns the distinct values of `values` (non-negative safe integers) in `for x in set(values)` order. */
export function pythonSetOrder(values: readonly number[]): number[] {
  let mask = MIN_SIZE - 1;
  let table: (number | undefined)[] = new Array(MIN_SIZE);
  let used = 0;
  for (const key of values) {
    // set_add_entry: probe like insertClean, but stop at an equal key (already present).
    let perturb = key;
    let i = key % (mask + 1);
    let slot = -1;
    probing: for (;;) {
      const probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      for (let j = 0; j <= probes; j++) {
        const entry = table[i + j];
        if (entry === undefined) {
          slot = i + j;
          break probing;
        }
        if (entry === key) break probing;
      }
      perturb = Math.floor(perturb / PERTURB_SHIFT);
      i = (i * 5 + 1 + perturb) % (mask + 1);
    }
    if (slot < 0) continue;
    table[slot] = key;
    used++;
    // No deletions happen, so fill == used.
    if (used * 5 >= mask * 3) {
      const minUsed = used > 50000 ? used * 2 : used * 4;
      let size = MIN_SIZE;
      while (size <= minUsed) size *= 2;
      const old = table;
      table = new Array(size);
      mask = size - 1;
      for (const entry of old) if (entry !== undefined) insertClean(table, mask, entry);
    }
  }
  return table.filter((entry): entry is number => entry !== undefined);
}
