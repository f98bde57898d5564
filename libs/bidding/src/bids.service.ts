import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
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
import { Need, NeedQueriesService } from '@smedx/demand';
import type { BidView } from '@smedx/contracts';
import { DirectoryService } from '@smedx/directory';
import { NotificationsService } from '@smedx/notifications';
import { ACTIVE_BID_STATUSES, BID_STATE_MACHINE } from '@smedx/contracts';
import { BidInvitationsService } from './bid-invitations.service.js';
import { BidQueriesService } from './bid-queries.service.js';
import { bidChangedMeanwhile, transitionBid } from './bid-transitions.js';
import { assertBiddingOpen, biddingProvider, maySeeBid } from './bidding.policy.js';
import type { BidActionInput, ReviseBidInput, SubmitBidInput } from './dto/bid.dto.js';
import { BidRevision } from './entities/bid-revision.entity.js';
import { Bid } from './entities/bid.entity.js';
import { formatFen } from './bidding.util.js';

/**
 * Sealed bidding on published needs (SPEC capability 9).
 *
 * Sealed: a provider's members see only their own provider's bids; another
 * provider learns neither the price nor that a bid exists (404 on the bid, and
 * lists only ever hold the caller's own). The need's enterprise and officers
 * see every bid side by side. Every change writes its notifications and audit
 * entry in its own transaction, and a state change is a conditional update on
 * the status read, so concurrent requests cannot both pass a check. This is
 * the bids' write side; they are read through {@link BidQueriesService} and
 * awarded through {@link BidAwardService}.
 */
@Injectable()
export class BiddingService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly needs: NeedQueriesService,
    private readonly solutions: SolutionsService,
    private readonly directory: DirectoryService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly queries: BidQueriesService,
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
    const providerId = biddingProvider(actor, input.providerId);
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
    return this.queries.viewOf(bidId, 'bidder');
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
      if (!result.affected) await bidChangedMeanwhile(tx, bid.id, 'revise');
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
    return this.queries.viewOf(bidId, 'bidder');
  }

  /** The provider withdraws its bid, at any time before the award (also after the deadline). */
  async withdraw(actor: Principal, bidId: string, input: BidActionInput): Promise<BidView> {
    await this.uow.run(async (tx) => {
      const bid = await this.ownBid(tx, actor, bidId);
      await transitionBid(tx, bid, 'withdraw', { withdrawnAt: this.clock.now() });
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
    return this.queries.viewOf(bidId, 'bidder');
  }

  /** The need's enterprise puts a bid on its shortlist; the provider is told. */
  async shortlist(actor: Principal, bidId: string, input: BidActionInput): Promise<BidView> {
    await this.uow.run(async (tx) => {
      const { bid, need } = await this.bidForBuyer(tx, actor, bidId);
      if (need.status !== 'published') throw new StateConflictError('need', need.status, 'shortlist bids on');
      await transitionBid(tx, bid, 'shortlist', { shortlistedAt: this.clock.now() });
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
    return this.queries.viewOf(bidId, 'need_side');
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
    if (!maySeeBid(actor, need, bid)) throw new NotFoundError('bid', bidId);
    throw new ForbiddenError("only members of the bid's provider may change it", 'not_provider_member');
  }

  /** A bid and its need for the need's enterprise: 404 unless the caller may see the bid, 403 if not a member. */
  private async bidForBuyer(tx: EntityManager, actor: Principal, bidId: string): Promise<{ bid: Bid; need: Need }> {
    const bid = isUuid(bidId) ? await tx.findOneBy(Bid, { id: bidId }) : null;
    if (!bid) throw new NotFoundError('bid', bidId);
    const need = await this.needOf(tx, bid);
    if (!maySeeBid(actor, need, bid)) throw new NotFoundError('bid', bidId);
    if (!isMember(actor, need.enterpriseId)) {
      throw new ForbiddenError("only members of the need's enterprise may shortlist its bids", 'not_enterprise_member');
    }
    return { bid, need };
  }

  /** The solution must be a published one of the bidding provider; a 400 says so without telling whose it is. */
  private async assertOwnPublishedSolution(solutionId: string, providerId: string): Promise<void> {
    const [document] = await this.solutions.toSearchDocuments([solutionId]);
    if (!document || document.providerId !== providerId || document.status !== 'published') {
      throw new InvalidInputError([{ field: 'solutionId', reason: `must be a published solution of provider ${providerId}` }]);
    }
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
}

function bidExists(bidId?: string): ConflictError {
  return new ConflictError(
    'bid_exists',
    `your provider already has a bid in the running on this need${bidId ? ` (${bidId})` : ''}; revise it, or withdraw it first`,
    { state: 'submitted', ...(bidId ? { bidId } : {}) },
  );
}
