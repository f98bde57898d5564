import { DEFAULT_RECOMMENDATIONS } from './schedule-types.js';
import type { MeetingKind, ScheduleInput } from './schedule-types.js';

/**
 * What a request is worth on top of the match score. The tiers meet only at
 * their edges (score ∈ [0, 1]): a mutual request is worth at least any
 * one-sided request, which is worth at least any recommendation; within a
 * tier the score ranks.
 */
export const KIND_BONUS: Readonly<Record<MeetingKind, number>> = Object.freeze({ mutual: 2, requested: 1, recommended: 0 });

/** The value of a meeting of this kind between a pair with this match score (rounded to 1e-6, so sums are reproducible). */
export function meetingValue(kind: MeetingKind, score: number): number {
  return Math.round((KIND_BONUS[kind] + clamp01(score)) * 1e6) / 1e6;
}

/** The kind of a pair's meeting from who asked for it. */
export function meetingKind(enterpriseWants: boolean, providerWants: boolean): MeetingKind {
  return enterpriseWants && providerWants ? 'mutual' : enterpriseWants || providerWants ? 'requested' : 'recommended';
}

export interface CandidatePair {
  /** Index into {@link ScheduleProblem.enterprises}. */
  e: number;
  /** Index into {@link ScheduleProblem.providers}. */
  p: number;
  kind: MeetingKind;
  score: number;
  value: number;
}

/**
 * The input as indices and flat arrays. Organisation ids are sorted, and
 * candidates ordered by value (then enterprise, then provider index), so the
 * same sets give the same schedule whatever order the caller listed them in.
 */
export interface ScheduleProblem {
  enterprises: string[];
  providers: string[];
  slots: number;
  tables: number;
  minPerEnterprise: number;
  maxPerProvider: number;
  /** `availE[e * slots + s]` = 1 when enterprise e attends slot s. */
  availE: Uint8Array;
  availP: Uint8Array;
  /** Requested pairs sharing a slot ∪ each enterprise's best recommended pairs; value descending. */
  pairs: CandidatePair[];
  /** Requested pairs (either side asked) that share no available slot: they cannot be scheduled. */
  requestsWithoutCommonSlot: number;
}

/**
 * Checks the input and turns it into a {@link ScheduleProblem}.
 *
 * @throws RangeError on a malformed instance (the service validates first; this guards other callers)
 */
export function buildProblem(input: ScheduleInput): ScheduleProblem {
  const { slots, tables, minPerEnterprise, maxPerProvider } = input;
  for (const [name, value, min] of [
    ['slots', slots, 1],
    ['tables', tables, 1],
    ['minPerEnterprise', minPerEnterprise, 0],
    ['maxPerProvider', maxPerProvider, 0],
  ] as const) {
    if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} must be an integer ≥ ${min}, got ${value}`);
  }
  const enterprises = [...new Set(input.enterprises)].sort();
  const providers = [...new Set(input.providers)].sort();
  const eIndex = new Map(enterprises.map((id, i) => [id, i]));
  const pIndex = new Map(providers.map((id, i) => [id, i]));
  for (const id of providers) if (eIndex.has(id)) throw new RangeError(`organisation ${id} is on both sides`);
  const E = enterprises.length;
  const P = providers.length;

  const availE = new Uint8Array(E * slots);
  const availP = new Uint8Array(P * slots);
  const mark = (target: Uint8Array, row: number, list: readonly number[] | undefined) => {
    for (const s of list ?? []) if (Number.isInteger(s) && s >= 0 && s < slots) target[row * slots + s] = 1;
  };
  enterprises.forEach((id, e) => mark(availE, e, input.availability[id]));
  providers.forEach((id, p) => mark(availP, p, input.availability[id]));

  const score = new Float64Array(E * P);
  for (const s of input.scores) {
    const e = eIndex.get(s.enterpriseId);
    const p = pIndex.get(s.providerId);
    if (e !== undefined && p !== undefined && Number.isFinite(s.score)) score[e * P + p] = clamp01(s.score);
  }

  // Requests, as a bit per side: 1 = the enterprise asked, 2 = the provider asked.
  const asked = new Map<number, number>();
  for (const [from, list] of Object.entries(input.wants)) {
    const e = eIndex.get(from);
    const p = pIndex.get(from);
    for (const to of list) {
      if (e !== undefined) {
        const q = pIndex.get(to);
        if (q !== undefined) asked.set(e * P + q, (asked.get(e * P + q) ?? 0) | 1);
      } else if (p !== undefined) {
        const f = eIndex.get(to);
        if (f !== undefined) asked.set(f * P + p, (asked.get(f * P + p) ?? 0) | 2);
      }
    }
  }

  const sharesSlot = (e: number, p: number): boolean => {
    for (let s = 0; s < slots; s++) if (availE[e * slots + s] && availP[p * slots + s]) return true;
    return false;
  };
  const pairs: CandidatePair[] = [];
  let requestsWithoutCommonSlot = 0;
  for (const [key, bits] of asked) {
    const e = Math.floor(key / P);
    const p = key % P;
    if (!sharesSlot(e, p)) {
      requestsWithoutCommonSlot++;
      continue;
    }
    const kind = meetingKind((bits & 1) !== 0, (bits & 2) !== 0);
    pairs.push({ e, p, kind, score: score[key], value: meetingValue(kind, score[key]) });
  }
  const k = Math.max(0, Math.floor(input.options?.recommendationsPerEnterprise ?? DEFAULT_RECOMMENDATIONS));
  const minScore = input.options?.minRecommendedScore ?? 0;
  if (k > 0) {
    for (let e = 0; e < E; e++) {
      const best: number[] = [];
      for (let p = 0; p < P; p++) {
        const sc = score[e * P + p];
        if (sc <= 0 || sc < minScore || asked.has(e * P + p) || !sharesSlot(e, p)) continue;
        best.push(p);
      }
      best.sort((a, b) => score[e * P + b] - score[e * P + a] || a - b);
      for (const p of best.slice(0, k)) {
        pairs.push({ e, p, kind: 'recommended', score: score[e * P + p], value: meetingValue('recommended', score[e * P + p]) });
      }
    }
  }
  pairs.sort((a, b) => b.value - a.value || a.e - b.e || a.p - b.p);
  return {
    enterprises,
    providers,
    slots,
    tables,
    minPerEnterprise,
    maxPerProvider,
    availE,
    availP,
    pairs,
    requestsWithoutCommonSlot,
  };
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
