import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
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
} from '@smedx/platform';
import type { Clock, Principal } from '@smedx/platform';
import { AuditService } from '@smedx/audit';
import { SolutionsService } from '@smedx/catalogue';
import { Need, NeedQueriesService } from '@smedx/demand';
import { DirectoryService } from '@smedx/directory';
import { NotificationsService } from '@smedx/notifications';
import { ACTIVE_BID_STATUSES } from '@smedx/contracts';
import type { BidInvitationView, Page } from '@smedx/contracts';
import type { InviteToBidInput, ListInvitationsQuery } from './dto/bid.dto.js';
import { assertBiddingOpen, isNeedOverseer, readableProviders } from './bidding.policy.js';
import { needSummary } from './bid-views.js';
import { BidInvitation } from './entities/bid-invitation.entity.js';
import { Bid } from './entities/bid.entity.js';

/**
 * Invitations to bid (邀请投标): an enterprise, from a match or a solution
 * page, invites an approved provider to bid on one of its published needs —
 * one invitation per provider and need, the provider's members notified
 * once, audited. The provider reads its invitations; the enterprise and the
 * need's officers read a need's. A bid by an invited provider answers the
 * invitation ({@link answerWith}).
 */
@Injectable()
export class BidInvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly needs: NeedQueriesService,
    private readonly solutions: SolutionsService,
    private readonly directory: DirectoryService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async invite(actor: Principal, needId: string, input: InviteToBidInput): Promise<BidInvitationView> {
    const id = await this.uow
      .run(async (tx) => {
        const need = await this.needs.findById(needId, tx, { lock: 'share' });
        if (!need || !this.needs.mayRead(actor, need)) throw new NotFoundError('need', needId);
        if (!isMember(actor, need.enterpriseId)) {
          throw new ForbiddenError("only members of the need's enterprise invite providers to bid on it", 'not_enterprise_member');
        }
        if (need.status !== 'published') throw new StateConflictError('need', need.status, 'invite providers to bid on');
        assertBiddingOpen(need, this.clock.now());
        const provider = await this.directory.getProvider(input.providerId, tx);
        if (provider.status !== 'approved') throw new StateConflictError('provider', provider.status, 'be invited to bid');
        if (input.solutionId) {
          const [solution] = await this.solutions.toSearchDocuments([input.solutionId]);
          if (!solution || solution.providerId !== provider.id || solution.status !== 'published') {
            throw new InvalidInputError([{ field: 'solutionId', reason: `must be a published solution of provider ${provider.id}` }]);
          }
        }
        if (await tx.existsBy(Bid, { needId, providerId: provider.id, status: In([...ACTIVE_BID_STATUSES]) })) {
          throw new ConflictError('provider_already_bid', 'the provider has already bid on this need', { state: 'already_bid' });
        }
        if (await tx.existsBy(BidInvitation, { needId, providerId: provider.id })) throw alreadyInvited();
        const invitation = await tx.save(
          tx.create(BidInvitation, {
            needId,
            enterpriseId: need.enterpriseId,
            providerId: provider.id,
            solutionId: input.solutionId ?? null,
            message: input.message ?? null,
            invitedBy: actor.userId,
            bidId: null,
          }),
        );
        const [enterprise] = await this.directory.enterprisesByIds([need.enterpriseId], tx);
        await this.notifications.notify(tx, {
          recipients: { organisationIds: [provider.id] },
          kind: 'bid.invited',
          title: `${enterprise?.name ?? '企业'}邀请您投标：“${need.title}”`,
          body: input.message ?? `投标截止 ${need.bidDeadline.toISOString().slice(0, 10)}，欢迎查看需求并报价。`,
          link: `/needs/${needId}`,
          data: { needId, providerId: provider.id, invitationId: invitation.id },
          dedupeKey: `bid.invited:${invitation.id}`,
        });
        await this.audit.record(tx, {
          actorId: actor.userId,
          action: 'bid.invited',
          entityType: 'need',
          entityId: needId,
          data: { providerId: provider.id, solutionId: input.solutionId ?? null, invitationId: invitation.id },
        });
        return invitation.id;
      })
      .catch((error: unknown) => {
        // Two invitations at once: the unique index lets one through.
        if (isUniqueViolation(error)) throw alreadyInvited();
        throw error;
      });
    const [view] = await this.views([await this.dataSource.manager.findOneByOrFail(BidInvitation, { id })]);
    return view!;
  }

  /** A need's invitations, newest first: its enterprise's members and its officers (404 for whoever may not read the need). */
  async forNeed(actor: Principal, needId: string): Promise<BidInvitationView[]> {
    const need = await this.needs.findById(needId);
    if (!need || !this.needs.mayRead(actor, need)) throw new NotFoundError('need', needId);
    if (!isMember(actor, need.enterpriseId) && !isNeedOverseer(actor, need)) {
      throw new ForbiddenError("only the need's enterprise and its officers see whom it invited", 'not_enterprise_member');
    }
    return this.views(await this.dataSource.manager.find(BidInvitation, { where: { needId }, order: { createdAt: 'DESC' } }));
  }

  /** The invitations to the caller's provider, newest first. */
  async mine(actor: Principal, query: ListInvitationsQuery): Promise<Page<BidInvitationView>> {
    const ids = readableProviders(actor, query.providerId, 'invitations');
    if (!ids.length) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
    const [rows, total] = await this.dataSource.manager.findAndCount(BidInvitation, {
      where: { providerId: In(ids) },
      order: { createdAt: 'DESC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: await this.views(rows), total, page: query.page, pageSize: query.pageSize };
  }

  /** Inside the bid's transaction: a bid by an invited provider answers its invitation. */
  async answerWith(tx: EntityManager, bid: Pick<Bid, 'id' | 'needId' | 'providerId'>): Promise<void> {
    await tx.update(BidInvitation, { needId: bid.needId, providerId: bid.providerId }, { bidId: bid.id });
  }

  private async views(rows: readonly BidInvitation[]): Promise<BidInvitationView[]> {
    if (!rows.length) return [];
    const needs = new Map(
      (await this.dataSource.manager.findBy(Need, { id: In([...new Set(rows.map((r) => r.needId))]) })).map((n) => [n.id, n]),
    );
    const enterprises = new Map(
      (await this.directory.enterprisesByIds([...new Set(rows.map((r) => r.enterpriseId))])).map((e) => [e.id, e.name]),
    );
    const providers = new Map(
      (await this.directory.providersByIds([...new Set(rows.map((r) => r.providerId))])).map((p) => [p.id, p.name]),
    );
    const solutionIds = [...new Set(rows.map((r) => r.solutionId).filter((s): s is string => !!s))];
    const solutions = new Map((await this.solutions.toSearchDocuments(solutionIds)).map((s) => [s.id, s.title]));
    return rows.map((r) => {
      const need = needs.get(r.needId);
      return {
        id: r.id,
        needId: r.needId,
        ...needSummary(need, r.createdAt),
        enterpriseId: r.enterpriseId,
        enterpriseName: enterprises.get(r.enterpriseId) ?? null,
        providerId: r.providerId,
        providerName: providers.get(r.providerId) ?? null,
        solutionId: r.solutionId,
        solutionTitle: r.solutionId ? (solutions.get(r.solutionId) ?? null) : null,
        message: r.message,
        invitedBy: r.invitedBy,
        bidId: r.bidId,
        createdAt: r.createdAt,
      };
    });
  }
}

function alreadyInvited(): ConflictError {
  return new ConflictError('already_invited', 'this provider has already been invited to bid on this need', { state: 'already_invited' });
}
