import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CLOCK, ConflictError, ForbiddenError, NotFoundError, UnitOfWork, hasRole } from '@smedx/platform';
import type { Clock, Principal } from '@smedx/platform';
import { AuditService } from '@smedx/audit';
import { isDistrictOfficerFor } from '@smedx/directory';
import { DocumentsService } from '@smedx/documents';
import { IdentityService } from '@smedx/identity';
import { NotificationsService } from '@smedx/notifications';
import { mayReadNomination } from './awards.policy.js';
import type { NominationView } from './awards.views.js';
import type {
  AnswerObjectionInput,
  AwardNominationInput,
  ObjectNominationInput,
  PublishNominationInput,
  RecommendNominationInput,
  RejectNominationInput,
  ScoreNominationInput,
} from './dto/awards.dto.js';
import type { Nomination, NominationStep } from './entities/nomination.entity.js';
import { MIN_ASSESSORS, noticeEnd, trimmedMean } from './nomination-rules.js';
import { NOMINATION_DOCUMENT_OWNER } from './nomination-documents.js';
import { NOMINATION_STATE_MACHINE } from './nomination-state.js';
import type { NominationAction } from './nomination-state.js';
import { NominationStore } from './nomination-store.js';
import { CATEGORY_NAMES, NominationsService } from './nominations.service.js';

const yuan = (fen: number) => `${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')} 元`;

/**
 * The review of a nomination, one transaction per step with its audit entry and notification:
 * the recommendation of the nominee's district (区县推荐), the experts' scores (市级评审, at least
 * three assessors), the 7-day public notice (公示) with objections and the city's answers, and
 * the award (at most 500,000 CNY) or a rejection with reasons.
 */
@Injectable()
export class NominationReviewService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly store: NominationStore,
    private readonly nominations: NominationsService,
    private readonly identity: IdentityService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly documents: DocumentsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The district's recommendation: the officer of the nominee's district only (403 for another district's). */
  async recommend(actor: Principal, id: string, input: RecommendNominationInput): Promise<NominationView> {
    await this.uow.run(async (tx) => {
      const n = await this.store.load(tx, id);
      this.assertDistrictOfficer(actor, n, 'recommends');
      // The state first (409 naming it), then the material the recommendation rests on (409 naming what is missing).
      NOMINATION_STATE_MACHINE.next(n.status, 'recommend');
      await this.documents.assertOwnerComplete(NOMINATION_DOCUMENT_OWNER, n.id, tx);
      const after = await this.step(tx, actor, n, 'recommend', input.reason ?? null, {});
      await this.notifyNominee(tx, after, '申报已获区县推荐', `“${after.title}”已由区县工信部门推荐，进入市级专家评审。`);
      const assessors = await this.identity.holdersOf('assessor', undefined, tx);
      if (assessors.length) {
        await this.notifications.notify(tx, {
          recipients: { userIds: assessors },
          kind: 'nomination.review-requested',
          title: `有${CATEGORY_NAMES[after.category]}申报待专家评审`,
          body: `“${after.title}”已获区县推荐，请评分。`,
          link: `/nominations/${after.id}`,
          data: { nominationId: after.id, status: after.status },
          dedupeKey: `nomination.review-requested:${after.id}`,
        });
      }
    });
    return this.nominations.get(actor, id);
  }

  /** One assessor's expert score; each assessor scores a nomination once (409). */
  async score(actor: Principal, id: string, input: ScoreNominationInput): Promise<NominationView> {
    await this.uow.run(async (tx) => {
      const n = await this.store.load(tx, id);
      if (!mayReadNomination(actor, n)) throw new NotFoundError('nomination', id);
      if (!hasRole(actor, 'assessor')) throw new ForbiddenError('expert scores are given by assessors', 'not_assessor');
      NOMINATION_STATE_MACHINE.next(n.status, 'score');
      if (n.scores.some((s) => s.assessorId === actor.userId)) {
        throw new ConflictError('nomination_already_scored', 'you have already scored this nomination', { state: n.status });
      }
      const scores = [
        ...n.scores,
        { assessorId: actor.userId, assessorName: actor.displayName, score: input.score, comment: input.comment ?? null, at: this.now() },
      ];
      await this.step(
        tx,
        actor,
        n,
        'score',
        null,
        { scores, reviewScore: trimmedMean(scores.map((s) => s.score)) },
        { score: input.score },
      );
    });
    return this.nominations.get(actor, id);
  }

  /** Starts the 7-day public notice (a city officer), once at least three assessors have scored (409 naming the count). */
  async publish(actor: Principal, id: string, input: PublishNominationInput): Promise<NominationView> {
    await this.uow.run(async (tx) => {
      const n = await this.forCity(tx, actor, id, 'puts nominations on public notice');
      NOMINATION_STATE_MACHINE.next(n.status, 'publish');
      if (n.scores.length < MIN_ASSESSORS) {
        throw new ConflictError(
          'nomination_scores_missing',
          `the review needs at least ${MIN_ASSESSORS} expert scores; this nomination has ${n.scores.length}`,
          { state: n.status, scores: n.scores.length, required: MIN_ASSESSORS },
        );
      }
      const start = this.clock.now();
      const after = await this.step(tx, actor, n, 'publish', input.reason ?? null, {
        noticeStartsAt: start,
        noticeEndsAt: noticeEnd(start),
      });
      await this.notifyNominee(
        tx,
        after,
        '申报进入公示',
        `“${after.title}”专家评审得分 ${after.reviewScore}，公示期至 ${after.noticeEndsAt!.toISOString().slice(0, 10)}。`,
      );
    });
    return this.nominations.get(actor, id);
  }

  /** An objection during the notice (any signed-in user); 409 once the notice is over. */
  async object(actor: Principal, id: string, input: ObjectNominationInput): Promise<NominationView> {
    let objectionId = '';
    await this.uow.run(async (tx) => {
      const n = await this.store.load(tx, id);
      if (!mayReadNomination(actor, n)) throw new NotFoundError('nomination', id);
      NOMINATION_STATE_MACHINE.next(n.status, 'object');
      if (this.clock.now() >= n.noticeEndsAt!) {
        throw new ConflictError('nomination_notice_over', `the public notice ended at ${n.noticeEndsAt!.toISOString()}`, {
          state: n.status,
        });
      }
      objectionId = randomUUID();
      const objection = {
        id: objectionId,
        text: input.text,
        raisedBy: actor.userId,
        raisedAt: this.now(),
        answer: null,
        answeredBy: null,
        answeredAt: null,
      };
      await this.step(tx, actor, n, 'object', null, { objections: [...n.objections, objection] }, { objectionId });
      const cityOfficers = await this.identity.holdersOf('city_officer', undefined, tx);
      if (cityOfficers.length) {
        await this.notifications.notify(tx, {
          recipients: { userIds: cityOfficers },
          kind: 'nomination.objection-raised',
          title: '公示期间收到异议',
          body: `“${n.title}”收到异议，请核实并答复。`,
          link: `/nominations/${n.id}`,
          data: { nominationId: n.id, objectionId },
          dedupeKey: `nomination.objection-raised:${objectionId}`,
        });
      }
    });
    return this.nominations.get(actor, id);
  }

  /** The city's answer to an objection (a city officer); each objection is answered once. */
  async answer(actor: Principal, id: string, objectionId: string, input: AnswerObjectionInput): Promise<NominationView> {
    await this.uow.run(async (tx) => {
      const n = await this.forCity(tx, actor, id, 'answers objections');
      NOMINATION_STATE_MACHINE.next(n.status, 'answer');
      const objection = n.objections.find((o) => o.id === objectionId);
      if (!objection) throw new NotFoundError('objection', objectionId);
      if (objection.answer !== null) {
        throw new ConflictError('objection_already_answered', `objection ${objectionId} was answered at ${objection.answeredAt}`, {
          state: 'answered',
        });
      }
      const objections = n.objections.map((o) =>
        o.id === objectionId ? { ...o, answer: input.answer, answeredBy: actor.userId, answeredAt: this.now() } : o,
      );
      await this.step(tx, actor, n, 'answer', input.answer, { objections }, { objectionId });
    });
    return this.nominations.get(actor, id);
  }

  /**
   * The award (a city officer): once the notice is over and every objection answered (409
   * naming what is missing), at most 500,000 CNY in integer fen (400 above it). A concurrent
   * second award of the same nomination loses on the status (409 naming `awarded`).
   */
  async award(actor: Principal, id: string, input: AwardNominationInput): Promise<NominationView> {
    await this.uow.run(async (tx) => {
      const n = await this.forCity(tx, actor, id, 'awards');
      NOMINATION_STATE_MACHINE.next(n.status, 'award');
      if (this.clock.now() < n.noticeEndsAt!) {
        throw new ConflictError('nomination_notice_running', `the public notice runs until ${n.noticeEndsAt!.toISOString()}`, {
          state: n.status,
          noticeEndsAt: n.noticeEndsAt!.toISOString(),
        });
      }
      const open = n.objections.filter((o) => o.answer === null).length;
      if (open) {
        throw new ConflictError('nomination_objections_open', `${open} objection(s) of the public notice are not answered yet`, {
          state: n.status,
          openObjections: open,
        });
      }
      const now = this.clock.now();
      const after = await this.step(
        tx,
        actor,
        n,
        'award',
        input.reason ?? null,
        { awardFen: input.amountFen, awardedAt: now },
        {
          before: { awardFen: n.awardFen },
          after: { awardFen: input.amountFen },
        },
      );
      await this.notifyNominee(
        tx,
        after,
        `获评${CATEGORY_NAMES[after.category]}`,
        `“${after.title}”公示期满，获评${CATEGORY_NAMES[after.category]}${input.amountFen ? `，奖励 ${yuan(input.amountFen)}` : ''}。`,
      );
    });
    return this.nominations.get(actor, id);
  }

  /**
   * Rejects a nomination with a reason: the district officer before recommending it, a city
   * officer afterwards (an upheld objection ends a notice this way). The subject may be nominated again.
   */
  async reject(actor: Principal, id: string, input: RejectNominationInput): Promise<NominationView> {
    await this.uow.run(async (tx) => {
      const n = await this.store.load(tx, id);
      if (n.status === 'nominated') this.assertDistrictOfficer(actor, n, 'rejects');
      else if (!hasRole(actor, 'city_officer')) {
        if (!mayReadNomination(actor, n)) throw new NotFoundError('nomination', id);
        throw new ForbiddenError('after the district recommendation, nominations are rejected by city officers', 'not_city_officer');
      }
      const after = await this.step(tx, actor, n, 'reject', input.reason, { liveSubjectKey: null });
      await this.notifyNominee(tx, after, '申报未通过', `“${after.title}”未通过。原因：${input.reason}`);
    });
    return this.nominations.get(actor, id);
  }

  // ------------------------------------------------------------------ internals

  private now(): string {
    return this.clock.now().toISOString();
  }

  /** The transition with its history entry and audit record. */
  private async step(
    tx: EntityManager,
    actor: Principal,
    n: Nomination,
    action: NominationAction,
    reason: string | null,
    changes: Partial<Nomination>,
    data: Record<string, unknown> = {},
  ): Promise<Nomination> {
    const status = NOMINATION_STATE_MACHINE.next(n.status, action);
    const entry: NominationStep = { action, fromStatus: n.status, toStatus: status, reason, actorId: actor.userId, at: this.now() };
    const after = await this.store.transition(tx, n, action, { ...changes, status, history: [...n.history, entry] });
    await this.audit.record(tx, {
      actorId: actor.userId,
      action: `nomination.${action}`,
      entityType: 'nomination',
      entityId: n.id,
      reason,
      data: { fromStatus: n.status, toStatus: status, ...data },
    });
    return after;
  }

  /** The nomination for a city officer: 404 for those who may not see it, 403 for others. */
  private async forCity(tx: EntityManager, actor: Principal, id: string, what: string): Promise<Nomination> {
    const n = await this.store.load(tx, id);
    if (!hasRole(actor, 'city_officer')) {
      if (!mayReadNomination(actor, n)) throw new NotFoundError('nomination', id);
      throw new ForbiddenError(`only city officers ${what}`, 'not_city_officer');
    }
    return n;
  }

  private assertDistrictOfficer(actor: Principal, n: Nomination, what: string): void {
    if (isDistrictOfficerFor(actor, n.district)) return;
    if (!mayReadNomination(actor, n) && !hasRole(actor, 'district_officer')) throw new NotFoundError('nomination', n.id);
    throw new ForbiddenError(`the officer of district ${n.district} ${what} this nomination`, 'not_your_district');
  }

  private async notifyNominee(tx: EntityManager, n: Nomination, title: string, body: string): Promise<void> {
    await this.notifications.notify(tx, {
      recipients: { organisationIds: [n.nomineeId], userIds: [n.nominatedBy] },
      kind: `nomination.${n.status.replaceAll('_', '-')}`,
      title,
      body,
      link: `/nominations/${n.id}`,
      data: { nominationId: n.id, status: n.status },
      dedupeKey: `nomination.${n.status}:${n.id}:${n.history.length}`,
    });
  }
}
