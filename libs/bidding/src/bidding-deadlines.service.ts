import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { CLOCK, OnEvent, OnJob, OutboxService, UnitOfWork } from '@smedx/platform';
import type { Clock } from '@smedx/platform';
import { NeedChanged, NeedQueriesService, NeedsService } from '@smedx/demand';
import type { NeedChangedPayload } from '@smedx/demand';
import { NotificationsService } from '@smedx/notifications';
import { ACTIVE_BID_STATUSES, BID_STATE_MACHINE } from '@smedx/contracts';
import { BiddingCloseJob, RELEASE_BIDS_JOB, SCHEDULE_CLOSE_JOB } from './bidding.jobs.js';
import type { BiddingClosePayload } from './bidding.jobs.js';
import { Bid } from './entities/bid.entity.js';

/**
 * The bidding side of a need's life: a delayed job at every deadline a
 * published need gets, which closes bidding and tells the enterprise, and
 * the release of every bid when a need is cancelled. All handlers are
 * idempotent: a repeated or stale run changes nothing and notifies no one
 * twice.
 */
@Injectable()
export class BiddingDeadlines {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly outbox: OutboxService,
    private readonly needs: NeedsService,
    private readonly needQueries: NeedQueriesService,
    private readonly notifications: NotificationsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Schedules the close job when a need is published or edited (its deadline
   * may have moved). An older job for an earlier deadline finds it not yet
   * passed and does nothing, so extending needs no cancellation.
   */
  @OnEvent(NeedChanged, SCHEDULE_CLOSE_JOB, { when: movesDeadline })
  async scheduleClose(payload: NeedChangedPayload): Promise<void> {
    if (!movesDeadline(payload)) return;
    const need = await this.needQueries.findById(payload.needId);
    if (!need || need.status !== 'published' || need.biddingClosedAt) return;
    const delayMs = Math.max(0, need.bidDeadline.getTime() - this.clock.now().getTime());
    await this.uow.run((tx) =>
      this.outbox.add(tx, BiddingCloseJob, { needId: need.id, bidDeadline: need.bidDeadline.toISOString() }, { delayMs }),
    );
  }

  /**
   * Closes bidding once the deadline has really passed by the clock and tells
   * the enterprise how many bids it drew (with none, that it may extend or
   * cancel), and each bidder that its bid is being compared. The conditional update lets one run do it; the notification's
   * key names the deadline, so a need extended and closed again is told again.
   */
  @OnJob(BiddingCloseJob)
  async close(payload: BiddingClosePayload): Promise<void> {
    await this.uow.run(async (tx) => {
      const now = this.clock.now();
      if (!(await this.needs.closeBidding(tx, payload.needId, now))) return;
      const need = (await this.needQueries.findById(payload.needId, tx))!;
      const active = await tx.find(Bid, { where: { needId: need.id, status: In([...ACTIVE_BID_STATUSES]) }, order: { id: 'ASC' } });
      const bids = active.length;
      // Each bidder learns its bid is in and the enterprise is now comparing (sealed: not how many others bid).
      for (const bid of active) {
        await this.notifications.notify(tx, {
          recipients: { organisationIds: [bid.providerId] },
          kind: 'bid.bidding-closed',
          title: `“${need.title}”投标已截止`,
          body: '投标已截止，您的投标已进入比选，定标结果将另行通知。',
          link: `/bids/${bid.id}`,
          data: { needId: need.id, bidId: bid.id },
          dedupeKey: `bid.bidding-closed:${bid.id}:${need.bidDeadline.toISOString()}`,
        });
      }
      await this.notifications.notify(tx, {
        recipients: { organisationIds: [need.enterpriseId] },
        kind: 'need.bidding-closed',
        title: `“${need.title}”投标已截止`,
        body: bids
          ? `截至 ${need.bidDeadline.toISOString()} 共收到 ${bids} 份有效投标，请比选后定标。`
          : `截至 ${need.bidDeadline.toISOString()} 未收到投标；您可以延长投标截止时间或取消该需求。`,
        link: `/needs/${need.id}/bids`,
        data: { needId: need.id, bids, bidDeadline: need.bidDeadline.toISOString() },
        dedupeKey: `need.bidding-closed:${need.id}:${need.bidDeadline.toISOString()}`,
      });
    });
  }

  /** A cancelled need releases its bids: each still in the running becomes not awarded, its provider told once. */
  @OnEvent(NeedChanged, RELEASE_BIDS_JOB, { when: (p) => p.change === 'cancelled' })
  async releaseBids(payload: NeedChangedPayload): Promise<void> {
    if (payload.change !== 'cancelled') return;
    await this.uow.run(async (tx) => {
      const need = await this.needQueries.findById(payload.needId, tx);
      if (!need || need.status !== 'cancelled') return;
      const open = await tx.find(Bid, {
        where: { needId: need.id, status: In(BID_STATE_MACHINE.statesAllowing('reject')) },
        order: { id: 'ASC' },
      });
      if (!open.length) return;
      await tx.update(
        Bid,
        { id: In(open.map((b) => b.id)), status: In(BID_STATE_MACHINE.statesAllowing('reject')) },
        { status: BID_STATE_MACHINE.next('submitted', 'reject'), decidedAt: this.clock.now() },
      );
      for (const bid of open) {
        await this.notifications.notify(tx, {
          recipients: { organisationIds: [bid.providerId] },
          kind: 'bid.need-cancelled',
          title: `“${need.title}”已取消`,
          body: '需求方取消了该需求，您的投标随之结束。',
          link: `/bids/${bid.id}`,
          data: { needId: need.id, bidId: bid.id },
          dedupeKey: `bid.need-cancelled:${bid.id}`,
        });
      }
    });
  }
}

/** The changes after which a need's bidding deadline may be new. */
function movesDeadline(payload: NeedChangedPayload): boolean {
  return payload.change === 'published' || payload.change === 'updated';
}
