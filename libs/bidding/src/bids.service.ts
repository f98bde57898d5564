import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import {
  CLOCK,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  StateConflictError,
  UnitOfWork,
  isMember,
  isUniqueViolation,
  isUuid,
} from '@smedx/platform';
import type { Clock, Principal } from '@smedx/platform';
import { AuditService } from '@smedx/audit';
import { SolutionsService } from '@smedx/catalogue';
import { Need, NeedsService } from '@smedx/demand';
import type { AwardResult, BidView, MyBidView, NeedView, Page } from '@smedx/contracts';
import { DirectoryService } from '@smedx/directory';
import { NotificationsService } from '@smedx/notifications';
import { ProjectsService } from '@smedx/projects';
import { ACTIVE_BID_STATUSES, BID_STATE_MACHINE } from '@smedx/contracts';
import type { BidAction } from '@smedx/contracts';
import { BidInvitationsService } from './bid-invitations.service.js';
import { assertBiddingOpen, isNeedOverseer } from './bidding.policy.js';
import { BidViews } from './bid-views.js';
import type { BidAudience } from './bid-views.js';
import type {
  AwardBidInput,
  BidActionInput,
  ExtendDeadlineInput,
  ListBidsQuery,
  ListMyBidsQuery,
  ReviseBidInput,
  SubmitBidInput,
} from './dto/bid.dto.js';
import { BidRevision } from './entities/bid-revision.entity.js';
import { Bid } from './entities/bid.entity.js';
import { formatFen } from './bidding.util.js';

/** How the caller stands to a need's bids. */
type Party = { kind: 'buyer' } | { kind: 'officer' } | { kind: 'bidder'; providerIds: string[] } | { kind: 'none' };

/**
 * Sealed bidding on published needs (SPEC capability 9).
 *
 * Sealed: a provider's members see only their own provider's bids; another
 * provider learns neither the price nor that a bid exists (404 on the bid, and
 * lists only ever hold the caller's own). The need's enterprise and officers
 * see every bid side by side. Every change writes its notifications and audit
 * entry in its own transaction, and a state change is a conditional update on
 * the status read, so concurrent requests cannot both pass a check.
 */
@Injectable()
export class BiddingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly needs: NeedsService,
    private readonly solutions: SolutionsService,
    private readonly directory: DirectoryService,
    private readonly projects: ProjectsService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly views: BidViews,
    private readonly invitations: BidInvitationsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * A provider bids on a published need before its deadline. The caller must
   * be a member of an approved provider (`providerId` names which, when they
   * belong to several); `solutionId` must be one of that provider's published
   * solutions. One bid in the running per provider and need.
   */
  async submit(actor: Principal, needId: string, input: SubmitBidInput): Promise<BidView> {
    const providerId = this.biddingProvider(actor, input.providerId);
    const bidId = await this.onlyOneActiveBid(() =>
      this.uow.run(async (tx) => {
        const need = await this.needToBidOn(tx, actor, needId, 'bid on');
        if (isMember(actor, need.enterpriseId)) {
          throw new ForbiddenError("members of the need's enterprise may not bid on it", 'own_need');
        }
        const provider = await this.directory.getProvider(providerId, tx);
        if (provider.status !== 'approved') {
          throw new ConflictError('provider_not_approved', `only approved providers bid; provider ${provider.name} is ${provider.status}`, {
            state: provider.status,
          });
        }
        const solutionId = input.solutionId ?? null;
        if (solutionId) await this.assertOwnPublishedSolution(solutionId, providerId);
        const existing = await tx.findOneBy(Bid, { needId, providerId, status: In([...ACTIVE_BID_STATUSES]) });
        if (existing) throw bidExists(existing.id);
        const now = this.clock.now();
        const bid = tx.create(Bid, {
          needId,
          providerId,
          solutionId,
          priceFen: input.priceFen,
          deliveryDays: input.deliveryDays,
          proposal: input.proposal,
          attachments: input.attachments ?? [],
          status: 'submitted',
          revision: 1,
          submittedBy: actor.userId,
          submittedAt: now,
          revisedAt: null,
          shortlistedAt: null,
          withdrawnAt: null,
          decidedAt: null,
        });
        await tx.save(bid);
        await this.saveRevision(tx, bid, actor.userId, null);
        await this.invitations.answerWith(tx, bid);
        await this.audit.record(tx, {
          actorId: actor.userId,
          action: 'bid.submitted',
          entityType: 'bid',
          entityId: bid.id,
          data: { needId, providerId, priceFen: bid.priceFen, deliveryDays: bid.deliveryDays },
        });
        await this.notifications.notify(tx, {
          recipients: { organisationIds: [need.enterpriseId] },
          kind: 'bid.received',
          title: `“${need.title}”收到新投标`,
          body: `${provider.name}投标报价 ${formatFen(bid.priceFen)}，工期 ${bid.deliveryDays} 天。`,
          link: `/needs/${needId}/bids`,
          data: { needId, bidId: bid.id, providerId },
          dedupeKey: `bid.received:${bid.id}`,
        });
        return bid.id;
      }),
    );
    return this.viewOf(bidId, 'bidder');
  }

  /**
   * The provider revises its bid before the deadline: the bid takes the new
   * terms and the old ones stay in its history. Only a bid not yet
   * shortlisted may change.
   */
  async revise(actor: Principal, bidId: string, input: ReviseBidInput): Promise<BidView> {
    await this.uow.run(async (tx) => {
      const bid = await this.ownBid(tx, actor, bidId);
      BID_STATE_MACHINE.next(bid.status, 'revise');
      const need = await this.needToBidOn(tx, actor, bid.needId, 'revise a bid on');
      if (input.solutionId) await this.assertOwnPublishedSolution(input.solutionId, bid.providerId);
      const changes = {
        ...(input.priceFen !== undefined ? { priceFen: input.priceFen } : {}),
        ...(input.deliveryDays !== undefined ? { deliveryDays: input.deliveryDays } : {}),
        ...(input.proposal !== undefined ? { proposal: input.proposal } : {}),
        ...(input.solutionId !== undefined ? { solutionId: input.solutionId } : {}),
        ...(input.attachments !== undefined ? { attachments: input.attachments } : {}),
        revision: bid.revision + 1,
        revisedAt: this.clock.now(),
      };
      // Conditional on the version read: of two concurrent revisions one passes, the other is told to reload.
      const result = await tx.update(Bid, { id: bid.id, status: 'submitted', revision: bid.revision }, changes);
      if (!result.affected) await this.changedMeanwhile(tx, bid.id, 'revise');
      const revised = { ...bid, ...changes };
      await this.saveRevision(tx, revised, actor.userId, input.note ?? null);
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'bid.revised',
        entityType: 'bid',
        entityId: bid.id,
        reason: input.note ?? null,
        data: {
          revision: revised.revision,
          before: { priceFen: bid.priceFen, deliveryDays: bid.deliveryDays },
          after: { priceFen: revised.priceFen, deliveryDays: revised.deliveryDays },
        },
      });
      await this.notifications.notify(tx, {
        recipients: { organisationIds: [need.enterpriseId] },
        kind: 'bid.revised',
        title: `“${need.title}”的一份投标已修改`,
        body: `投标第 ${revised.revision} 版：报价 ${formatFen(revised.priceFen)}，工期 ${revised.deliveryDays} 天。`,
        link: `/needs/${need.id}/bids`,
        data: { needId: need.id, bidId: bid.id, revision: revised.revision },
        dedupeKey: `bid.revised:${bid.id}:${revised.revision}`,
      });
    });
    return this.viewOf(bidId, 'bidder');
  }

  /** The provider withdraws its bid, at any time before the award (also after the deadline). */
  async withdraw(actor: Principal, bidId: string, input: BidActionInput): Promise<BidView> {
    await this.uow.run(async (tx) => {
      const bid = await this.ownBid(tx, actor, bidId);
      await this.transition(tx, bid, 'withdraw', { withdrawnAt: this.clock.now() });
      const need = await this.needOf(tx, bid);
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'bid.withdrawn',
        entityType: 'bid',
        entityId: bid.id,
        reason: input.reason ?? null,
        data: { needId: bid.needId, providerId: bid.providerId, before: { status: bid.status }, after: { status: 'withdrawn' } },
      });
      await this.notifications.notify(tx, {
        recipients: { organisationIds: [need.enterpriseId] },
        kind: 'bid.withdrawn',
        title: `“${need.title}”的一份投标已撤回`,
        body: input.reason ? `撤回原因：${input.reason}` : '服务商撤回了投标。',
        link: `/needs/${need.id}/bids`,
        data: { needId: need.id, bidId: bid.id },
        dedupeKey: `bid.withdrawn:${bid.id}`,
      });
    });
    return this.viewOf(bidId, 'bidder');
  }

  /** The need's enterprise puts a bid on its shortlist; the provider is told. */
  async shortlist(actor: Principal, bidId: string, input: BidActionInput): Promise<BidView> {
    await this.uow.run(async (tx) => {
      const { bid, need } = await this.bidForBuyer(tx, actor, bidId);
      if (need.status !== 'published') throw new StateConflictError('need', need.status, 'shortlist bids on');
      await this.transition(tx, bid, 'shortlist', { shortlistedAt: this.clock.now() });
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'bid.shortlisted',
        entityType: 'bid',
        entityId: bid.id,
        reason: input.reason ?? null,
        data: { needId: need.id, providerId: bid.providerId, priceFen: bid.priceFen },
      });
      await this.notifications.notify(tx, {
        recipients: { organisationIds: [bid.providerId] },
        kind: 'bid.shortlisted',
        title: `您对“${need.title}”的投标已入围`,
        body: '需求方已将您的投标列入候选名单，请留意后续评标结果。',
        link: `/bids/${bid.id}`,
        data: { needId: need.id, bidId: bid.id },
        dedupeKey: `bid.shortlisted:${bid.id}`,
      });
    });
    return this.viewOf(bidId, 'need_side');
  }

  /**
   * The need's enterprise awards one bid, before or after the deadline. In one
   * transaction: the need becomes awarded (conditionally, so of two concurrent
   * awards exactly one passes), the bid awarded, every other bid in the
   * running not awarded, the project created, the award audited and each
   * provider told once.
   */
  async award(actor: Principal, needId: string, input: AwardBidInput): Promise<AwardResult> {
    return this.uow.run(async (tx) => {
      const need = await this.visibleNeed(tx, actor, needId);
      if (!isMember(actor, need.enterpriseId)) {
        throw new ForbiddenError("only members of the need's enterprise may award it", 'not_enterprise_member');
      }
      const bid = await tx.findOneBy(Bid, { id: input.bidId });
      if (!bid || bid.needId !== need.id) {
        throw new InvalidInputError([{ field: 'bidId', reason: `no bid ${input.bidId} on need ${need.id}` }]);
      }
      BID_STATE_MACHINE.next(bid.status, 'award');
      // The need first: its conditional update is where two concurrent awards meet.
      const awarded = await this.needs.award(tx, need.id, bid.id);
      await this.transition(tx, bid, 'award', { decidedAt: awarded.awardedAt });
      const others = await tx.find(Bid, {
        where: { needId: need.id, id: Not(bid.id), status: In(BID_STATE_MACHINE.statesAllowing('reject')) },
        order: { id: 'ASC' },
      });
      if (others.length) {
        await tx.update(
          Bid,
          { id: In(others.map((o) => o.id)), status: In(BID_STATE_MACHINE.statesAllowing('reject')) },
          { status: BID_STATE_MACHINE.next('submitted', 'reject'), decidedAt: awarded.awardedAt },
        );
      }
      const project = await this.projects.createFromAward(tx, {
        needId: need.id,
        bidId: bid.id,
        enterpriseId: need.enterpriseId,
        providerId: bid.providerId,
        solutionId: bid.solutionId,
        title: need.title,
        scope: bid.proposal,
        priceFen: bid.priceFen,
        deliveryDays: bid.deliveryDays,
        awardedBy: actor.userId,
      });
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'need.awarded',
        entityType: 'need',
        entityId: need.id,
        reason: input.reason ?? null,
        data: {
          bidId: bid.id,
          providerId: bid.providerId,
          priceFen: bid.priceFen,
          deliveryDays: bid.deliveryDays,
          projectId: project.id,
          notAwardedBidIds: others.map((o) => o.id),
        },
      });
      await this.notifications.notify(tx, {
        recipients: { organisationIds: [bid.providerId] },
        kind: 'bid.awarded',
        title: `您对“${need.title}”的投标已中标`,
        body: `中标价 ${formatFen(bid.priceFen)}，工期 ${bid.deliveryDays} 天；改造项目已创建。`,
        link: `/projects/${project.id}`,
        data: { needId: need.id, bidId: bid.id, projectId: project.id },
        dedupeKey: `bid.awarded:${bid.id}`,
      });
      for (const other of others) {
        await this.notifications.notify(tx, {
          recipients: { organisationIds: [other.providerId] },
          kind: 'bid.not-awarded',
          title: `您对“${need.title}”的投标未中标`,
          body: '需求方已选定其他服务商，感谢您的参与。',
          link: `/bids/${other.id}`,
          data: { needId: need.id, bidId: other.id },
          dedupeKey: `bid.not-awarded:${other.id}`,
        });
      }
      return {
        projectId: project.id,
        needId: need.id,
        bidId: bid.id,
        enterpriseId: need.enterpriseId,
        providerId: bid.providerId,
        solutionId: bid.solutionId,
        priceFen: bid.priceFen,
        deliveryDays: bid.deliveryDays,
        awardedAt: awarded.awardedAt!,
        notAwardedBids: others.length,
      };
    });
  }

  /**
   * The need's enterprise moves the deadline of a published need that drew
   * no bid (typically after the deadline job told it so); bidding reopens and
   * a new deadline job is scheduled.
   */
  async extendDeadline(actor: Principal, needId: string, input: ExtendDeadlineInput): Promise<NeedView> {
    await this.uow.run(async (tx) => {
      // Locked before counting, so a bid being written now is either counted or sees the new deadline.
      const need = await this.visibleNeed(tx, actor, needId, 'update');
      if (!isMember(actor, need.enterpriseId)) {
        throw new ForbiddenError("only members of the need's enterprise may extend its deadline", 'not_enterprise_member');
      }
      if (need.status !== 'published') throw new StateConflictError('need', need.status, 'extend');
      const active = await tx.countBy(Bid, { needId, status: In([...ACTIVE_BID_STATUSES]) });
      if (active > 0) {
        throw new ConflictError('need_has_bids', `the need has ${active} bid(s) in the running; only a need without bids can be extended`, {
          state: 'has_bids',
          bids: active,
        });
      }
      await this.needs.extendDeadline(tx, actor, needId, input.bidDeadline, input.reason);
    });
    return this.needs.get(actor, needId);
  }

  /** One bid with its history: for its provider's members, the need's enterprise and officers (404 for anyone else). */
  async get(actor: Principal, bidId: string): Promise<BidView> {
    const bid = isUuid(bidId) ? await this.dataSource.getRepository(Bid).findOneBy({ id: bidId }) : null;
    if (!bid) throw new NotFoundError('bid', bidId);
    const need = await this.needs.findById(bid.needId);
    if (!need || !this.maySee(actor, need, bid)) throw new NotFoundError('bid', bidId);
    const revisions = await this.dataSource.getRepository(BidRevision).find({ where: { bidId }, order: { revision: 'ASC' } });
    return this.views.view(need, bid, this.audienceOf(actor, need), revisions);
  }

  /**
   * The bids on a need. The enterprise's members and officers get all of them
   * side by side; a provider's members only their own provider's bids;
   * anyone else a 403.
   */
  async listForNeed(actor: Principal, needId: string, query: ListBidsQuery): Promise<Page<BidView>> {
    const need = await this.visibleNeed(this.dataSource.manager, actor, needId);
    const party = this.partyOf(actor, need);
    if (party.kind === 'none') {
      throw new ForbiddenError("only the need's enterprise, officers and bidding providers see its bids", 'not_need_party');
    }
    const qb = this.dataSource.getRepository(Bid).createQueryBuilder('b').where('b.needId = :needId', { needId: need.id });
    if (party.kind === 'bidder') qb.andWhere('b.providerId IN (:...providerIds)', { providerIds: party.providerIds });
    if (query.status) qb.andWhere('b.status = :status', { status: query.status });
    const [rows, total] = await qb
      .orderBy('b.priceFen', 'ASC')
      .addOrderBy('b.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: await this.views.views(need, rows, this.audienceOf(actor, need)), total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * The bids of the caller's providers (or the one named), latest first, each
   * with the need it is on: four queries whatever the page holds. A caller
   * without a provider gets an empty page.
   */
  async mine(actor: Principal, query: ListMyBidsQuery): Promise<Page<MyBidView>> {
    const providers = actor.memberships.filter((m) => m.kind === 'provider').map((m) => m.organisationId);
    if (query.providerId && !providers.includes(query.providerId)) {
      throw new ForbiddenError('only members of the provider read its bids', 'not_provider_member');
    }
    const ids = query.providerId ? [query.providerId] : providers;
    if (!ids.length) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
    const [rows, total] = await this.dataSource.manager.findAndCount(Bid, {
      where: { providerId: In(ids), ...(query.status ? { status: query.status } : {}) },
      order: { submittedAt: 'DESC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    const needIds = [...new Set(rows.map((r) => r.needId))];
    const solutionIds = [...new Set(rows.flatMap((r) => (r.solutionId ? [r.solutionId] : [])))];
    const needRows = needIds.length ? await this.dataSource.manager.findBy(Need, { id: In(needIds) }) : [];
    const [enterprises, providerRows, solutionDocs] = await Promise.all([
      this.directory.enterprisesByIds([...new Set(needRows.map((n) => n.enterpriseId))]),
      this.directory.providersByIds([...new Set(rows.map((r) => r.providerId))]),
      this.solutions.toSearchDocuments(solutionIds),
    ]);
    const needById = new Map(needRows.map((n) => [n.id, n]));
    const enterpriseById = new Map(enterprises.map((e) => [e.id, e.name]));
    const providerById = new Map(providerRows.map((p) => [p.id, p.name]));
    const solutionById = new Map(solutionDocs.map((d) => [String(d.id), d.title]));
    const items = rows.map((b): MyBidView => {
      const need = needById.get(b.needId);
      return {
        id: b.id,
        needId: b.needId,
        needTitle: need?.title ?? '',
        needStatus: need?.status ?? 'unknown',
        bidDeadline: need?.bidDeadline ?? b.submittedAt,
        enterpriseName: need ? (enterpriseById.get(need.enterpriseId) ?? null) : null,
        providerId: b.providerId,
        providerName: providerById.get(b.providerId) ?? '',
        solutionId: b.solutionId,
        solutionTitle: b.solutionId ? (solutionById.get(b.solutionId) ?? null) : null,
        priceFen: b.priceFen,
        deliveryDays: b.deliveryDays,
        status: b.status,
        revision: b.revision,
        submittedAt: b.submittedAt,
        revisedAt: b.revisedAt,
        decidedAt: b.decidedAt,
      };
    });
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /** The provider the caller bids for: the one named, or their only one. */
  private biddingProvider(actor: Principal, providerId: string | undefined): string {
    const mine = actor.memberships.filter((m) => m.kind === 'provider').map((m) => m.organisationId);
    if (providerId) {
      if (!mine.includes(providerId)) throw new ForbiddenError('only members of the provider may bid for it', 'not_provider_member');
      return providerId;
    }
    if (mine.length === 0) throw new ForbiddenError('only members of a provider may bid', 'not_provider_member');
    if (mine.length > 1) {
      throw new InvalidInputError([
        { field: 'providerId', reason: `is required: you belong to ${mine.length} providers (${mine.join(', ')})` },
      ]);
    }
    return mine[0]!;
  }

  /** A need the caller may see, or a 404 (a draft is private to its enterprise and officers). */
  private async visibleNeed(tx: EntityManager, actor: Principal, needId: string, lock?: 'update'): Promise<Need> {
    const need = await this.needs.findById(needId, tx, { lock });
    if (!need || !this.needs.mayRead(actor, need)) throw new NotFoundError('need', needId);
    return need;
  }

  /**
   * The need a bid is written against, share-locked (PostgreSQL) so an award
   * cannot commit in between: published, and its deadline not yet reached
   * by the clock — whether or not the deadline job has run yet.
   */
  private async needToBidOn(tx: EntityManager, actor: Principal, needId: string, action: string): Promise<Need> {
    const need = await this.needs.findById(needId, tx, { lock: 'share' });
    if (!need || !this.needs.mayRead(actor, need)) throw new NotFoundError('need', needId);
    if (need.status !== 'published') throw new StateConflictError('need', need.status, action);
    assertBiddingOpen(need, this.clock.now());
    return need;
  }

  private async needOf(tx: EntityManager, bid: Bid): Promise<Need> {
    const need = await this.needs.findById(bid.needId, tx);
    if (!need) throw new NotFoundError('need', bid.needId);
    return need;
  }

  /** A bid the caller's provider made: 404 unless the caller may see it, 403 if they see but do not own it. */
  private async ownBid(tx: EntityManager, actor: Principal, bidId: string): Promise<Bid> {
    const bid = isUuid(bidId) ? await tx.findOneBy(Bid, { id: bidId }) : null;
    if (!bid) throw new NotFoundError('bid', bidId);
    if (isMember(actor, bid.providerId)) return bid;
    const need = await this.needOf(tx, bid);
    if (!this.maySee(actor, need, bid)) throw new NotFoundError('bid', bidId);
    throw new ForbiddenError("only members of the bid's provider may change it", 'not_provider_member');
  }

  /** A bid and its need for the need's enterprise: 404 unless the caller may see the bid, 403 if not a member. */
  private async bidForBuyer(tx: EntityManager, actor: Principal, bidId: string): Promise<{ bid: Bid; need: Need }> {
    const bid = isUuid(bidId) ? await tx.findOneBy(Bid, { id: bidId }) : null;
    if (!bid) throw new NotFoundError('bid', bidId);
    const need = await this.needOf(tx, bid);
    if (!this.maySee(actor, need, bid)) throw new NotFoundError('bid', bidId);
    if (!isMember(actor, need.enterpriseId)) {
      throw new ForbiddenError("only members of the need's enterprise may shortlist its bids", 'not_enterprise_member');
    }
    return { bid, need };
  }

  private partyOf(actor: Principal, need: Need): Party {
    if (isMember(actor, need.enterpriseId)) return { kind: 'buyer' };
    if (isNeedOverseer(actor, need)) {
      return { kind: 'officer' };
    }
    const providerIds = actor.memberships.filter((m) => m.kind === 'provider').map((m) => m.organisationId);
    return providerIds.length ? { kind: 'bidder', providerIds } : { kind: 'none' };
  }

  /** The need's enterprise and officers see the subsidy estimate (it rests on the enterprise's private flags); bidders do not. */
  private audienceOf(actor: Principal, need: Need): BidAudience {
    const kind = this.partyOf(actor, need).kind;
    return kind === 'buyer' || kind === 'officer' ? 'need_side' : 'bidder';
  }

  private maySee(actor: Principal, need: Need, bid: Bid): boolean {
    const party = this.partyOf(actor, need);
    return party.kind === 'buyer' || party.kind === 'officer' || (party.kind === 'bidder' && party.providerIds.includes(bid.providerId));
  }

  /** The solution must be a published one of the bidding provider; a 400 says so without telling whose it is. */
  private async assertOwnPublishedSolution(solutionId: string, providerId: string): Promise<void> {
    const [document] = await this.solutions.toSearchDocuments([solutionId]);
    if (!document || document.providerId !== providerId || document.status !== 'published') {
      throw new InvalidInputError([{ field: 'solutionId', reason: `must be a published solution of provider ${providerId}` }]);
    }
  }

  /**
   * Applies `action` with a conditional update on the status read, so two
   * concurrent requests cannot both pass the state check.
   */
  private async transition(tx: EntityManager, bid: Bid, action: BidAction, changes: Partial<Bid>): Promise<void> {
    const status = BID_STATE_MACHINE.next(bid.status, action);
    const result = await tx.update(Bid, { id: bid.id, status: bid.status }, { ...changes, status });
    if (!result.affected) await this.changedMeanwhile(tx, bid.id, action);
  }

  /** After a conditional update missed: a 409 naming the state now, or a plain conflict if the state still allows it. */
  private async changedMeanwhile(tx: EntityManager, bidId: string, action: BidAction): Promise<never> {
    const current = await tx.findOneBy(Bid, { id: bidId });
    if (current) BID_STATE_MACHINE.next(current.status, action);
    throw new ConflictError('bid_changed', 'the bid changed meanwhile; reload and retry');
  }

  private async saveRevision(tx: EntityManager, bid: Bid, createdBy: string, note: string | null): Promise<void> {
    await tx.insert(BidRevision, {
      bidId: bid.id,
      revision: bid.revision,
      priceFen: bid.priceFen,
      deliveryDays: bid.deliveryDays,
      proposal: bid.proposal,
      solutionId: bid.solutionId,
      attachments: bid.attachments,
      note,
      createdBy,
      createdAt: bid.revisedAt ?? bid.submittedAt,
    });
  }

  /** The one-active-bid index covers two submissions racing past the existence check. */
  private async onlyOneActiveBid<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw bidExists();
      throw error;
    }
  }

  private async viewOf(bidId: string, audience: BidAudience): Promise<BidView> {
    const bid = await this.dataSource.getRepository(Bid).findOneByOrFail({ id: bidId });
    const need = await this.needs.findById(bid.needId);
    // The writer of a bid (its provider) or of a shortlist (the enterprise).
    return this.views.view(need!, bid, audience);
  }
}

function bidExists(bidId?: string): ConflictError {
  return new ConflictError(
    'bid_exists',
    `your provider already has a bid in the running on this need${bidId ? ` (${bidId})` : ''}; revise it, or withdraw it first`,
    { state: 'submitted', ...(bidId ? { bidId } : {}) },
  );
}
