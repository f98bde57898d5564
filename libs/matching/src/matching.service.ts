import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { In } from 'typeorm';
import { APP_CONFIG, CLOCK, ForbiddenError, SEARCH_ENGINE, UnitOfWork, hasRole, isMember } from '@smedx/platform';
import type { AppConfig, Clock, Principal, SearchEngine } from '@smedx/platform';
import { SolutionsService } from '@smedx/catalogue';
import { NeedQueriesService } from '@smedx/demand';
import { DirectoryService, providerRecord } from '@smedx/directory';
import { NotificationsService } from '@smedx/notifications';
import type { NotifyInput } from '@smedx/notifications';
import { ChangeFollower, SearchIndexer } from '@smedx/search';
import { ExposureLedger, applyFairExposure } from '@smedx/reputation';
import type { Placement } from '@smedx/reputation';
import { needFactsFromDocument, solutionFactsFromDocument } from './match-facts.js';
import type { NeedFacts, ProviderFacts, SolutionFacts } from './match-facts.js';
import { Matcher } from './matcher.js';
import type { NeedMatch, ProviderSource, SolutionMatch } from './matcher.js';
import { SearchCandidates } from './search-candidates.js';
import { StrongMatch } from './strong-match.entity.js';
import type { NeedMatchView, SolutionMatchView } from '@smedx/contracts';

/** A solution matched to a need, as the API returns it (the contract's `SolutionMatchView`). */
export type SolutionMatchItem = SolutionMatchView;
/** A need matched to a solution, as the API returns it (the contract's `NeedMatchView`). */
export type NeedMatchItem = NeedMatchView;

export interface MatchList<T> {
  items: T[];
}

/** Roles that oversee the whole programme and see every match. */
const OVERSEERS = ['city_officer', 'assessor', 'admin'] as const;
/** How many of a provider's own solutions it sees ranked against a need. */
const OWN_SOLUTIONS = 100;

/**
 * Matching (SPEC capability 8): the best solutions for a need and the best
 * needs for a solution, each with a score, its per-factor breakdown and
 * reasons; and the re-matching jobs' work, which records new strong matches
 * and notifies both sides of each exactly once.
 *
 * Candidates come from the search indexes ({@link SearchCandidates}) and are
 * ranked by the {@link Matcher}, whose scoring is a pure function of the pair.
 * Only published needs and solutions of approved providers ever match.
 */
@Injectable()
export class MatchingService {
  private readonly logger = new Logger('MatchingService');
  private readonly candidates: SearchCandidates;
  private readonly matcher: Matcher;
  private readonly settings: AppConfig['matching'];
  private readonly exposure: AppConfig['exposure'];
  /** Who this process showed lately, for the balance of fair exposure. */
  private readonly ledger = new ExposureLedger();
  private indexes: Promise<void> | null = null;

  constructor(
    @Inject(SEARCH_ENGINE) engine: SearchEngine,
    private readonly indexer: SearchIndexer,
    private readonly follower: ChangeFollower,
    private readonly solutions: SolutionsService,
    private readonly needs: NeedQueriesService,
    private readonly directory: DirectoryService,
    private readonly notifications: NotificationsService,
    private readonly uow: UnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.settings = config.matching;
    this.exposure = config.exposure;
    this.candidates = new SearchCandidates(engine);
    const providers: ProviderSource = { providers: (ids) => this.providers(ids) };
    this.matcher = new Matcher(this.candidates, providers, config.matching.weights);
  }

  // ------------------------------------------------------------------ reading

  /**
   * The best solutions for a need, for whoever may see them: the enterprise's
   * members and officers (city officers, assessors, admins, the district's
   * officers) see every match; a provider's members see where their own
   * solutions stand. 404 when the caller may not see the need at all, 403
   * when they may see it but not its matches. A need that is not published
   * (draft, awarded, closed, cancelled) has no matches: the list is empty.
   */
  async needMatches(actor: Principal, needId: string, limit = this.settings.topN): Promise<MatchList<SolutionMatchItem>> {
    const view = await this.needs.get(actor, needId);
    const own = actor.memberships.filter((m) => m.kind === 'provider').map((m) => m.organisationId);
    const seesAll =
      isMember(actor, view.enterpriseId) ||
      hasRole(actor, ...OVERSEERS) ||
      actor.roles.some((g) => g.role === 'district_officer' && g.district === view.district);
    if (!seesAll && !own.length) {
      throw new ForbiddenError("only the need's enterprise, officers and providers see its matches", 'not_allowed');
    }
    const need = await this.loadNeed(needId);
    if (!need) return { items: [] };
    if (seesAll) return { items: (await this.matchNeed(need, { limit })).map(solutionItem) };
    await this.ready();
    const mine = await this.candidates.solutionsOf(own, OWN_SOLUTIONS);
    const matches = await this.matchNeed(need, { limit, include: mine, only: (s) => own.includes(s.providerId) });
    return { items: matches.map(solutionItem) };
  }

  /**
   * The best needs for a solution: for the provider's members and officers
   * (404 when the caller may not see the solution, 403 when they see it but
   * are neither). A solution that is not published, or whose provider is not
   * approved, has no matches.
   */
  async solutionMatches(actor: Principal, solutionId: string, limit = this.settings.topN): Promise<MatchList<NeedMatchItem>> {
    const view = await this.solutions.get(actor, solutionId);
    if (!isMember(actor, view.providerId) && !hasRole(actor, ...OVERSEERS, 'district_officer')) {
      throw new ForbiddenError("only the solution's provider and officers see its matches", 'not_allowed');
    }
    return this.matchesForSolution(solutionId, { limit });
  }

  /** The best solutions for a need, without authorisation: for other contexts (events, bidding). */
  async matchesForNeed(needId: string, options: { limit: number }): Promise<MatchList<SolutionMatchItem>> {
    const need = await this.loadNeed(needId);
    return { items: need ? (await this.matchNeed(need, options)).map(solutionItem) : [] };
  }

  /**
   * The best solutions for a need not written yet: the scenarios a diagnosis
   * suggests for the enterprise (the workbench's recommendations before its
   * first published need). Fair exposure and its ledger are left out: nothing is
   * placed in a public list.
   */
  async matchesForScenarios(
    enterprise: { id: string; name: string; industry: string; district: string; digitalLevel: number | null },
    suggestion: { title: string; description: string; scenarios: readonly string[] },
    options: { limit: number },
  ): Promise<MatchList<SolutionMatchItem>> {
    if (!suggestion.scenarios.length) return { items: [] };
    await this.ready();
    const need: NeedFacts = {
      id: randomUUID(),
      title: suggestion.title,
      description: suggestion.description,
      scenarios: suggestion.scenarios,
      budgetFen: 0,
      expectedDays: 0,
      enterpriseId: enterprise.id,
      enterpriseName: enterprise.name,
      industry: enterprise.industry,
      district: enterprise.district,
      digitalLevel: enterprise.digitalLevel,
      status: 'published',
    };
    const matches = await this.matcher.matchNeed(need, options);
    return { items: matches.map((m) => solutionItem({ ...m, placement: null })) };
  }

  /** The best needs for a solution, without authorisation: for other contexts. */
  async matchesForSolution(solutionId: string, options: { limit: number }): Promise<MatchList<NeedMatchItem>> {
    const solution = await this.loadSolution(solutionId);
    if (!solution) return { items: [] };
    await this.ready();
    return { items: (await this.matcher.matchSolution(solution, options)).map(needItem) };
  }

  // ------------------------------------------------------------------ re-matching

  /**
   * Re-ranks a need (just published or edited) and records its new strong
   * matches. Idempotent: a pair is recorded and notified once, ever.
   * Returns the number of new strong matches.
   */
  async rematchNeed(needId: string): Promise<number> {
    const need = await this.loadNeed(needId);
    if (!need) return 0;
    const matches = await this.matchNeed(need, { limit: this.settings.topN });
    return this.recordStrong(matches.filter((m) => m.score >= this.settings.strongThreshold).map((m) => ({ need, match: m })));
  }

  /** Re-ranks every published need of an enterprise (its digital level changed); returns the new strong matches. */
  async rematchEnterprise(enterpriseId: string): Promise<number> {
    let found = 0;
    for (const id of await this.needs.listIds('published', enterpriseId)) found += await this.rematchNeed(id);
    return found;
  }

  /**
   * Finds the needs for which a solution (just published or edited) now ranks
   * among the top `MATCH_TOP_N` with a strong score, and records them: the
   * solution's strong needs, each kept when fewer than `MATCH_TOP_N` of its
   * other candidates rank before the solution — the same pairs as re-ranking
   * each of them in full ({@link Matcher.needsRankingSolution}). The solution is
   * read from the database, so it counts even if the search index has not
   * caught up with it yet.
   */
  async rematchSolution(solutionId: string): Promise<number> {
    const solution = await this.loadSolution(solutionId);
    if (!solution) return 0;
    await this.ready();
    const { topN, strongThreshold } = this.settings;
    return this.recordStrong(await this.matcher.needsRankingSolution(solution, { limit: topN, minScore: strongThreshold }));
  }

  /** Re-matches every published solution of a provider (approved or reinstated: its solutions may match again). */
  async rematchProvider(providerId: string): Promise<number> {
    const provider = (await this.providers([providerId])).get(providerId);
    if (provider?.status !== 'approved') return 0;
    let found = 0;
    for (const id of await this.solutions.listIds('published', providerId)) found += await this.rematchSolution(id);
    return found;
  }

  // ------------------------------------------------------------------ internals

  /**
   * The need's ranked solutions after the one fair-exposure step: no provider holds more than
   * its share of the top 10, and a newcomer within the margin gets an exploration slot. A
   * provider's own view (`only`) lists its own solutions: there is nobody to share with.
   */
  private async matchNeed(need: NeedFacts, options: Parameters<Matcher['matchNeed']>[1]): Promise<PlacedMatch[]> {
    await this.ready();
    if (options.only) return (await this.matcher.matchNeed(need, options)).map((m) => ({ ...m, placement: null }));
    const { limit } = options;
    const wide = await this.matcher.rankNeed(need, { ...options, limit: Math.max(limit, EXPOSURE_WINDOW) });
    const exposure = this.exposure;
    const placed = applyFairExposure(
      wide.map((m) => ({
        item: m,
        providerId: m.provider.id,
        fit: m.score,
        newcomer: m.provider.status === 'approved' && m.provider.record.completedProjects < exposure.newcomerProjects,
      })),
      exposure,
      this.ledger.snapshot(),
    );
    this.ledger.record(placed.slice(0, exposure.slots).map((p) => p.providerId));
    return placed.slice(0, limit).map((p) => ({ ...p.item.explain(), placement: p.placement }));
  }

  /**
   * The indexes exist and hold every committed change: the embedded index of
   * this process follows the database (the re-matching job may run before
   * the follower got to the change that triggered it). With Meilisearch the
   * index job may still be on its way; the changed object itself is read
   * from the database, so it is never missed.
   */
  private async ready(): Promise<void> {
    this.indexes ??= this.indexer.ensureIndexes().catch((err: unknown) => {
      this.indexes = null;
      throw err;
    });
    await this.indexes;
    await this.follower.catchUp();
  }

  /** The need as matching sees it, or null when it does not exist or is not published. */
  private async loadNeed(needId: string): Promise<NeedFacts | null> {
    const doc = await this.needs.toSearchDocument(needId);
    const need = doc ? needFactsFromDocument(doc) : null;
    return need?.status === 'published' ? need : null;
  }

  private async loadSolution(solutionId: string): Promise<SolutionFacts | null> {
    const doc = await this.solutions.toSearchDocument(solutionId);
    const solution = doc ? solutionFactsFromDocument(doc) : null;
    return solution?.status === 'published' ? solution : null;
  }

  /** The candidates' providers in one query, read fresh: a suspension takes effect at once. */
  private async providers(ids: readonly string[]): Promise<Map<string, ProviderFacts>> {
    const found = await this.directory.providersByIds(ids);
    return new Map(
      found.map((p) => [p.id, { id: p.id, name: p.name, status: p.status, districts: p.districts, record: providerRecord(p) }]),
    );
  }

  /**
   * Records the pairs not recorded before and, in the same short transaction,
   * notifies both sides of each: one insert of every pair (a pair recorded
   * before is left alone), one read of which inserts were this run's, and
   * their notifications written in place (no second job: a strong match is
   * told as soon as it is found). The unique pair makes a repeated job a
   * no-op, and the notifications' dedupe keys make a repeated delivery one.
   */
  private async recordStrong(pairs: StrongPair[]): Promise<number> {
    if (!pairs.length) return 0;
    const now = this.clock.now();
    const rows = pairs.map(({ need, match }) => ({
      id: randomUUID(),
      needId: need.id,
      solutionId: match.solution.id,
      enterpriseId: need.enterpriseId,
      providerId: match.provider.id,
      score: match.score,
      createdAt: now,
    }));
    const recorded = await this.uow.run(async (tx) => {
      await tx.createQueryBuilder().insert().into(StrongMatch).values(rows).orIgnore().updateEntity(false).execute();
      // Ids are chosen here, so a row with one of them is this run's insert, not an earlier one.
      const mine = new Set(
        (await tx.find(StrongMatch, { select: { id: true }, where: { id: In(rows.map((r) => r.id)) } })).map((r) => r.id),
      );
      const fresh = pairs.filter((_, i) => mine.has(rows[i]!.id));
      await this.notifications.deliverNow(tx, fresh.flatMap(strongNotices));
      return fresh.length;
    });
    if (recorded) this.logger.log(`${recorded} new strong match(es)`);
    return recorded;
  }
}

/** What each side of a new strong pair is told. */
function strongNotices({ need, match }: StrongPair): NotifyInput[] {
  const { solution, provider } = match;
  const percent = Math.round(match.score * 100);
  const why = match.reasons.length ? `${match.reasons.slice(0, 3).join('；')}。` : '';
  const data = { needId: need.id, solutionId: solution.id, score: match.score };
  return [
    {
      recipients: { organisationIds: [need.enterpriseId] },
      kind: 'match.strong',
      title: `新的高匹配方案：${solution.title}`,
      body: `需求「${need.title}」与${provider.name}的方案「${solution.title}」匹配度 ${percent}%。${why}`,
      link: `/needs/${need.id}`,
      data,
      dedupeKey: `match:${need.id}:${solution.id}:enterprise`,
    },
    {
      recipients: { organisationIds: [provider.id] },
      kind: 'match.strong',
      title: `新的高匹配需求：${need.title}`,
      body: `${need.enterpriseName || '一家企业'}发布的需求「${need.title}」与贵方方案「${solution.title}」匹配度 ${percent}%。${why}`,
      link: `/needs/${need.id}`,
      data,
      dedupeKey: `match:${need.id}:${solution.id}:provider`,
    },
  ];
}

interface StrongPair {
  need: NeedFacts;
  match: SolutionMatch;
}

type PlacedMatch = SolutionMatch & { placement: Placement | null };

/** How many ranked matches the fair-exposure step sees: enough below the top 10 to fill it from. */
const EXPOSURE_WINDOW = 40;

function solutionItem(m: PlacedMatch): SolutionMatchItem {
  return {
    id: m.solution.id,
    title: m.solution.title,
    providerId: m.provider.id,
    providerName: m.provider.name,
    score: m.score,
    breakdown: m.breakdown,
    reasons: m.reasons,
    placement: m.placement,
  };
}

function needItem(m: NeedMatch): NeedMatchItem {
  return {
    id: m.need.id,
    title: m.need.title,
    enterpriseId: m.need.enterpriseId,
    enterpriseName: m.need.enterpriseName,
    score: m.score,
    breakdown: m.breakdown,
    reasons: m.reasons,
  };
}
