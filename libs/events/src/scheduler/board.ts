import type { CandidatePair, ScheduleProblem } from './schedule-problem.js';

const NONE = -1;

/**
 * The schedule being built: which candidate pair meets in which slot, with
 * the occupancy indexes that make every check O(1). A meeting is identified
 * by its candidate index (a pair meets at most once). Every change can be
 * journaled and rolled back, so a move is tried by doing it and undoing it.
 */
export class Board {
  readonly slots: number;
  readonly tables: number;
  /** `entAt[e * slots + s]`: the meeting of enterprise e in slot s, or -1. */
  readonly entAt: Int32Array;
  readonly provAt: Int32Array;
  /** Slot of each candidate pair, or -1 when it does not meet. */
  readonly slotOf: Int32Array;
  readonly slotUsed: Int32Array;
  readonly entCount: Int32Array;
  readonly provCount: Int32Array;
  /** The meetings of each slot (unordered). */
  readonly inSlot: number[][];
  /** Slots both sides of each pair attend. */
  readonly common: number[][];
  total = 0;
  /** Meetings placed (tables taken over all slots). */
  used = 0;
  private readonly posInSlot: Int32Array;
  /** Changes since the last {@link mark}: `c` placed, or `~c` removed, each followed by the slot. */
  private readonly journal: number[] = [];

  constructor(
    readonly problem: ScheduleProblem,
    readonly pairs: readonly CandidatePair[] = problem.pairs,
  ) {
    const { slots, tables, enterprises, providers, availE, availP } = problem;
    this.slots = slots;
    this.tables = tables;
    this.entAt = new Int32Array(enterprises.length * slots).fill(NONE);
    this.provAt = new Int32Array(providers.length * slots).fill(NONE);
    this.slotOf = new Int32Array(pairs.length).fill(NONE);
    this.posInSlot = new Int32Array(pairs.length).fill(NONE);
    this.slotUsed = new Int32Array(slots);
    this.entCount = new Int32Array(enterprises.length);
    this.provCount = new Int32Array(providers.length);
    this.inSlot = Array.from({ length: slots }, () => []);
    this.common = pairs.map(({ e, p }) => {
      const list: number[] = [];
      for (let s = 0; s < slots; s++) if (availE[e * slots + s] && availP[p * slots + s]) list.push(s);
      return list;
    });
  }

  /** Whether pair c (not meeting now) can meet in slot s as things stand: both free, a table free, the provider under its cap. */
  fits(c: number, s: number): boolean {
    const { e, p } = this.pairs[c];
    const S = this.slots;
    return (
      this.entAt[e * S + s] === NONE &&
      this.provAt[p * S + s] === NONE &&
      this.slotUsed[s] < this.tables &&
      this.provCount[p] < this.problem.maxPerProvider &&
      this.problem.availE[e * S + s] === 1 &&
      this.problem.availP[p * S + s] === 1
    );
  }

  place(c: number, s: number): void {
    const { e, p, value } = this.pairs[c];
    const S = this.slots;
    this.entAt[e * S + s] = c;
    this.provAt[p * S + s] = c;
    this.slotOf[c] = s;
    this.posInSlot[c] = this.inSlot[s].length;
    this.inSlot[s].push(c);
    this.slotUsed[s]++;
    this.entCount[e]++;
    this.provCount[p]++;
    this.total += value;
    this.used++;
    this.journal.push(c, s);
  }

  remove(c: number): void {
    const { e, p, value } = this.pairs[c];
    const S = this.slots;
    const s = this.slotOf[c];
    this.entAt[e * S + s] = NONE;
    this.provAt[p * S + s] = NONE;
    this.slotOf[c] = NONE;
    const list = this.inSlot[s];
    const at = this.posInSlot[c];
    const last = list.pop()!;
    if (last !== c) {
      list[at] = last;
      this.posInSlot[last] = at;
    }
    this.posInSlot[c] = NONE;
    this.slotUsed[s]--;
    this.entCount[e]--;
    this.provCount[p]--;
    this.total -= value;
    this.used--;
    this.journal.push(~c, s);
  }

  /** A point to {@link rollback} to. */
  mark(): number {
    return this.journal.length;
  }

  /** Undoes every change since `mark`. */
  rollback(mark: number): void {
    while (this.journal.length > mark) {
      const s = this.journal.pop()!;
      const op = this.journal.pop()!;
      if (op >= 0) {
        this.remove(op);
      } else {
        this.place(~op, s);
      }
      // Undoing must not journal itself.
      this.journal.length -= 2;
    }
  }

  /** Forgets the journal (the changes stay): keeps it short between independent moves. */
  commit(): void {
    this.journal.length = 0;
  }

  meets(c: number): boolean {
    return this.slotOf[c] !== NONE;
  }

  enterpriseAt(e: number, s: number): number {
    return this.entAt[e * this.slots + s];
  }

  providerAt(p: number, s: number): number {
    return this.provAt[p * this.slots + s];
  }
}
