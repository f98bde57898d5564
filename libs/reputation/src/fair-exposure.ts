import type { Placement, PlacementKind } from '@smedx/contracts';

/**
 * Fair exposure: one post-ranking step over a ranked list (search results, matches) that keeps
 * any one provider from holding more than a configured number of the top slots, and gives a small
 * number of them to approved providers with little history whose fit is within a margin of the
 * winners (exploration). Pure: the order in, the order out, and why each item is where it is.
 */

export interface ExposureSettings {
  /** The head of the list the rule applies to (the top 10). */
  slots: number;
  /** The most slots of the head one provider may hold (default 3 of 10). */
  maxPerProvider: number;
  /** Slots of the head reserved for exploration, when a candidate qualifies (default 1). */
  explorationSlots: number;
  /** How far (in fit, 0–1) below the last winner an explorer may be and still take a slot. */
  explorationMargin: number;
  /** Fewer completed projects than this makes a provider a newcomer. */
  newcomerProjects: number;
  /**
   * Amortised fairness: within this margin of fit (0–1) below the best candidate left for a
   * slot, the provider least exposed in recent lists takes it (0 turns it off).
   */
  balanceMargin: number;
}

export const DEFAULT_EXPOSURE: Readonly<ExposureSettings> = Object.freeze({
  slots: 10,
  maxPerProvider: 3,
  explorationSlots: 1,
  explorationMargin: 0.05,
  newcomerProjects: 3,
  balanceMargin: 0.03,
});

/** One ranked candidate: its provider, its fit (the score it was ranked by) and whether the provider is a newcomer. */
export interface Candidate<T> {
  item: T;
  providerId: string;
  fit: number;
  /** An approved provider with fewer than `newcomerProjects` completed projects. */
  newcomer: boolean;
}

/** Why an item is where it is: the contract's `Placement` (`rank`, `baseRank`, `kind`, `reason`). */
export type { Placement, PlacementKind };

export interface Placed<T> extends Candidate<T> {
  placement: Placement;
}

/**
 * Reorders `ranked` (best first). Within the head: at most `maxPerProvider` items of a provider,
 * the later ones moving down to just below the head; then, if fewer than `explorationSlots`
 * newcomers are in the head, the best newcomers outside it whose fit is within
 * `explorationMargin` of the last winner they replace take that winner's slot. The head stays in
 * fit order; everything after it keeps its order.
 */
export function applyFairExposure<T>(
  ranked: readonly Candidate<T>[],
  settings: ExposureSettings = DEFAULT_EXPOSURE,
  pastExposure: ReadonlyMap<string, number> = new Map(),
): Placed<T>[] {
  const n = ranked.length;
  const slots = Math.min(settings.slots, n);
  const kind = new Map<number, PlacementKind>();
  const head: number[] = [];
  const perProvider = new Map<string, number>();
  const taken = (i: number) => perProvider.get(ranked[i]!.providerId) ?? 0;
  const exposed = (i: number) => pastExposure.get(ranked[i]!.providerId) ?? 0;
  const used = new Set<number>();
  while (head.length < slots) {
    // The best candidate left that its provider's cap allows, then, within the balance margin
    // below it, the one whose provider was shown least lately.
    let best = -1;
    for (let i = 0; i < n; i++) {
      if (used.has(i)) continue;
      if (taken(i) >= settings.maxPerProvider) continue;
      best = i;
      break;
    }
    if (best < 0) break;
    let pick = best;
    if (settings.balanceMargin > 0 && pastExposure.size) {
      const floor = ranked[best]!.fit - settings.balanceMargin;
      for (let i = best + 1; i < n && ranked[i]!.fit >= floor; i++) {
        if (used.has(i) || taken(i) >= settings.maxPerProvider) continue;
        if (exposed(i) < exposed(pick)) pick = i;
      }
    }
    if (pick !== best) kind.set(pick, 'balanced');
    used.add(pick);
    head.push(pick);
    perProvider.set(ranked[pick]!.providerId, taken(pick) + 1);
  }
  for (let i = 0; i < n; i++) if (!used.has(i) && taken(i) >= settings.maxPerProvider) kind.set(i, 'capped');

  const inHead = new Set(head);
  let explorers = head.filter((i) => ranked[i]!.newcomer).length;
  while (explorers < settings.explorationSlots) {
    // The lowest-ranked winner that is not itself an explorer gives up its slot.
    const victimAt = [...head].reverse().find((i) => !ranked[i]!.newcomer && kind.get(i) !== 'exploration');
    if (victimAt === undefined) break;
    const floor = ranked[victimAt]!.fit - settings.explorationMargin;
    const explorer = ranked.findIndex(
      (c, i) =>
        !inHead.has(i) &&
        c.newcomer &&
        c.fit >= floor &&
        (perProvider.get(c.providerId) ?? 0) - (c.providerId === ranked[victimAt]!.providerId ? 1 : 0) < settings.maxPerProvider,
    );
    if (explorer < 0) break;
    head.splice(head.indexOf(victimAt), 1, explorer);
    inHead.delete(victimAt);
    inHead.add(explorer);
    perProvider.set(ranked[victimAt]!.providerId, taken(victimAt) - 1);
    perProvider.set(ranked[explorer]!.providerId, taken(explorer) + 1);
    kind.set(victimAt, 'yielded');
    kind.set(explorer, 'exploration');
    explorers++;
  }

  const order = [...head, ...ranked.map((_, i) => i).filter((i) => !inHead.has(i))];
  return order.map((i, at) => {
    const mark = kind.get(i);
    const k = inHead.has(i)
      ? mark === 'exploration' || mark === 'balanced'
        ? mark
        : 'ranked'
      : mark === 'capped' || mark === 'yielded'
        ? mark
        : 'ranked';
    return { ...ranked[i]!, placement: { rank: at + 1, baseRank: i + 1, kind: k, reason: reasonOf(k, at + 1, settings) } };
  });
}

function reasonOf(kind: PlacementKind, rank: number, s: ExposureSettings): string {
  switch (kind) {
    case 'capped':
      return `同一服务商在前${s.slots}名中最多展示${s.maxPerProvider}个，顺延至第${rank}位`;
    case 'exploration':
      return `新服务商探索位（完成项目少于${s.newcomerProjects}个，匹配度与前列相差不超过${s.explorationMargin}），排第${rank}位`;
    case 'yielded':
      return `为新服务商让出一个探索位，排第${rank}位`;
    case 'balanced':
      return `匹配度与更靠前者相差不超过${s.balanceMargin}，近期曝光较少的服务商优先，排第${rank}位`;
    default:
      return `按匹配度排第${rank}位`;
  }
}

/**
 * Recent exposure per provider: how many top slots it was shown in, decaying by half every
 * `halfLife` lists, so that the balance follows what users saw lately. Lives in the process
 * that ranks (each api process keeps its own); it is a tie-breaker, not a record.
 */
export class ExposureLedger {
  private tick = 0;
  private readonly entries = new Map<string, { value: number; at: number }>();

  constructor(private readonly halfLife = 200) {}

  /** The providers shown in one list's top slots. */
  record(providerIds: readonly string[]): void {
    this.tick++;
    for (const id of providerIds) {
      const e = this.entries.get(id);
      this.entries.set(id, { value: (e ? this.decayed(e) : 0) + 1, at: this.tick });
    }
  }

  /** Each provider's decayed exposure now. */
  snapshot(): Map<string, number> {
    return new Map([...this.entries].map(([id, e]) => [id, this.decayed(e)]));
  }

  private decayed(e: { value: number; at: number }): number {
    return e.value * 0.5 ** ((this.tick - e.at) / this.halfLife);
  }
}

/** The Gini coefficient of exposure counts (0: every provider equally exposed; toward 1: one takes all). */
export function gini(counts: readonly number[]): number {
  const xs = [...counts].sort((a, b) => a - b);
  const total = xs.reduce((s, x) => s + x, 0);
  if (!xs.length || total === 0) return 0;
  const weighted = xs.reduce((s, x, i) => s + (i + 1) * x, 0);
  return (2 * weighted) / (xs.length * total) - (xs.length + 1) / xs.length;
}
