import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, ConflictError, InvalidInputError, UnitOfWork } from '@smedx/platform';
import type { Clock, Principal } from '@smedx/platform';
import { AuditService } from '@smedx/audit';
import { NeedQueriesService, NeedsService } from '@smedx/demand';
import type { NeedSite } from '@smedx/demand';
import { DirectoryService } from '@smedx/directory';
import { NotificationsService } from '@smedx/notifications';
import type { Page } from './chain.views.js';
import { ChainsService } from './chains.service.js';
import type { CreateJointNeedInput, ListChainsQuery } from './dto/chains.dto.js';
import { ChainJointNeed } from './entities/chain-joint-need.entity.js';
import { ChainMember } from './entities/chain-member.entity.js';
import type { CreatedJointNeed, JointNeedView } from '@smedx/contracts';

export type { CreatedJointNeed, JointNeedView } from '@smedx/contracts';

/** The most sites one need holds (the demand context's limit). */
const MAX_SITES = 50;

/**
 * Joint needs (联合需求): the leader publishes one need on behalf of the members that
 * opted in, each a site of it, so that providers bid once for the chain. The need is
 * the leader's in the demand context (bids, award and project follow the usual way).
 */
@Injectable()
export class ChainJointNeedsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly chains: ChainsService,
    private readonly needs: NeedsService,
    private readonly needQueries: NeedQueriesService,
    private readonly directory: DirectoryService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Creates a joint need (leader's members). Sites: those named (each must be a member that
   * opted in), or every opted-in member; each site's note defaults to the member's own.
   * 409 when no member opted in.
   */
  async create(actor: Principal, chainId: string, input: CreateJointNeedInput): Promise<CreatedJointNeed> {
    const access = await this.chains.access(actor, chainId);
    this.chains.assertLeader(access, 'publish joint needs');
    const chain = access.chain;
    await this.chains.activeLeader(this.dataSource.manager, chain);
    const optedIn = await this.dataSource.getRepository(ChainMember).find({
      where: { chainId, jointNeeds: 'opted_in' },
      order: { optedInAt: 'ASC', id: 'ASC' },
    });
    const sites = this.sitesFor(input, optedIn);
    const { sites: _named, publish, ...fields } = input;
    if (publish && fields.bidDeadline.getTime() <= this.clock.now().getTime()) {
      throw new InvalidInputError([{ field: 'bidDeadline', reason: `must be in the future (now ${this.clock.now().toISOString()})` }]);
    }
    // The demand context writes the need in its own transaction; the link follows. Should the
    // link fail, what remains is a draft of the leader's, visible to its members only.
    const draft = await this.needs.create(actor, { ...fields, enterpriseId: chain.leaderEnterpriseId, sites }, { sitesConsented: true });
    const id = randomUUID();
    await this.uow.run(async (tx) => {
      await tx.insert(ChainJointNeed, {
        id,
        chainId,
        needId: draft.id,
        siteEnterpriseIds: sites.map((s) => s.enterpriseId),
        createdBy: actor.userId,
      });
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'chain.joint_need_created',
        entityType: 'chain',
        entityId: chainId,
        data: { needId: draft.id, siteEnterpriseIds: sites.map((s) => s.enterpriseId), budgetFen: draft.budgetFen },
      });
      await this.notifications.notify(tx, {
        recipients: { organisationIds: sites.map((s) => s.enterpriseId) },
        kind: 'chain.joint-need',
        title: `产业链“${chain.name}”联合需求：${draft.title}`,
        body: `链主企业发布联合需求“${draft.title}”，贵企业为实施点之一。`,
        link: `/needs/${draft.id}`,
        data: { chainId, needId: draft.id },
        dedupeKey: `chain.joint-need:${draft.id}`,
      });
    });
    const need = publish ? await this.needs.publish(actor, draft.id) : draft;
    return { id, chainId, needId: need.id, sites, need };
  }

  /**
   * The chain's joint needs, newest first. Members see those the leader published (drafts
   * are the leader's own); the leader's members and officers see all.
   */
  async list(actor: Principal, chainId: string, query: ListChainsQuery): Promise<Page<JointNeedView>> {
    const access = await this.chains.access(actor, chainId);
    // A chain publishes a handful of joint needs: read them whole, filter drafts, then page.
    const rows = await this.dataSource.getRepository(ChainJointNeed).find({ where: { chainId }, order: { createdAt: 'DESC', id: 'ASC' } });
    const documents = new Map((await this.needQueries.toSearchDocuments(rows.map((r) => r.needId))).map((d) => [d.id, d]));
    const visible = rows.filter((r) => {
      const status = documents.get(r.needId)?.status;
      return status !== undefined && (access.leader || access.officer || status !== 'draft');
    });
    const pageRows = visible.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
    const names = new Map(
      (await this.directory.enterprisesByIds([...new Set(pageRows.flatMap((r) => r.siteEnterpriseIds))])).map((e) => [e.id, e.name]),
    );
    return {
      items: pageRows.map((r) => {
        const doc = documents.get(r.needId)!;
        return {
          id: r.id,
          chainId: r.chainId,
          needId: r.needId,
          title: String(doc.title ?? ''),
          status: String(doc.status ?? ''),
          budgetFen: Number(doc.budgetFen ?? 0),
          sites: r.siteEnterpriseIds.map((enterpriseId) => ({ enterpriseId, name: names.get(enterpriseId) ?? '' })),
          createdAt: r.createdAt,
        };
      }),
      total: visible.length,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  private sitesFor(input: CreateJointNeedInput, optedIn: ChainMember[]): NeedSite[] {
    const site = (enterpriseId: string, note: string | null | undefined): NeedSite => (note ? { enterpriseId, note } : { enterpriseId });
    if (input.sites) {
      const byId = new Map(optedIn.map((m) => [m.enterpriseId, m]));
      const problems = input.sites.flatMap((s, i) =>
        byId.has(s.enterpriseId)
          ? []
          : [{ field: `sites.${i}.enterpriseId`, reason: 'is not a member of the chain that opted in to joint needs' }],
      );
      if (problems.length) throw new InvalidInputError(problems);
      return input.sites.map((s) => site(s.enterpriseId, s.note || byId.get(s.enterpriseId)!.siteNote));
    }
    if (!optedIn.length) {
      throw new ConflictError('no_opted_in_members', 'no member of the chain has opted in to joint needs', {
        state: 'no_opted_in_members',
      });
    }
    if (optedIn.length > MAX_SITES) {
      throw new InvalidInputError([{ field: 'sites', reason: `${optedIn.length} members opted in; name at most ${MAX_SITES} sites` }]);
    }
    return optedIn.map((m) => site(m.enterpriseId, m.siteNote));
  }
}
