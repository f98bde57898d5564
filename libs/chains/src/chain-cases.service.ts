import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { CLOCK, ConflictError, InvalidInputError, StateConflictError, UnitOfWork, isUuid } from '@smedx/platform';
import type { Clock, Principal } from '@smedx/platform';
import { AuditService } from '@smedx/audit';
import { ProjectsService } from '@smedx/projects';
import { chainCaseView } from './chain.views.js';
import type { ChainCaseView, Page } from './chain.views.js';
import { ChainsService } from './chains.service.js';
import type { CreateChainCaseInput, ListChainCasesQuery } from './dto/chains.dto.js';
import { ChainCase } from './entities/chain-case.entity.js';
import { ChainMember } from './entities/chain-member.entity.js';
import { Chain } from './entities/chain.entity.js';

/**
 * Chain cases (链式典型案例): the leader nominates accepted projects of the chain's
 * enterprises as one case; officers list the nominations across chains. A project is
 * nominated at most once per chain.
 */
@Injectable()
export class ChainCasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly chains: ChainsService,
    private readonly projects: ProjectsService,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Nominates a case (leader's members). Each project must belong to the leader or a
   * member (400 naming the entry) and have passed acceptance (409 naming its state).
   */
  async nominate(actor: Principal, chainId: string, input: CreateChainCaseInput): Promise<ChainCaseView> {
    return this.uow.run(async (tx) => {
      const access = await this.chains.access(actor, chainId, tx);
      this.chains.assertLeader(access, 'nominate chain cases');
      const chain = access.chain;
      await this.chains.activeLeader(tx, chain);
      const [projects, members] = await Promise.all([
        this.projects.projectsByIds(input.projectIds),
        tx.find(ChainMember, { where: { chainId }, select: { enterpriseId: true } }),
      ]);
      const inChain = new Set([chain.leaderEnterpriseId, ...members.map((m) => m.enterpriseId)]);
      const byId = new Map(projects.map((p) => [p.id, p]));
      const problems = input.projectIds.flatMap((id, i) => {
        const project = byId.get(id);
        if (!project) return [{ field: `projectIds.${i}`, reason: `no project ${id}` }];
        if (!inChain.has(project.enterpriseId))
          return [{ field: `projectIds.${i}`, reason: 'is not a project of an enterprise in the chain' }];
        return [];
      });
      if (problems.length) throw new InvalidInputError(problems);
      for (const id of input.projectIds) {
        const project = byId.get(id)!;
        if (project.status !== 'accepted') throw new StateConflictError('project', project.status, 'nominate as a chain case');
      }
      const earlier = await tx.find(ChainCase, { where: { chainId }, select: { id: true, projectIds: true } });
      const taken = input.projectIds.filter((id) => earlier.some((c) => c.projectIds.includes(id)));
      if (taken.length) {
        throw new ConflictError('project_already_nominated', `projectIds: ${taken.join(', ')} already in a case of this chain`, {
          state: 'nominated',
          projectIds: taken,
        });
      }
      const row = tx.create(ChainCase, {
        id: randomUUID(),
        chainId,
        title: input.title,
        summary: input.summary,
        projectIds: input.projectIds,
        status: 'nominated',
        nominatedBy: actor.userId,
        nominatedAt: this.clock.now(),
      });
      await tx.insert(ChainCase, row);
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'chain.case_nominated',
        entityType: 'chain',
        entityId: chainId,
        data: { caseId: row.id, projectIds: row.projectIds },
      });
      return chainCaseView(row, chain);
    });
  }

  /** The chain's cases, newest first; for everyone who sees the chain. */
  async listOfChain(actor: Principal, chainId: string, query: ListChainCasesQuery): Promise<Page<ChainCaseView>> {
    const { chain } = await this.chains.access(actor, chainId);
    const [rows, total] = await this.dataSource.getRepository(ChainCase).findAndCount({
      where: { chainId },
      order: { nominatedAt: 'DESC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: rows.map((c) => chainCaseView(c, chain)), total, page: query.page, pageSize: query.pageSize };
  }

  /** A case with its chain, for the nominations context (SPEC 17 reviews and awards chain cases); null when there is none. */
  async caseWithChain(caseId: string): Promise<{ chainCase: ChainCase; chain: Chain } | null> {
    if (!isUuid(caseId)) return null;
    const chainCase = await this.dataSource.getRepository(ChainCase).findOneBy({ id: caseId });
    const chain = chainCase ? await this.dataSource.getRepository(Chain).findOneBy({ id: chainCase.chainId }) : null;
    return chainCase && chain ? { chainCase, chain } : null;
  }

  /** Every chain's nominated cases, newest first (officers; the route checks the role). */
  async listAll(query: ListChainCasesQuery): Promise<Page<ChainCaseView>> {
    const [rows, total] = await this.dataSource.getRepository(ChainCase).findAndCount({
      order: { nominatedAt: 'DESC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    const chains = rows.length
      ? await this.dataSource.getRepository(Chain).findBy({ id: In([...new Set(rows.map((r) => r.chainId))]) })
      : [];
    const byId = new Map(chains.map((c) => [c.id, c]));
    return {
      items: rows.map((c) => chainCaseView(c, byId.get(c.chainId) ?? { name: '', leaderEnterpriseId: '' })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
