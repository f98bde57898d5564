import { Inject, Injectable } from '@nestjs/common';
import { DataSource, MoreThan } from 'typeorm';
import { CLOCK, ForbiddenError, SEARCH_ENGINE } from '@smedx/platform';
import type { Clock, Principal, SearchEngine } from '@smedx/platform';
import { NeedQueriesService } from '@smedx/demand';
import { DirectoryService } from '@smedx/directory';
import type { Enterprise } from '@smedx/directory';
import { MatchingService, needFactsFromDocument } from '@smedx/matching';
import type { NeedFacts, SolutionMatchItem } from '@smedx/matching';
import { ProjectsService } from '@smedx/projects';
import type { ProjectStatus } from '@smedx/contracts';
import { NEEDS_INDEX } from '@smedx/search';
import { ChainsService } from './chains.service.js';
import type { DashboardQuery } from './dto/chains.dto.js';
import { ChainCase } from './entities/chain-case.entity.js';
import { ChainInvitation } from './entities/chain-invitation.entity.js';
import { ChainJointNeed } from './entities/chain-joint-need.entity.js';
import { ChainMember } from './entities/chain-member.entity.js';
import type { ChainDashboard, CohortMatch, DashboardMember } from '@smedx/contracts';

export type { ChainDashboard, CohortMatch, DashboardMember } from '@smedx/contracts';

/** The programme's goal: every enterprise at digital level 2 or above. */
export const TARGET_LEVEL = 2;
/** The members' most recent open needs that cohort matching looks at. */
const COHORT_NEEDS = 50;
/** How many solutions of each need's ranking count. */
const COHORT_TOP_PER_NEED = 10;
/** How many cohort matches the dashboard shows. */
const COHORT_RESULTS = 10;
/** Needs matched at once. */
const COHORT_PARALLEL = 4;

type NeedCounts = Record<'published' | 'awarded' | 'closed' | 'cancelled', number>;
type ProjectCounts = Record<ProjectStatus, number>;

const noNeeds = (): NeedCounts => ({ published: 0, awarded: 0, closed: 0, cancelled: 0 });
const noProjects = (): ProjectCounts => ({ active: 0, rework: 0, accepted: 0, cancelled: 0 });

/**
 * The leader's view of its chain (链式转型): members by position with their digital level
 * and the counts of their needs and projects, progress toward level 2, and cohort matches.
 * Joining a chain is the member's consent to this view (the SPEC: "the leader sees
 * members' levels, needs and projects"); members themselves do not see it.
 */
@Injectable()
export class ChainDashboardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly chains: ChainsService,
    private readonly directory: DirectoryService,
    private readonly needs: NeedQueriesService,
    private readonly projects: ProjectsService,
    private readonly matching: MatchingService,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The dashboard (the leader's members and officers; members get 403). */
  async dashboard(actor: Principal, chainId: string, query: DashboardQuery): Promise<ChainDashboard> {
    const access = await this.chains.access(actor, chainId);
    if (!access.leader && !access.officer) {
      throw new ForbiddenError("only the chain leader's members and officers see the chain dashboard", 'not_chain_leader_member');
    }
    const chain = access.chain;
    const members = await this.dataSource.getRepository(ChainMember).find({
      where: { chainId },
      order: { position: 'DESC', joinedAt: 'ASC', id: 'ASC' },
    });
    const memberIds = members.map((m) => m.enterpriseId);
    const repo = <T extends object>(entity: new () => T) => this.dataSource.getRepository(entity);
    const [enterpriseList, needRows, projectRows, pendingInvitations, jointNeeds, cases] = await Promise.all([
      this.directory.enterprisesByIds([chain.leaderEnterpriseId, ...memberIds]),
      this.needs.countsByEnterprise(memberIds),
      this.projects.countsByEnterprise(memberIds),
      repo(ChainInvitation).countBy({ chainId, status: 'pending', expiresAt: MoreThan(this.clock.now()) }),
      repo(ChainJointNeed).countBy({ chainId }),
      repo(ChainCase).countBy({ chainId }),
    ]);
    const enterprises = new Map(enterpriseList.map((e) => [e.id, e]));
    const needCounts = tally(needRows, noNeeds);
    const projectCounts = tally(projectRows, noProjects);
    const rows = members.map((m) => memberRow(m, enterprises.get(m.enterpriseId), needCounts, projectCounts));

    const levels = rows.map((r) => r.digitalLevel);
    const atTarget = rows.filter((r) => r.atTargetLevel).length;
    const leader = enterprises.get(chain.leaderEnterpriseId);
    const needTotals = rows.reduce((total, r) => add(total, r.needs), noNeeds());
    const projectTotals = rows.reduce((total, r) => add(total, r.projects), noProjects());
    return {
      chain: {
        id: chain.id,
        name: chain.name,
        leader: { enterpriseId: chain.leaderEnterpriseId, name: leader?.name ?? '', digitalLevel: leader?.digitalLevel ?? null },
      },
      targetLevel: TARGET_LEVEL,
      totals: {
        members: rows.length,
        upstream: rows.filter((r) => r.position === 'upstream').length,
        downstream: rows.filter((r) => r.position === 'downstream').length,
        assessed: levels.filter((l) => l !== null).length,
        atTargetLevel: atTarget,
        shareAtTargetLevel: rows.length ? atTarget / rows.length : null,
        byLevel: [1, 2, 3, 4, null].map((level) => ({ level, count: levels.filter((l) => l === level).length })),
        needs: needTotals,
        projects: projectTotals,
        pendingInvitations,
        jointNeeds,
        optedInToJointNeeds: rows.filter((r) => r.jointNeeds === 'opted_in').length,
        cases,
      },
      members: {
        items: rows.slice((query.page - 1) * query.pageSize, query.page * query.pageSize),
        total: rows.length,
        page: query.page,
        pageSize: query.pageSize,
      },
      cohortMatches: await this.cohortMatches(memberIds, enterprises),
    };
  }

  /**
   * Solutions that rank among the best for the open needs of at least two members: for
   * each of the members' latest published needs, its best solutions by the matching
   * score; a solution counts once per enterprise. Ranked by how many members it serves,
   * then by average score.
   */
  private async cohortMatches(memberIds: string[], enterprises: Map<string, Enterprise>): Promise<CohortMatch[]> {
    if (memberIds.length < 2) return [];
    const found = await this.engine.search(NEEDS_INDEX, {
      filters: [{ field: 'enterpriseId', op: 'in', values: memberIds }],
      sort: [{ field: 'publishedAt', direction: 'desc' }],
      page: 1,
      pageSize: COHORT_NEEDS,
    });
    const needs = found.hits.map((h) => needFactsFromDocument(h.doc));
    if (new Set(needs.map((n) => n.enterpriseId)).size < 2) return [];
    const ranked = await inBatches(
      needs,
      COHORT_PARALLEL,
      async (need) => (await this.matching.matchesForNeed(need.id, { limit: COHORT_TOP_PER_NEED })).items,
    );

    const bySolution = new Map<string, { match: SolutionMatchItem; hits: { need: NeedFacts; score: number }[] }>();
    ranked.forEach((matches, i) => {
      for (const match of matches) {
        const entry = bySolution.get(match.id) ?? { match, hits: [] };
        entry.hits.push({ need: needs[i]!, score: match.score });
        bySolution.set(match.id, entry);
      }
    });
    const cohorts: CohortMatch[] = [];
    for (const { match, hits } of bySolution.values()) {
      const enterpriseIds = [...new Set(hits.map((h) => h.need.enterpriseId))];
      if (enterpriseIds.length < 2) continue;
      const scores = hits.map((h) => h.score);
      cohorts.push({
        solutionId: match.id,
        title: match.title,
        providerId: match.providerId,
        providerName: match.providerName,
        enterpriseCount: enterpriseIds.length,
        needCount: hits.length,
        averageScore: round(scores.reduce((a, b) => a + b, 0) / scores.length),
        bestScore: round(Math.max(...scores)),
        enterprises: enterpriseIds.map((id) => ({ enterpriseId: id, name: enterprises.get(id)?.name ?? '' })),
        needs: hits.map((h) => ({ needId: h.need.id, title: h.need.title, enterpriseId: h.need.enterpriseId, score: round(h.score) })),
      });
    }
    return cohorts
      .sort((a, b) => b.enterpriseCount - a.enterpriseCount || b.averageScore - a.averageScore || (a.solutionId < b.solutionId ? -1 : 1))
      .slice(0, COHORT_RESULTS);
  }
}

function memberRow(
  m: ChainMember,
  e: Enterprise | undefined,
  needs: Map<string, NeedCounts>,
  projects: Map<string, ProjectCounts>,
): DashboardMember {
  const level = e?.digitalLevel ?? null;
  return {
    enterpriseId: m.enterpriseId,
    name: e?.name ?? '',
    industry: e?.industry ?? '',
    district: e?.district ?? '',
    scale: e?.scale ?? '',
    position: m.position,
    digitalLevel: level,
    atTargetLevel: level !== null && level >= TARGET_LEVEL,
    needs: needs.get(m.enterpriseId) ?? noNeeds(),
    projects: projects.get(m.enterpriseId) ?? noProjects(),
    jointNeeds: m.jointNeeds,
    joinedAt: m.joinedAt,
  };
}

/** Grouped counts → per enterprise, every status present (statuses the record does not count are dropped). */
function tally<S extends string, C extends Record<string, number>>(
  rows: { enterpriseId: string; status: S; count: number }[],
  empty: () => C,
): Map<string, C> {
  const out = new Map<string, C>();
  for (const r of rows) {
    const counts = out.get(r.enterpriseId) ?? empty();
    if (r.status in counts) (counts as Record<string, number>)[r.status] = r.count;
    out.set(r.enterpriseId, counts);
  }
  return out;
}

/** Adds a count record into `total` (of the same shape), field by field. */
function add<C extends Record<string, number>>(total: C, counts: C): C {
  const into = total as Record<string, number>;
  for (const [k, v] of Object.entries(counts)) into[k] = (into[k] ?? 0) + v;
  return total;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Runs `work` over `items`, `size` at a time, keeping the order. */
async function inBatches<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return out;
}
