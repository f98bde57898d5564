import { Injectable } from '@nestjs/common';
import { In, Not } from 'typeorm';
import { ConflictError, ForbiddenError, InvalidInputError, StateConflictError, UnitOfWork, isMember } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import { AuditService } from '@smedx/audit';
import { NeedQueriesService, NeedsService } from '@smedx/demand';
import type { AwardResult, NeedView } from '@smedx/contracts';
import { NotificationsService } from '@smedx/notifications';
import { ProjectsService } from '@smedx/projects';
import { ACTIVE_BID_STATUSES, BID_STATE_MACHINE } from '@smedx/contracts';
import { BidQueriesService } from './bid-queries.service.js';
import { transitionBid } from './bid-transitions.js';
import type { AwardBidInput, ExtendDeadlineInput } from './dto/bid.dto.js';
import { Bid } from './entities/bid.entity.js';
import { formatFen } from './bidding.util.js';

/**
 * The need's enterprise decides its bidding: it awards one bid, which starts
 * the project, or moves the deadline of a need that drew no bid. The bids
 * themselves are written by {@link BiddingService}.
 */
@Injectable()
export class BidAwardService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly needs: NeedsService,
    private readonly needQueries: NeedQueriesService,
    private readonly projects: ProjectsService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly queries: BidQueriesService,
  ) {}

  /**
   * The need's enterprise awards one bid, before or after the deadline. In one
   * transaction: the need becomes awarded (conditionally, so of two concurrent
   * awards exactly one passes), the bid awarded, every other bid in the
   * running not awarded, the project created, the award audited and each
   * provider told once.
   */
  async award(actor: Principal, needId: string, input: AwardBidInput): Promise<AwardResult> {
    return this.uow.run(async (tx) => {
      const need = await this.queries.visibleNeed(tx, actor, needId);
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
      await transitionBid(tx, bid, 'award', { decidedAt: awarded.awardedAt });
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
      const need = await this.queries.visibleNeed(tx, actor, needId, 'update');
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
    return this.needQueries.get(actor, needId);
  }
}
