import { Inject, Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager, In, QueryFailedError } from 'typeorm';
import {
  CLOCK,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  OutboxService,
  StateConflictError,
  UnitOfWork,
  hasRole,
  isMember,
  isUuid,
} from '@smedx/platform';
import type { Clock, Principal } from '@smedx/platform';
import { AuditService } from '@smedx/audit';
import { DirectoryService, ProviderChanged, isDistrictOfficerFor } from '@smedx/directory';
import { IdentityService } from '@smedx/identity';
import { NotificationsService } from '@smedx/notifications';
import { ProjectsService } from '@smedx/projects';
import { reputation, smoothedRating } from '@smedx/reputation';
import type { AppealRatingInput, CreateRatingInput, DecideAppealInput, ListRatingsQuery, ReplyRatingInput } from './dto/ratings.dto.js';
import { Rating } from './entities/rating.entity.js';
import type { RatingSide } from './entities/rating.entity.js';
import { appealDeadline, overallScore, ratingRecord } from './rating-rules.js';
import { COUNTED_RATING_STATUSES, RATING_STATE_MACHINE } from './rating-state.js';
import type { RatingAction } from './rating-state.js';
import { ratingView } from './ratings.views.js';
import type { Page, ProviderRatingsView, RatingView } from './ratings.views.js';

/** Parties and officers read every rating; counted ones are public (the provider page shows them). */
function mayRead(actor: Principal | null, r: Rating): boolean {
  if (COUNTED_RATING_STATUSES.includes(r.status)) return true;
  return (
    !!actor &&
    (isMember(actor, r.enterpriseId) || isMember(actor, r.providerId) || mayDecide(actor, r) || hasRole(actor, 'city_officer', 'admin'))
  );
}

function mayDecide(actor: Principal, r: Pick<Rating, 'district'>): boolean {
  return isDistrictOfficerFor(actor, r.district);
}

/**
 * Ratings and reviews of transformation projects: the enterprise rates a project once after its
 * acceptance (passed or failed), the provider replies once, either side appeals within 15 days
 * to the officer of the project's district, who upholds or removes the rating with a reason
 * (audited). Every change of what counts rewrites the provider's record (`ratingAverage`,
 * `ratingCount`) in the same transaction and tells matching and search through the outbox.
 */
@Injectable()
export class RatingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly outbox: OutboxService,
    private readonly projects: ProjectsService,
    private readonly directory: DirectoryService,
    private readonly identity: IdentityService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Rates a project (a member of its enterprise): 409 naming the project's state before any
   * acceptance was decided, 409 `rating_exists` for a second rating.
   */
  async rate(actor: Principal, projectId: string, input: CreateRatingInput): Promise<RatingView> {
    const project = await this.projects.get(actor, projectId);
    if (!isMember(actor, project.enterpriseId)) throw new ForbiddenError('only members of the enterprise rate its project', 'not_member');
    if (!project.acceptances.length) throw new StateConflictError('project', project.status, 'rate (before its acceptance)');
    const id = await this.uow.run(async (tx) => {
      const now = this.clock.now();
      const row = tx.create(Rating, {
        projectId: project.id,
        enterpriseId: project.enterpriseId,
        providerId: project.providerId,
        district: project.district,
        quality: input.quality,
        timeliness: input.timeliness,
        service: input.service,
        score: overallScore(input),
        text: input.text || null,
        status: 'published',
        reply: null,
        repliedBy: null,
        repliedAt: null,
        appeal: null,
        ratedBy: actor.userId,
        ratedAt: now,
      });
      const saved = await this.insert(tx, row);
      await this.refreshRecord(tx, saved.providerId);
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'rating.created',
        entityType: 'rating',
        entityId: saved.id,
        data: {
          projectId: saved.projectId,
          providerId: saved.providerId,
          quality: saved.quality,
          timeliness: saved.timeliness,
          service: saved.service,
        },
      });
      await this.notify(
        tx,
        saved,
        [saved.providerId],
        'rating.created',
        `项目“${project.title}”收到评价`,
        `综合评分 ${saved.score} 分。可回复一次，如有异议可在15天内申诉。`,
      );
      return saved.id;
    });
    return this.get(actor, id);
  }

  /** The provider's one reply (a member of the provider); 409 `rating_already_replied` for a second. */
  async reply(actor: Principal, id: string, input: ReplyRatingInput): Promise<RatingView> {
    await this.uow.run(async (tx) => {
      const r = await this.load(tx, actor, id);
      if (!isMember(actor, r.providerId)) throw new ForbiddenError('only members of the provider reply to its ratings', 'not_member');
      RATING_STATE_MACHINE.next(r.status, 'reply');
      if (r.reply !== null) {
        throw new ConflictError(
          'rating_already_replied',
          `the provider replied at ${r.repliedAt!.toISOString()}; a rating takes one reply`,
          { state: r.status },
        );
      }
      await this.transition(tx, r, 'reply', { reply: input.text, repliedBy: actor.userId, repliedAt: this.clock.now() });
      await this.notify(tx, r, [r.enterpriseId], 'rating.replied', '服务商回复了您的评价', input.text);
    });
    return this.get(actor, id);
  }

  /** An appeal by either side (a member of the enterprise or the provider) within 15 days of the rating. */
  async appeal(actor: Principal, id: string, input: AppealRatingInput): Promise<RatingView> {
    await this.uow.run(async (tx) => {
      const r = await this.load(tx, actor, id);
      const side: RatingSide | null = isMember(actor, r.enterpriseId) ? 'enterprise' : isMember(actor, r.providerId) ? 'provider' : null;
      if (!side) throw new ForbiddenError('only the enterprise and the provider of the project appeal its rating', 'not_party');
      RATING_STATE_MACHINE.next(r.status, 'appeal');
      const deadline = appealDeadline(r.ratedAt);
      if (this.clock.now() > deadline) {
        throw new ConflictError('rating_appeal_window_closed', `appeals were possible until ${deadline.toISOString()}`, {
          state: r.status,
        });
      }
      const appeal = {
        side,
        reason: input.reason,
        appealedBy: actor.userId,
        appealedAt: this.clock.now().toISOString(),
        decision: null,
        decisionReason: null,
        decidedBy: null,
        decidedAt: null,
      };
      const after = await this.transition(tx, r, 'appeal', { appeal });
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'rating.appealed',
        entityType: 'rating',
        entityId: r.id,
        reason: input.reason,
        data: { side },
      });
      const officers = await this.identity.holdersOf('district_officer', r.district, tx);
      await this.notify(
        tx,
        after,
        [side === 'enterprise' ? r.providerId : r.enterpriseId],
        'rating.appealed',
        '项目评价被申诉',
        input.reason,
        officers,
      );
    });
    return this.get(actor, id);
  }

  /**
   * The district officer's decision on an appeal (the officer of the project's district; another
   * district's: 403): uphold keeps the rating, remove takes it out of the provider's record.
   */
  async decide(actor: Principal, id: string, input: DecideAppealInput): Promise<RatingView> {
    await this.uow.run(async (tx) => {
      const r = await this.load(tx, actor, id);
      if (!mayDecide(actor, r)) {
        throw new ForbiddenError(`appeals of this rating are decided by the officer of district ${r.district}`, 'not_your_district');
      }
      const now = this.clock.now().toISOString();
      const appeal = { ...r.appeal!, decision: input.decision, decisionReason: input.reason, decidedBy: actor.userId, decidedAt: now };
      const after = await this.transition(tx, r, input.decision, { appeal });
      if (after.status === 'removed') await this.refreshRecord(tx, r.providerId);
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: input.decision === 'remove' ? 'rating.removed' : 'rating.upheld',
        entityType: 'rating',
        entityId: r.id,
        reason: input.reason,
        data: { side: r.appeal?.side ?? null, before: r.status, after: after.status },
      });
      await this.notify(
        tx,
        after,
        [r.enterpriseId, r.providerId],
        `rating.${after.status}`,
        input.decision === 'remove' ? '评价申诉成立，评价已移除' : '评价申诉不成立，评价保留',
        `区县工信部门意见：${input.reason}`,
      );
    });
    return this.get(actor, id);
  }

  async get(actor: Principal | null, id: string): Promise<RatingView> {
    const r = isUuid(id) ? await this.dataSource.manager.findOneBy(Rating, { id }) : null;
    if (!r || !mayRead(actor, r)) throw new NotFoundError('rating', id);
    return ratingView(r);
  }

  /** A provider's counted ratings, newest first, with its record (public). */
  async ofProvider(providerId: string, query: ListRatingsQuery): Promise<ProviderRatingsView> {
    const [provider] = await this.directory.providersByIds([providerId]);
    if (!provider) throw new NotFoundError('provider', providerId);
    const [rows, total] = await this.dataSource.getRepository(Rating).findAndCount({
      where: { providerId, status: In([...COUNTED_RATING_STATUSES]) },
      order: { ratedAt: 'DESC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return {
      providerId,
      ratingAverage: provider.ratingAverage,
      ratingCount: provider.ratingCount,
      smoothedRating: smoothedRating(provider.ratingAverage, provider.ratingCount),
      reputation: Math.round(reputation(provider) * 1000) / 1000,
      items: rows.map(ratingView),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /**
   * Ratings the caller deals with, newest first: a project's rating (`projectId`), or those of
   * its organisations and, for district officers, of their districts (appeals to decide with
   * `status=appealed`); all for city officers and admins.
   */
  async list(actor: Principal, query: ListRatingsQuery): Promise<Page<RatingView>> {
    const qb = this.dataSource.getRepository(Rating).createQueryBuilder('r');
    if (!hasRole(actor, 'city_officer', 'admin')) {
      const districts = actor.roles.flatMap((g) => (g.role === 'district_officer' && g.district ? [g.district] : []));
      const organisations = actor.memberships.map((m) => m.organisationId);
      qb.where(
        new Brackets((w) => {
          w.where('r.status IN (:...counted)', { counted: [...COUNTED_RATING_STATUSES] });
          if (districts.length) w.orWhere('r.district IN (:...districts)', { districts });
          if (organisations.length)
            w.orWhere('(r.enterpriseId IN (:...organisations) OR r.providerId IN (:...organisations))', { organisations });
        }),
      );
      if (!query.projectId && !districts.length && !organisations.length) {
        throw new ForbiddenError('list ratings of a project, or of a provider with providerId', 'not_member');
      }
    }
    if (query.projectId) qb.andWhere('r.projectId = :projectId', { projectId: query.projectId });
    if (query.providerId) qb.andWhere('r.providerId = :providerId', { providerId: query.providerId });
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    const [rows, total] = await qb
      .orderBy('r.ratedAt', 'DESC')
      .addOrderBy('r.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: rows.map(ratingView), total, page: query.page, pageSize: query.pageSize };
  }

  // ------------------------------------------------------------------ internals

  /** The rating locked for the transaction (PostgreSQL), 404 for those who may not read it. */
  private async load(tx: EntityManager, actor: Principal, id: string): Promise<Rating> {
    const qb = tx.getRepository(Rating).createQueryBuilder('r').where('r.id = :id', { id });
    if (this.dataSource.options.type === 'postgres') qb.setLock('pessimistic_write');
    const r = isUuid(id) ? await qb.getOne() : null;
    if (!r || !mayRead(actor, r)) throw new NotFoundError('rating', id);
    return r;
  }

  private async transition(tx: EntityManager, r: Rating, action: RatingAction, changes: Partial<Rating>): Promise<Rating> {
    const status = RATING_STATE_MACHINE.next(r.status, action);
    const result = await tx.update(Rating, { id: r.id, status: r.status }, { ...changes, status });
    if (!result.affected) {
      const current = await tx.findOneBy(Rating, { id: r.id });
      RATING_STATE_MACHINE.next(current?.status ?? r.status, action);
      throw new ConflictError('rating_changed', 'the rating changed meanwhile; reload and try again');
    }
    return { ...r, ...changes, status };
  }

  private async insert(tx: EntityManager, r: Rating): Promise<Rating> {
    try {
      return await tx.save(r);
    } catch (error) {
      const code = (error as QueryFailedError & { driverError?: { code?: string } }).driverError?.code;
      if (error instanceof QueryFailedError && (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE')) {
        throw new ConflictError('rating_exists', 'the project has been rated already; a project takes one rating', { state: 'rated' });
      }
      throw error;
    }
  }

  /** Rewrites the provider's record from its counted ratings, and tells matching and search. */
  private async refreshRecord(tx: EntityManager, providerId: string): Promise<void> {
    const rows = await tx.find(Rating, { where: { providerId, status: In([...COUNTED_RATING_STATUSES]) }, select: { score: true } });
    await this.directory.updateRecord(tx, providerId, ratingRecord(rows.map((r) => r.score)));
    await this.outbox.publish(tx, ProviderChanged, { providerId, change: 'profile' });
  }

  private async notify(
    tx: EntityManager,
    r: Pick<Rating, 'id' | 'projectId' | 'status'>,
    organisationIds: string[],
    kind: string,
    title: string,
    body: string,
    userIds: string[] = [],
  ): Promise<void> {
    await this.notifications.notify(tx, {
      recipients: { organisationIds, userIds },
      kind,
      title,
      body,
      link: `/projects/${r.projectId}`,
      data: { ratingId: r.id, projectId: r.projectId, status: r.status },
      dedupeKey: `${kind}:${r.id}`,
    });
  }
}
