import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  CLOCK,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  UnitOfWork,
  hasRole,
  isMember,
  isUniqueViolation,
  isUuid,
} from '@smedx/platform';
import type { Clock, Principal } from '@smedx/platform';
import { AuditService } from '@smedx/audit';
import { DirectoryService } from '@smedx/directory';
import type { Enterprise } from '@smedx/directory';
import { NotificationsService } from '@smedx/notifications';
import { JOINT_NEED_STATE_MACHINE } from '@smedx/contracts';
import type { ChainPosition, JointNeedAction } from '@smedx/contracts';
import { chainView } from './chain.views.js';
import type { ChainMemberView, ChainView, ChainViewerRole, Page } from './chain.views.js';
import type { CreateChainInput, ListChainsQuery, ListMembersQuery, MarkChainLeaderInput, OptInInput } from './dto/chains.dto.js';
import { ChainInvitation } from './entities/chain-invitation.entity.js';
import { ChainMember } from './entities/chain-member.entity.js';
import { Chain } from './entities/chain.entity.js';
import type { ChainLeaderView } from '@smedx/contracts';

export type { ChainLeaderView } from '@smedx/contracts';

/** How the caller stands to one chain, resolved once per request. */
export interface ChainAccess {
  chain: Chain;
  role: ChainViewerRole;
  /** The caller belongs to the leader enterprise: it runs the chain. */
  leader: boolean;
  /** City officers and admins: they oversee every chain. */
  officer: boolean;
  /** The caller's enterprises that are members of the chain. */
  memberEnterpriseIds: string[];
}

/**
 * Chains (链式转型): city officers mark chain leaders (链主); a leader's members create its
 * chain; members opt in to joint needs. Who sees a chain: the leader's members, the members
 * of its member enterprises, a user who registered through one of its invitations, city
 * officers and admins. For anyone else it does not exist (404); a visible chain answers 403
 * to an action the caller's standing does not allow.
 */
@Injectable()
export class ChainsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly directory: DirectoryService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Marks (or unmarks) an enterprise as a chain leader (city officers; the route checks the
   * role). Audited with the reason; the enterprise's members are told. 409 naming the
   * current standing when nothing would change.
   */
  async markLeader(actor: Principal, enterpriseId: string, input: MarkChainLeaderInput): Promise<ChainLeaderView> {
    return this.uow.run(async (tx) => {
      const enterprise = await this.directory.getEnterprise(enterpriseId, tx);
      if (enterprise.isChainLeader === input.isChainLeader) {
        const state = enterprise.isChainLeader ? 'chain_leader' : 'not_chain_leader';
        throw new ConflictError(
          input.isChainLeader ? 'already_chain_leader' : 'not_chain_leader',
          input.isChainLeader ? 'the enterprise is already a chain leader (链主)' : 'the enterprise is not a chain leader (链主)',
          { state },
        );
      }
      await this.directory.setChainLeader(tx, enterpriseId, input.isChainLeader);
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: input.isChainLeader ? 'enterprise.chain_leader_marked' : 'enterprise.chain_leader_unmarked',
        entityType: 'enterprise',
        entityId: enterpriseId,
        reason: input.reason ?? null,
        data: { before: { isChainLeader: enterprise.isChainLeader }, after: { isChainLeader: input.isChainLeader } },
      });
      await this.notifications.notify(tx, {
        recipients: { organisationIds: [enterpriseId] },
        kind: input.isChainLeader ? 'chain.leader-marked' : 'chain.leader-unmarked',
        title: input.isChainLeader ? `${enterprise.name}已被认定为链主企业` : `${enterprise.name}的链主企业认定已撤销`,
        body: input.isChainLeader
          ? '市工信局已将贵企业认定为链主企业，可创建产业链并邀请上下游企业加入，开展链式数字化转型。'
          : `市工信局已撤销贵企业的链主企业认定${input.reason ? `，原因：${input.reason}` : '。'}`,
        link: `/enterprises/${enterpriseId}`,
        data: { enterpriseId },
        dedupeKey: `chain.leader:${enterpriseId}:${input.isChainLeader}:${this.clock.now().getTime()}`,
      });
      const chain = await tx.findOne(Chain, { where: { leaderEnterpriseId: enterpriseId }, select: { id: true } });
      return { enterpriseId, name: enterprise.name, isChainLeader: input.isChainLeader, chainId: chain?.id ?? null };
    });
  }

  /**
   * Creates the chain of the caller's chain-leader enterprise (one chain per leader). The
   * leader is `leaderEnterpriseId`, or the caller's only chain-leader enterprise.
   */
  async create(actor: Principal, input: CreateChainInput): Promise<ChainView> {
    const leader = await this.leaderEnterpriseFor(actor, input.leaderEnterpriseId);
    try {
      const id = await this.uow.run(async (tx) => {
        const existing = await tx.findOne(Chain, { where: { leaderEnterpriseId: leader.id }, select: { id: true } });
        if (existing) throw chainExists(existing.id);
        const chain = await tx.save(
          tx.create(Chain, { leaderEnterpriseId: leader.id, name: input.name, description: input.description, createdBy: actor.userId }),
        );
        await this.audit.record(tx, {
          actorId: actor.userId,
          action: 'chain.created',
          entityType: 'chain',
          entityId: chain.id,
          data: { leaderEnterpriseId: leader.id, name: chain.name },
        });
        return chain.id;
      });
      return this.get(actor, id);
    } catch (error) {
      // Two members creating the leader's chain at once: the unique index lets one through.
      if (isUniqueViolation(error)) {
        const existing = await this.dataSource.getRepository(Chain).findOneBy({ leaderEnterpriseId: leader.id });
        throw chainExists(existing?.id ?? null);
      }
      throw error;
    }
  }

  /** The chain, with member counts and the caller's standing. */
  async get(actor: Principal, id: string): Promise<ChainView> {
    const access = await this.access(actor, id);
    const [leader, counts] = await Promise.all([
      this.directory.getEnterprise(access.chain.leaderEnterpriseId),
      this.memberCounts([access.chain.id]),
    ]);
    return chainView(access.chain, leader.name, counts.get(access.chain.id) ?? { upstream: 0, downstream: 0 }, access.role);
  }

  /**
   * The chains the caller's enterprises lead or belong to (every chain for officers),
   * newest first; three queries whatever the page size.
   */
  async list(actor: Principal, query: ListChainsQuery): Promise<Page<ChainView>> {
    const officer = hasRole(actor, 'city_officer', 'admin');
    const mine = enterpriseIdsOf(actor);
    const qb = this.dataSource.getRepository(Chain).createQueryBuilder('c');
    if (!officer) {
      if (!mine.length) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
      const memberOf = qb.subQuery().select('m.chainId').from(ChainMember, 'm').where('m.enterpriseId IN (:...mine)').getQuery();
      qb.where(`(c.leaderEnterpriseId IN (:...mine) OR c.id IN ${memberOf})`, { mine });
    }
    const [chains, total] = await qb
      .orderBy('c.createdAt', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    if (!chains.length) return { items: [], total, page: query.page, pageSize: query.pageSize };
    const ids = chains.map((c) => c.id);
    const [leaders, counts, memberships] = await Promise.all([
      this.directory.enterprisesByIds(chains.map((c) => c.leaderEnterpriseId)),
      this.memberCounts(ids),
      mine.length
        ? this.dataSource
            .getRepository(ChainMember)
            .find({ where: { chainId: In(ids), enterpriseId: In(mine) }, select: { chainId: true } })
        : Promise.resolve([]),
    ]);
    const names = new Map(leaders.map((e) => [e.id, e.name]));
    const memberChains = new Set(memberships.map((m) => m.chainId));
    return {
      items: chains.map((c) =>
        chainView(
          c,
          names.get(c.leaderEnterpriseId) ?? '',
          counts.get(c.id) ?? { upstream: 0, downstream: 0 },
          mine.includes(c.leaderEnterpriseId) ? 'leader' : memberChains.has(c.id) ? 'member' : 'officer',
        ),
      ),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** The members, upstream first, then by joining order; for everyone who sees the chain. */
  async members(actor: Principal, chainId: string, query: ListMembersQuery): Promise<Page<ChainMemberView>> {
    await this.access(actor, chainId);
    const [rows, total] = await this.dataSource.getRepository(ChainMember).findAndCount({
      where: { chainId, ...(query.position ? { position: query.position } : {}) },
      order: { position: 'DESC', joinedAt: 'ASC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    const enterprises = new Map((await this.directory.enterprisesByIds(rows.map((r) => r.enterpriseId))).map((e) => [e.id, e]));
    return { items: rows.map((r) => memberView(r, enterprises.get(r.enterpriseId))), total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * A member enterprise consents (or stops consenting) to be named as a site of the chain's
   * joint needs; only its own members decide. 409 naming the current consent when nothing
   * would change. Audited: it is a data-rights decision.
   */
  async setJointNeedConsent(
    actor: Principal,
    chainId: string,
    enterpriseId: string,
    action: JointNeedAction,
    input: OptInInput = {},
  ): Promise<ChainMemberView> {
    const member = await this.uow.run(async (tx) => {
      await this.access(actor, chainId, tx);
      const row = isUuid(enterpriseId) ? await tx.findOneBy(ChainMember, { chainId, enterpriseId }) : null;
      if (!row) throw new NotFoundError('chain_member', enterpriseId);
      if (!isMember(actor, enterpriseId)) {
        throw new ForbiddenError('only members of that enterprise decide whether it joins joint needs', 'not_enterprise_member');
      }
      const next = JOINT_NEED_STATE_MACHINE.next(row.jointNeeds, action);
      const changes: Partial<ChainMember> =
        next === 'opted_in'
          ? { jointNeeds: next, optedInAt: this.clock.now(), siteNote: input.siteNote || null }
          : { jointNeeds: next, optedInAt: null };
      const result = await tx.update(ChainMember, { id: row.id, jointNeeds: row.jointNeeds }, changes);
      if (!result.affected) throw new ConflictError('chain_member_changed', 'the membership changed meanwhile; reload and retry');
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: next === 'opted_in' ? 'chain.joint_needs_opted_in' : 'chain.joint_needs_opted_out',
        entityType: 'chain',
        entityId: chainId,
        data: { enterpriseId, before: { jointNeeds: row.jointNeeds }, after: { jointNeeds: next } },
      });
      return { ...row, ...changes };
    });
    return memberView(member, await this.directory.getEnterprise(enterpriseId));
  }

  /**
   * How the caller stands to the chain; 404 when it may not know the chain exists (also for
   * an unknown or malformed id). Pass `tx` to read inside a transaction.
   */
  async access(actor: Principal, chainId: string, tx?: EntityManager): Promise<ChainAccess> {
    const manager = tx ?? this.dataSource.manager;
    const chain = isUuid(chainId) ? await manager.findOneBy(Chain, { id: chainId }) : null;
    if (!chain) throw new NotFoundError('chain', chainId);
    const mine = enterpriseIdsOf(actor);
    const memberRows = mine.length
      ? await manager.find(ChainMember, { where: { chainId, enterpriseId: In(mine) }, select: { enterpriseId: true } })
      : [];
    const leader = mine.includes(chain.leaderEnterpriseId);
    const officer = hasRole(actor, 'city_officer', 'admin');
    const invitee =
      !leader &&
      !memberRows.length &&
      !officer &&
      (await manager.existsBy(ChainInvitation, { chainId, claimedBy: actor.userId, status: 'accepted_pending_enterprise' }));
    const role: ChainViewerRole | null = leader
      ? 'leader'
      : memberRows.length
        ? 'member'
        : officer
          ? 'officer'
          : invitee
            ? 'invitee'
            : null;
    if (!role) throw new NotFoundError('chain', chainId);
    return { chain, role, leader, officer, memberEnterpriseIds: memberRows.map((m) => m.enterpriseId) };
  }

  /** 403 unless the caller belongs to the leader enterprise. */
  assertLeader(access: ChainAccess, doing: string): void {
    if (!access.leader) throw new ForbiddenError(`only members of the chain leader enterprise may ${doing}`, 'not_chain_leader_member');
  }

  /**
   * The leader enterprise, as long as it is still marked as a chain leader: an officer may
   * have withdrawn the mark, and then the chain takes in nothing new (409).
   */
  async activeLeader(tx: EntityManager, chain: Chain): Promise<Enterprise> {
    const leader = await this.directory.getEnterprise(chain.leaderEnterpriseId, tx);
    if (!leader.isChainLeader) {
      throw new ConflictError('not_chain_leader', 'the leader enterprise is no longer a chain leader (链主)', {
        state: 'not_chain_leader',
      });
    }
    return leader;
  }

  /** Upstream and downstream member counts of each chain, in one query. */
  async memberCounts(chainIds: string[]): Promise<Map<string, { upstream: number; downstream: number }>> {
    if (!chainIds.length) return new Map();
    const rows = await this.dataSource
      .getRepository(ChainMember)
      .createQueryBuilder('m')
      .select('m.chainId', 'chainId')
      .addSelect('m.position', 'position')
      .addSelect('COUNT(*)', 'count')
      .where('m.chainId IN (:...chainIds)', { chainIds })
      .groupBy('m.chainId')
      .addGroupBy('m.position')
      .getRawMany<{ chainId: string; position: ChainPosition; count: string | number }>();
    const counts = new Map<string, { upstream: number; downstream: number }>();
    for (const r of rows) {
      const c = counts.get(r.chainId) ?? { upstream: 0, downstream: 0 };
      c[r.position] = Number(r.count);
      counts.set(r.chainId, c);
    }
    return counts;
  }

  private async leaderEnterpriseFor(actor: Principal, leaderEnterpriseId: string | undefined): Promise<Enterprise> {
    const mine = enterpriseIdsOf(actor);
    if (leaderEnterpriseId) {
      if (!mine.includes(leaderEnterpriseId)) {
        throw new ForbiddenError('leaderEnterpriseId: you are not a member of this enterprise', 'not_enterprise_member');
      }
      const enterprise = await this.directory.getEnterprise(leaderEnterpriseId);
      if (!enterprise.isChainLeader) {
        throw new ForbiddenError('only a chain leader (链主) marked by a city officer creates a chain', 'not_chain_leader');
      }
      return enterprise;
    }
    const leaders = (await this.directory.enterprisesByIds(mine)).filter((e) => e.isChainLeader);
    if (!leaders.length)
      throw new ForbiddenError('only a chain leader (链主) marked by a city officer creates a chain', 'not_chain_leader');
    if (leaders.length > 1) {
      throw new InvalidInputError([{ field: 'leaderEnterpriseId', reason: 'is required: you belong to several chain-leader enterprises' }]);
    }
    return leaders[0]!;
  }
}

/** The enterprises the caller belongs to. */
export function enterpriseIdsOf(actor: Principal): string[] {
  return actor.memberships.filter((m) => m.kind === 'enterprise').map((m) => m.organisationId);
}

function chainExists(chainId: string | null): ConflictError {
  return new ConflictError('chain_exists', 'the enterprise already leads a chain', chainId ? { chainId } : undefined);
}

function memberView(m: ChainMember, enterprise: Enterprise | undefined): ChainMemberView {
  return {
    enterpriseId: m.enterpriseId,
    name: enterprise?.name ?? '',
    industry: enterprise?.industry ?? '',
    district: enterprise?.district ?? '',
    position: m.position,
    jointNeeds: m.jointNeeds,
    siteNote: m.siteNote,
    joinedAt: m.joinedAt,
  };
}
