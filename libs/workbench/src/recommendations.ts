import { In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { WorkbenchRecommendedNeed, WorkbenchRecommendedSolution } from '@smedx/contracts';
import { Bid } from '@smedx/bidding';
import { Solution } from '@smedx/catalogue';
import { Need } from '@smedx/demand';
import { Diagnosis } from '@smedx/diagnosis';
import type { Enterprise } from '@smedx/directory';
import type { MatchingService, SolutionMatchItem } from '@smedx/matching';
import type { EnterpriseSection } from './enterprise-section.js';
import type { ProviderSection } from './provider-section.js';

export const RECOMMENDED = 5;
/** How many of the newest published needs (solutions) are matched: each is one ranking over the index. */
const SOURCES = 3;
/** Suggestions of a diagnosis combined into one unwritten need. */
const SUGGESTIONS = 3;

/** The best of several ranked lists: each item once, at its best score, best first. */
function bestOf<T extends { score: number }>(lists: T[][], key: (item: T) => string): T[] {
  const best = new Map<string, T>();
  for (const item of lists.flat()) {
    const seen = best.get(key(item));
    if (!seen || item.score > seen.score) best.set(key(item), item);
  }
  return [...best.values()].sort((a, b) => b.score - a.score).slice(0, RECOMMENDED);
}

/** A matched solution as the workbench recommends it, for one of the enterprise's needs or for its diagnosis (null). */
function recommendedSolution(m: SolutionMatchItem, forNeed: WorkbenchRecommendedSolution['forNeed']): WorkbenchRecommendedSolution {
  return {
    solutionId: m.id,
    title: m.title,
    providerId: m.providerId,
    providerName: m.providerName,
    score: m.score,
    reason: m.reasons[0] ?? null,
    forNeed,
  };
}

/**
 * Solutions for each enterprise: the matches of its newest published needs; with none
 * published, the matches of the scenarios its latest diagnosis suggests.
 */
export async function recommendSolutions(
  db: EntityManager,
  matching: MatchingService,
  enterprises: readonly Enterprise[],
  sections: readonly EnterpriseSection[],
): Promise<Map<string, WorkbenchRecommendedSolution[]>> {
  const result = new Map<string, WorkbenchRecommendedSolution[]>();
  if (!enterprises.length) return result;
  const needs = await db.find(Need, {
    where: { enterpriseId: In(enterprises.map((e) => e.id)), status: 'published' },
    select: { id: true, title: true, enterpriseId: true, publishedAt: true },
    order: { publishedAt: 'DESC', id: 'ASC' },
  });
  const diagnosisIds = sections
    .filter((s) => s.diagnosis && !needs.some((n) => n.enterpriseId === s.enterpriseId))
    .map((s) => s.diagnosis!.id);
  const diagnoses = diagnosisIds.length
    ? await db.find(Diagnosis, { where: { id: In(diagnosisIds) }, select: { id: true, enterpriseId: true, suggestions: true } })
    : [];
  await Promise.all(
    enterprises.map(async (e) => {
      const own = needs.filter((n) => n.enterpriseId === e.id).slice(0, SOURCES);
      if (own.length) {
        const lists = await Promise.all(
          own.map(async (need) =>
            (await matching.matchesForNeed(need.id, { limit: RECOMMENDED })).items.map((m) =>
              recommendedSolution(m, { id: need.id, title: need.title }),
            ),
          ),
        );
        result.set(
          e.id,
          bestOf(lists, (s) => s.solutionId),
        );
        return;
      }
      const suggestions = diagnoses.find((d) => d.enterpriseId === e.id)?.suggestions.slice(0, SUGGESTIONS) ?? [];
      if (!suggestions.length) return;
      const matches = await matching.matchesForScenarios(
        e,
        {
          title: suggestions.map((s) => s.title).join('；'),
          description: suggestions.map((s) => s.description).join('\n'),
          scenarios: [...new Set(suggestions.flatMap((s) => s.scenarios))],
        },
        { limit: RECOMMENDED },
      );
      result.set(
        e.id,
        matches.items.map((m) => recommendedSolution(m, null)),
      );
    }),
  );
  return result;
}

/** Needs for each provider: the matches of its newest published solutions, leaving out the needs it bid on. */
export async function recommendNeeds(
  db: EntityManager,
  matching: MatchingService,
  providers: readonly Pick<ProviderSection, 'providerId'>[],
): Promise<Map<string, WorkbenchRecommendedNeed[]>> {
  const result = new Map<string, WorkbenchRecommendedNeed[]>();
  if (!providers.length) return result;
  const ids = providers.map((p) => p.providerId);
  const [solutions, bids] = await Promise.all([
    db.find(Solution, {
      where: { providerId: In(ids), status: 'published' },
      select: { id: true, title: true, providerId: true, publishedAt: true },
      order: { publishedAt: 'DESC', id: 'ASC' },
    }),
    db.find(Bid, { where: { providerId: In(ids) }, select: { id: true, providerId: true, needId: true } }),
  ]);
  await Promise.all(
    ids.map(async (providerId) => {
      const own = solutions.filter((s) => s.providerId === providerId).slice(0, SOURCES);
      if (!own.length) return;
      const bidOn = new Set(bids.filter((b) => b.providerId === providerId).map((b) => b.needId));
      const lists = await Promise.all(
        own.map(async (solution) =>
          // Wide enough that needs already bid on can be left out and five still remain.
          (await matching.matchesForSolution(solution.id, { limit: RECOMMENDED + bidOn.size })).items
            .filter((m) => !bidOn.has(m.id))
            .map((m) => ({
              needId: m.id,
              title: m.title,
              enterpriseName: m.enterpriseName,
              score: m.score,
              reason: m.reasons[0] ?? null,
              forSolution: { id: solution.id, title: solution.title },
            })),
        ),
      );
      result.set(
        providerId,
        bestOf(lists, (n) => n.needId),
      );
    }),
  );
  return result;
}
