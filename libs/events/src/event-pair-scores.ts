import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@smedx/platform';
import type { AppConfig } from '@smedx/platform';
import { SolutionsService } from '@smedx/catalogue';
import { NeedQueriesService } from '@smedx/demand';
import { DirectoryService, providerRecord } from '@smedx/directory';
import { needFactsFromDocument, prepareNeed, scorePair, solutionFactsFromDocument } from '@smedx/matching';
import type { PreparedNeed, ProviderFacts, SolutionFacts } from '@smedx/matching';
import type { PairScoreInput } from './scheduler/schedule-types.js';

/** Documents are read this many at a time (keeps `IN (…)` lists short on both databases). */
const CHUNK = 500;

/**
 * Match scores of an event's enterprise–provider pairs, from the matching
 * context's scorer: a pair scores as its best need × solution — the
 * enterprise's published needs against the provider's published solutions
 * (`scorePair`, with the configured `MATCH_WEIGHTS`). A pair with nothing
 * published on either side scores 0: it meets only on request.
 */
@Injectable()
export class EventPairScores {
  constructor(
    private readonly needs: NeedQueriesService,
    private readonly solutions: SolutionsService,
    private readonly directory: DirectoryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async scores(enterpriseIds: readonly string[], providerIds: readonly string[]): Promise<PairScoreInput[]> {
    if (!enterpriseIds.length || !providerIds.length) return [];
    const enterprises = new Set(enterpriseIds);
    const providerSet = new Set(providerIds);
    const [needDocs, solutionDocs, providers] = await Promise.all([
      this.published(await this.needs.listIds('published'), (ids) => this.needs.toSearchDocuments(ids)),
      this.published(await this.solutions.listIds('published'), (ids) => this.solutions.toSearchDocuments(ids)),
      this.directory.providersByIds([...providerSet]),
    ]);
    const needsOf = new Map<string, PreparedNeed[]>();
    for (const doc of needDocs) {
      const facts = needFactsFromDocument(doc);
      if (!enterprises.has(facts.enterpriseId)) continue;
      needsOf.set(facts.enterpriseId, [...(needsOf.get(facts.enterpriseId) ?? []), prepareNeed(facts)]);
    }
    const solutionsOf = new Map<string, SolutionFacts[]>();
    for (const doc of solutionDocs) {
      const facts = solutionFactsFromDocument(doc);
      if (!providerSet.has(facts.providerId)) continue;
      solutionsOf.set(facts.providerId, [...(solutionsOf.get(facts.providerId) ?? []), facts]);
    }
    const facts = new Map<string, ProviderFacts>(
      providers.map((p) => [p.id, { id: p.id, name: p.name, status: p.status, districts: p.districts, record: providerRecord(p) }]),
    );
    const weights = this.config.matching.weights;
    const scores: PairScoreInput[] = [];
    for (const enterpriseId of enterprises) {
      const needs = needsOf.get(enterpriseId);
      if (!needs) continue;
      for (const providerId of providerSet) {
        const offered = solutionsOf.get(providerId);
        const provider = facts.get(providerId);
        if (!offered || !provider) continue;
        let best = 0;
        for (const need of needs) for (const solution of offered) best = Math.max(best, scorePair(need, solution, provider, weights).score);
        if (best > 0) scores.push({ enterpriseId, providerId, score: Math.round(best * 1e4) / 1e4 });
      }
    }
    return scores;
  }

  private async published<T>(ids: string[], load: (ids: string[]) => Promise<T[]>): Promise<T[]> {
    const docs: T[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) docs.push(...(await load(ids.slice(i, i + CHUNK))));
    return docs;
  }
}
