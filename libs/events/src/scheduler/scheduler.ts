import { Board } from './board.js';
import { buildProblem } from './schedule-problem.js';
import type { ScheduleProblem } from './schedule-problem.js';
import type { ScheduleInput, ScheduleResult, ScheduledMeeting, UnmetMinimum, UnmetReason } from './schedule-types.js';

/** Gains below this are rounding, not improvement. */
const EPS = 1e-9;
/** Improvement passes over the unscheduled pairs; each pass stops early when nothing improves. */
const MAX_PASSES = 8;
/** Pair × slot combinations all runs together may start from; see {@link restartsFor}. */
const RESTART_BUDGET = 60_000;
const MAX_RESTARTS = 24;
/** How far the noisy runs' greedy order strays from the value order (± half of this, relative). */
const ORDER_NOISE = 0.3;

/**
 * Proposes the 1:1 meeting schedule of a matchmaking event.
 *
 * The model: a meeting is a candidate pair (requested by either side, or
 * among the enterprise's best recommendations) in a slot both attend, at a
 * free table; nobody is in two meetings of one slot, a pair meets at most
 * once, a slot holds at most `tables` meetings and a provider at most
 * `maxPerProvider`. The schedule maximises the total value of its meetings
 * ({@link meetingValue}), then gives every enterprise below
 * `minPerEnterprise` a meeting where that is possible, at the least cost in
 * value, and says for each one that stays below why.
 *
 * How: greedy by value, each pair in the slot its parties and the tables
 * need least; then local search — a pair that did not fit moves blocking
 * meetings to other slots, or displaces cheaper ones that are re-placed
 * elsewhere when possible — until a pass improves nothing; then the fairness
 * pass; then the local search again, never taking an enterprise below its
 * minimum. Tables are numbered last, keeping each provider at one table.
 *
 * Pure and deterministic: the same sets of organisations, requests, scores
 * and availability give the same schedule, whatever their order.
 */
export function scheduleMeetings(input: ScheduleInput): ScheduleResult {
  const problem = buildProblem(input);
  const board = solve(problem);
  return toResult(problem, board);
}

/** The search itself, on a prepared problem (the benchmark calls it to time the core). */
export function solve(problem: ScheduleProblem, restarts = restartsFor(problem)): Board {
  let best: { board: Board; shortfall: number } | null = null;
  for (let run = 0; run < restarts; run++) {
    const search = new Search(problem, run);
    search.greedy();
    search.improve(false);
    search.fairness();
    search.improve(true);
    const board = search.board;
    const missing = shortfall(problem, board);
    if (!best || missing < best.shortfall || (missing === best.shortfall && board.total > best.board.total + EPS)) {
      best = { board, shortfall: missing };
    }
  }
  return best!.board;
}

/** Meetings missing to the minimum, summed over the enterprises: what the fairness pass minimises. */
export function shortfall(problem: ScheduleProblem, board: Board): number {
  let missing = 0;
  for (let e = 0; e < problem.enterprises.length; e++) missing += Math.max(0, problem.minPerEnterprise - board.entCount[e]);
  return missing;
}

/**
 * Runs of the search: the first greedy goes strictly by value, the others by
 * value with seeded noise (other pairs get the contested slots first), and
 * the best schedule wins. As many as a fixed amount of work allows, so small
 * events get many and large ones one; the count depends on the instance
 * alone, which keeps the result deterministic.
 */
export function restartsFor(problem: ScheduleProblem): number {
  const size = Math.max(1, problem.pairs.length * problem.slots);
  return Math.max(1, Math.min(MAX_RESTARTS, Math.floor(RESTART_BUDGET / size)));
}

interface DisplaceOptions {
  /**
   * What the move may do to the shortfall (meetings missing to the minimum, in
   * all): anything (`any`), not raise it (`keep`, after the fairness pass),
   * lower it (`reduce`, the fairness pass itself).
   */
  shortfall: 'any' | 'keep' | 'reduce';
  /** Apply the move only when it gains more than this. */
  minGain: number;
  dryRun?: boolean;
}

/** The fairness pass: the minimum comes before value, so any loss is acceptable, but no other enterprise may fall below it. */
const FAIR: DisplaceOptions = { shortfall: 'reduce', minGain: -Infinity };

class Search {
  readonly board: Board;
  private readonly S: number;
  /** Remaining demand on a party's slot: unscheduled candidate pairs of that party that could use it (greedy only). */
  private readonly demandE: Int32Array;
  private readonly demandP: Int32Array;
  private readonly demandS: Int32Array;
  /** Candidate indexes of each enterprise, value descending. */
  private readonly byEnterprise: number[][];
  /** Meetings of each provider are found through the slot index; this keeps candidates per provider. */
  private readonly byProvider: number[][];

  /** The order of the greedy: by value, or by value with noise (run > 0). */
  private readonly order: number[];

  constructor(
    private readonly problem: ScheduleProblem,
    run: number,
  ) {
    this.board = new Board(problem);
    this.S = problem.slots;
    this.demandE = new Int32Array(problem.enterprises.length * this.S);
    this.demandP = new Int32Array(problem.providers.length * this.S);
    this.demandS = new Int32Array(this.S);
    this.byEnterprise = problem.enterprises.map(() => []);
    this.byProvider = problem.providers.map(() => []);
    problem.pairs.forEach(({ e, p }, c) => {
      this.byEnterprise[e].push(c);
      this.byProvider[p].push(c);
      for (const s of this.board.common[c]) {
        this.demandE[e * this.S + s]++;
        this.demandP[p * this.S + s]++;
        this.demandS[s]++;
      }
    });
    this.order = problem.pairs.map((_, c) => c);
    if (run > 0) {
      const random = mulberry32(run);
      const key = problem.pairs.map((pair) => pair.value * (1 + ORDER_NOISE * (random() - 0.5)));
      // Every other run puts each enterprise's best pairs, up to the minimum, first: the minimum shapes the schedule from the start.
      const first = new Uint8Array(problem.pairs.length);
      if (run % 2 === 1) {
        for (const mine of this.byEnterprise) {
          const ranked = [...mine].sort((x, y) => key[y] - key[x] || x - y);
          for (const c of ranked.slice(0, problem.minPerEnterprise)) first[c] = 1;
        }
      }
      this.order.sort((x, y) => first[y] - first[x] || key[y] - key[x] || x - y);
    }
  }

  /** Each pair, best first, into a free slot if one fits (moving others aside if needed). */
  greedy(): void {
    const { pairs } = this.problem;
    for (const c of this.order) {
      this.insertWithoutLoss(c);
      this.board.commit();
      const { e, p } = pairs[c];
      for (const s of this.board.common[c]) {
        this.demandE[e * this.S + s]--;
        this.demandP[p * this.S + s]--;
        this.demandS[s]--;
      }
    }
  }

  /**
   * Passes over the pairs that do not meet, best first, placing each where
   * that gains value; stops when a pass gains nothing. `protect` (after the
   * fairness pass): never raise the shortfall.
   */
  improve(protect: boolean): void {
    const { pairs } = this.problem;
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      let improved = false;
      for (let c = 0; c < pairs.length; c++) {
        if (this.board.meets(c)) continue;
        if (this.insertWithoutLoss(c) || this.insertDisplacing(c, { shortfall: protect ? 'keep' : 'any', minGain: EPS }) > EPS) {
          improved = true;
        }
        this.board.commit();
      }
      if (!improved) break;
    }
  }

  /**
   * Gives enterprises below the minimum meetings: first wherever that costs
   * nothing, then, fewest meetings first, through the insertion that loses
   * least value (lazily re-evaluated: a stale estimate is recomputed before
   * it is trusted), until each reaches the minimum or nothing fits.
   */
  fairness(): void {
    const { minPerEnterprise, enterprises } = this.problem;
    if (minPerEnterprise === 0) return;
    const b = this.board;
    const below = enterprises.map((_, e) => e).filter((e) => b.entCount[e] < minPerEnterprise);
    below.sort((x, y) => b.entCount[x] - b.entCount[y] || x - y);
    for (const e of below) {
      while (b.entCount[e] < minPerEnterprise && this.addWithoutLoss(e)) b.commit();
    }
    const queue = new Map<number, number>();
    /** Enterprises nothing could be found for: not tried again. */
    const given = new Set<number>();
    for (const e of below) if (b.entCount[e] < minPerEnterprise) queue.set(e, this.bestDisplacement(e).gain);
    while (queue.size) {
      let pick = -1;
      for (const [e, gain] of queue) if (pick < 0 || this.fairer(e, gain, pick, queue.get(pick)!)) pick = e;
      const { c, gain } = this.bestDisplacement(pick);
      if (c < 0) {
        queue.delete(pick);
        given.add(pick);
        continue;
      }
      // Its estimate was stale: if another enterprise as short of meetings now looks cheaper, that one goes first.
      const rivals = [...queue].filter(([e]) => e !== pick && b.entCount[e] === b.entCount[pick]);
      if (rivals.some(([, g]) => g > gain + EPS)) {
        queue.set(pick, gain);
        continue;
      }
      const applied = this.insertDisplacing(c, FAIR) > -Infinity;
      b.commit();
      if (!applied || b.entCount[pick] >= minPerEnterprise) queue.delete(pick);
      else queue.set(pick, gain);
      // The move lowered the shortfall in all, yet may have left another enterprise below: it queues, to be evaluated afresh.
      for (let e = 0; e < enterprises.length; e++) {
        if (b.entCount[e] < minPerEnterprise && !queue.has(e) && !given.has(e)) queue.set(e, Infinity);
      }
    }
  }

  /** Whether enterprise a goes before b: fewer meetings first, then the cheaper insertion, then the index. */
  private fairer(a: number, gainA: number, b: number, gainB: number): boolean {
    const count = this.board.entCount;
    return count[a] !== count[b] ? count[a] < count[b] : gainA !== gainB ? gainA > gainB : a < b;
  }

  private addWithoutLoss(e: number): boolean {
    for (const c of this.byEnterprise[e]) if (!this.board.meets(c) && this.insertWithoutLoss(c)) return true;
    return false;
  }

  /** The pair of enterprise e whose insertion (displacing others) loses least, and its gain; c = -1 when none fits. */
  private bestDisplacement(e: number): { c: number; gain: number } {
    let best = -1;
    let bestGain = -Infinity;
    for (const c of this.byEnterprise[e]) {
      if (this.board.meets(c)) continue;
      const gain = this.insertDisplacing(c, { ...FAIR, dryRun: true });
      if (gain > bestGain + EPS) {
        bestGain = gain;
        best = c;
      }
    }
    return { c: best, gain: bestGain };
  }

  /** Places pair c without dropping any meeting: in a free slot, or after moving its blockers to other slots. */
  insertWithoutLoss(c: number, depth = 1): boolean {
    const b = this.board;
    const { e, p } = this.problem.pairs[c];
    // Moving meetings around cannot make room when every table of the event is taken or the provider is full.
    if (b.provCount[p] >= this.problem.maxPerProvider || b.used >= b.tables * this.S) return false;
    let best = -1;
    let bestPressure = Infinity;
    for (const s of b.common[c]) {
      if (!b.fits(c, s)) continue;
      const pressure = this.pressure(e, p, s);
      if (pressure < bestPressure) {
        bestPressure = pressure;
        best = s;
      }
    }
    if (best >= 0) {
      b.place(c, best);
      return true;
    }
    for (const s of this.rankSlots(c)) {
      const mark = b.mark();
      if (this.clear(e, p, s, depth) && b.fits(c, s)) {
        b.place(c, s);
        return true;
      }
      b.rollback(mark);
    }
    return false;
  }

  private freeTableBesides(s: number): boolean {
    for (let t = 0; t < this.S; t++) if (t !== s && this.board.slotUsed[t] < this.board.tables) return true;
    return false;
  }

  /** Frees enterprise e, provider p and a table in slot s by moving meetings elsewhere (no meeting is dropped). */
  private clear(e: number, p: number, s: number, depth: number): boolean {
    const b = this.board;
    const be = b.enterpriseAt(e, s);
    if (be >= 0 && !this.move(be, depth)) return false;
    const bp = b.providerAt(p, s);
    if (bp >= 0 && !this.move(bp, depth)) return false;
    if (b.slotUsed[s] < b.tables) return true;
    if (!this.freeTableBesides(s)) return false;
    for (const m of [...b.inSlot[s]]) if (this.move(m, depth)) return true;
    return false;
  }

  /** Moves meeting m to another slot, clearing its way there up to `depth` levels down. */
  private move(m: number, depth: number): boolean {
    const b = this.board;
    const from = b.slotOf[m];
    const mark = b.mark();
    b.remove(m);
    const others = b.common[m].filter((s) => s !== from);
    for (const s of others) {
      if (b.fits(m, s)) {
        b.place(m, s);
        return true;
      }
    }
    if (depth > 0) {
      const { e, p } = this.problem.pairs[m];
      for (const s of others) {
        const inner = b.mark();
        if (this.clear(e, p, s, depth - 1) && b.fits(m, s)) {
          b.place(m, s);
          return true;
        }
        b.rollback(inner);
      }
    }
    b.rollback(mark);
    return false;
  }

  /**
   * Places pair c in the slot where that gains most, displacing the meetings
   * in its way (its enterprise's and provider's in that slot, one of the
   * provider's when it is at its cap, the cheapest in a full slot) and
   * re-placing them elsewhere where possible. Applies the move when the gain
   * exceeds `minGain` (unless `dryRun`); returns the gain, -Infinity when no
   * slot qualifies.
   */
  insertDisplacing(c: number, options: DisplaceOptions): number {
    const b = this.board;
    let bestSlot = -1;
    let bestGain = -Infinity;
    const value = this.problem.pairs[c].value;
    for (const s of b.common[c]) {
      if (options.minGain >= 0 && value <= this.cheapestBound(c, s) + EPS) continue;
      const mark = b.mark();
      const gain = this.displaceInto(c, s, options);
      b.rollback(mark);
      if (gain > bestGain + EPS) {
        bestGain = gain;
        bestSlot = s;
      }
    }
    if (bestSlot < 0 || bestGain <= options.minGain) return -Infinity;
    if (!options.dryRun) this.displaceInto(c, bestSlot, options);
    return bestGain;
  }

  /** A quick lower bound of what placing c in s costs when nothing can move: lets most hopeless slots be skipped. */
  private cheapestBound(c: number, s: number): number {
    const b = this.board;
    const { e, p } = this.problem.pairs[c];
    if (b.enterpriseAt(e, s) >= 0 || b.providerAt(p, s) >= 0 || b.provCount[p] >= this.problem.maxPerProvider) return 0;
    if (b.slotUsed[s] < b.tables) return 0;
    let cheapest = Infinity;
    for (const m of b.inSlot[s]) cheapest = Math.min(cheapest, this.problem.pairs[m].value);
    return cheapest;
  }

  /**
   * Displaces what stands in c's way in slot s, places c, re-places what it
   * can; the value gained, or -Infinity when c cannot go there — or, with
   * `protect`, when the move leaves enterprises further below the minimum
   * in all than before (a displaced meeting may come back elsewhere).
   */
  private displaceInto(c: number, s: number, { shortfall }: DisplaceOptions): number {
    const b = this.board;
    const { pairs, maxPerProvider, minPerEnterprise } = this.problem;
    const { e, p } = pairs[c];
    const before = b.total;
    const displaced: number[] = [];
    // The enterprises whose count the move can lower, e included (it may trade its meeting in s for c).
    const owners: number[] = [e];
    let missingBefore = Math.max(0, minPerEnterprise - b.entCount[e]);
    const drop = (m: number): void => {
      const owner = pairs[m].e;
      if (!owners.includes(owner)) {
        owners.push(owner);
        missingBefore += Math.max(0, minPerEnterprise - b.entCount[owner]);
      }
      b.remove(m);
      displaced.push(m);
    };
    const protect = shortfall !== 'any';
    const be = b.enterpriseAt(e, s);
    if (be >= 0) drop(be);
    const bp = b.providerAt(p, s);
    if (bp >= 0) drop(bp);
    if (b.provCount[p] >= maxPerProvider) {
      const victim = this.victim(this.byProvider[p], e, protect);
      if (victim < 0) return -Infinity;
      drop(victim);
    }
    if (b.slotUsed[s] >= b.tables) {
      const victim = this.victim(b.inSlot[s], e, protect);
      if (victim < 0) return -Infinity;
      drop(victim);
    }
    if (!b.fits(c, s)) return -Infinity;
    b.place(c, s);
    this.repair(displaced);
    if (protect) {
      let missingAfter = 0;
      for (const owner of owners) missingAfter += Math.max(0, minPerEnterprise - b.entCount[owner]);
      if (shortfall === 'keep' ? missingAfter > missingBefore : missingAfter >= missingBefore) return -Infinity;
    }
    return b.total - before;
  }

  /**
   * After meetings were dropped: places what now fits among the pairs of
   * their enterprises and providers (the dropped ones too, elsewhere), best
   * first, without dropping anything else.
   */
  private repair(dropped: readonly number[]): void {
    const b = this.board;
    if (!dropped.length || b.used >= b.tables * this.S) return;
    const { pairs } = this.problem;
    const related: number[] = [];
    for (const m of dropped) {
      for (const c of this.byEnterprise[pairs[m].e]) if (!b.meets(c)) related.push(c);
      for (const c of this.byProvider[pairs[m].p]) if (!b.meets(c)) related.push(c);
    }
    // Candidate indexes run in value order.
    const order = Int32Array.from(related).sort();
    for (let i = 0; i < order.length && b.used < b.tables * this.S; i++) {
      if (i > 0 && order[i] === order[i - 1]) continue;
      if (!b.meets(order[i])) this.insertWithoutLoss(order[i], 0);
    }
  }

  /**
   * The meeting among `candidates` to displace for a pair of enterprise e:
   * the cheapest; with `protect`, the cheapest whose enterprise keeps its
   * minimum without it, else the cheapest of all (it may find another slot). -1 if none meets.
   */
  private victim(candidates: readonly number[], e: number, protect: boolean): number {
    const { pairs, minPerEnterprise } = this.problem;
    let free = -1;
    let any = -1;
    const cheaper = (m: number, than: number) =>
      than < 0 || pairs[m].value < pairs[than].value || (pairs[m].value === pairs[than].value && m > than);
    for (const m of candidates) {
      if (!this.board.meets(m)) continue;
      if (cheaper(m, any)) any = m;
      const owner = pairs[m].e;
      if ((owner === e || this.board.entCount[owner] > minPerEnterprise) && cheaper(m, free)) free = m;
    }
    return protect && free >= 0 ? free : any;
  }

  /** How much the parties and the tables need slot s for other pairs (greedy demand; the lower the better). */
  private pressure(e: number, p: number, s: number): number {
    const S = this.S;
    return this.demandE[e * S + s] + this.demandP[p * S + s] + this.demandS[s] / Math.max(1, this.board.tables - this.board.slotUsed[s]);
  }

  /** The slots pair c could use, least pressed first. */
  private rankSlots(c: number): number[] {
    const { e, p } = this.problem.pairs[c];
    const ranked = this.board.common[c].map((s) => ({ s, pressure: this.pressure(e, p, s) }));
    ranked.sort((x, y) => x.pressure - y.pressure || x.s - y.s);
    return ranked.map((r) => r.s);
  }
}

/** Numbers the tables (a provider keeps one table where it can) and explains unmet minimums. */
function toResult(problem: ScheduleProblem, board: Board): ScheduleResult {
  const { pairs, enterprises, providers, slots, tables } = problem;
  const home = new Int32Array(providers.length).fill(-1);
  const meetings: ScheduledMeeting[] = [];
  // Providers with more meetings choose their table first: they sit longest.
  const providerOrder = (a: number, b: number) => board.provCount[pairs[b].p] - board.provCount[pairs[a].p] || pairs[a].p - pairs[b].p;
  for (let s = 0; s < slots; s++) {
    const taken = new Uint8Array(tables);
    const here = [...board.inSlot[s]].sort(providerOrder);
    const later: number[] = [];
    for (const c of here) {
      const h = home[pairs[c].p];
      if (h >= 0 && !taken[h]) {
        taken[h] = 1;
        meetings.push(meetingOf(problem, c, s, h));
      } else {
        later.push(c);
      }
    }
    let next = 0;
    for (const c of later) {
      const { p } = pairs[c];
      // A provider without a table yet takes one no other provider calls home, if any is left.
      let t = -1;
      if (home[p] < 0) {
        for (let k = 0; k < tables; k++) {
          if (!taken[k] && !home.includes(k)) {
            t = k;
            break;
          }
        }
      }
      if (t < 0) {
        while (taken[next]) next++;
        t = next;
      }
      taken[t] = 1;
      if (home[p] < 0) home[p] = t;
      meetings.push(meetingOf(problem, c, s, t));
    }
  }
  meetings.sort((a, b) => a.slot - b.slot || a.table - b.table);
  const unmetMinimums: UnmetMinimum[] = [];
  for (let e = 0; e < enterprises.length; e++) {
    if (board.entCount[e] < problem.minPerEnterprise) unmetMinimums.push(explainUnmet(problem, board, e));
  }
  return {
    meetings,
    unmetMinimums,
    totalValue: Math.round(board.total * 1e6) / 1e6,
    candidates: pairs.length,
  };
}

function meetingOf(problem: ScheduleProblem, c: number, slot: number, table: number): ScheduledMeeting {
  const pair = problem.pairs[c];
  return {
    slot,
    table,
    enterpriseId: problem.enterprises[pair.e],
    providerId: problem.providers[pair.p],
    kind: pair.kind,
    value: pair.value,
    score: pair.score,
  };
}

/**
 * Why enterprise e stayed below the minimum: looks at every slot where one
 * of its candidate pairs could still meet and names what stands in the way
 * everywhere (the same thing in all of them, or a mix).
 */
function explainUnmet(problem: ScheduleProblem, board: Board, e: number): UnmetMinimum {
  const { slots, minPerEnterprise: required, maxPerProvider } = problem;
  const meetings = board.entCount[e];
  const unmet = (reason: UnmetReason, message: string): UnmetMinimum => ({
    enterpriseId: problem.enterprises[e],
    meetings,
    required,
    reason,
    message,
  });
  let available = 0;
  for (let s = 0; s < slots; s++) available += problem.availE[e * slots + s];
  if (available === 0) return unmet('no_available_slots', 'it marked no slot as available');
  let anyProviderShares = false;
  for (let p = 0; p < problem.providers.length && !anyProviderShares; p++) {
    for (let s = 0; s < slots; s++) {
      if (problem.availE[e * slots + s] && problem.availP[p * slots + s]) {
        anyProviderShares = true;
        break;
      }
    }
  }
  if (!anyProviderShares) return unmet('no_common_slot', 'no approved provider is available in any of its slots');
  const open = problem.pairs.map((pair, c) => ({ pair, c })).filter(({ pair, c }) => pair.e === e && !board.meets(c));
  if (!open.length) {
    return unmet('no_candidates', 'no provider sharing one of its slots was requested by or for it, or scores above zero against it');
  }
  const blocked = { slot: 0, cap: 0, tables: 0, busy: 0 };
  let places = 0;
  for (const { pair, c } of open) {
    for (const s of board.common[c]) {
      places++;
      if (board.enterpriseAt(e, s) >= 0) blocked.slot++;
      else if (board.provCount[pair.p] >= maxPerProvider) blocked.cap++;
      else if (board.providerAt(pair.p, s) >= 0) blocked.busy++;
      else blocked.tables++;
    }
  }
  if (blocked.slot === places) {
    return unmet('slots_taken', 'its other meetings already fill every slot it shares with the providers it could meet');
  }
  if (blocked.cap + blocked.slot === places) {
    return unmet(
      'providers_at_capacity',
      `every provider it could meet already has its maximum of ${maxPerProvider} meetings, none of which can be given up`,
    );
  }
  if (blocked.tables + blocked.slot === places) {
    return unmet('tables_full', 'every table is taken in the slots it could use, by meetings that cannot be given up');
  }
  return unmet(
    'no_room',
    'the providers it could meet are booked in its slots (or at their maximum), and no meeting could be moved or given up without taking another enterprise below the minimum',
  );
}

/** A small seeded generator (mulberry32): the noisy runs are the same on every machine. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
