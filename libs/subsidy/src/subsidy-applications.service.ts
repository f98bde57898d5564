import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, QueryFailedError } from 'typeorm';
import { CLOCK, ConflictError, ForbiddenError, InvalidInputError, NotFoundError, UnitOfWork, hasRole, isMember } from '@smedx/platform';
import type { Clock, Principal } from '@smedx/platform';
import { AuditService } from '@smedx/audit';
import { DocumentsService } from '@smedx/documents';
import { IdentityService } from '@smedx/identity';
import { DirectoryService } from '@smedx/directory';
import { NotificationsService } from '@smedx/notifications';
import { ProjectsService } from '@smedx/projects';
import { BlacklistService } from './blacklist.service.js';
import type {
  CreateSubsidyApplicationInput,
  DisburseSubsidyInput,
  ResubmitSubsidyApplicationInput,
  ReviewSubsidyApplicationInput,
  RevokeSubsidyInput,
} from './dto/subsidy.dto.js';
import { SubsidyApplication } from './entities/subsidy-application.entity.js';
import type { SubsidyDecision } from './entities/subsidy-application.entity.js';
import { assertEligible, subsidyAmounts } from './subsidy-rules.js';
import { SUBSIDY_DOCUMENT_OWNER } from './subsidy-documents.js';
import { formatFen, isLive, SUBSIDY_STATE_MACHINE } from '@smedx/contracts';
import type { SubsidyAction, SubsidyStatus } from '@smedx/contracts';
import { SubsidyApplicationQueriesService } from './subsidy-application-queries.service.js';
import { SubsidyApplicationSteps } from './subsidy-application-steps.js';
import { mayKnowOfApplication, reviewStage } from './subsidy.policy.js';
import type { SubsidyApplicationView } from './subsidy.views.js';

/** The money figures of an application, as the audit trail records them before and after each step. */
type Figures = Pick<SubsidyApplication, 'status' | 'eligibleFen' | 'amountFen' | 'approvedFen' | 'disbursedFen' | 'clawbackFen'>;

const figures = (a: Figures): Figures => ({
  status: a.status,
  eligibleFen: a.eligibleFen,
  amountFen: a.amountFen,
  approvedFen: a.approvedFen,
  disbursedFen: a.disbursedFen,
  clawbackFen: a.clawbackFen,
});

const STATUS_NAMES: Readonly<Record<SubsidyStatus, string>> = {
  submitted: '已申报，待区县初审',
  returned: '已退回修改',
  district_approved: '区县初审通过，待市级复核',
  approved: '市级复核通过',
  disbursed: '已拨付',
  rejected: '未通过',
  revoked: '已撤销',
};

/**
 * Applications for the programme subsidy (专项资金): submission by an
 * enterprise with an accepted level-2+ project, preliminary review (初审) by
 * its district, re-review (复核) by the city, payment and revocation for
 * fraud. Each step is one transaction with its audit entry and notification;
 * a status change is written conditionally on the status read, after taking
 * the row's lock on PostgreSQL ({@link SubsidyApplicationSteps}). Change
 * requests live in {@link SubsidyChangeRequestsService}, the reads in
 * {@link SubsidyApplicationQueriesService}.
 */
@Injectable()
export class SubsidyApplicationsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly directory: DirectoryService,
    private readonly notifications: NotificationsService,
    private readonly projects: ProjectsService,
    private readonly blacklist: BlacklistService,
    private readonly identity: IdentityService,
    private readonly documents: DocumentsService,
    private readonly steps: SubsidyApplicationSteps,
    private readonly queries: SubsidyApplicationQueriesService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Submits an application (a member of the enterprise) with its documents.
   * 400 when the project is not the enterprise's, 409 with a code naming the
   * rule when the enterprise or the project is not eligible, or naming the
   * required documents missing (`SUBSIDY_DOCUMENT_KINDS`).
   */
  async submit(actor: Principal, input: CreateSubsidyApplicationInput): Promise<SubsidyApplicationView> {
    if (!isMember(actor, input.enterpriseId)) {
      throw new ForbiddenError('only members of the enterprise apply for its subsidy', 'not_member');
    }
    const [project] = await this.projects.projectsByIds([input.projectId]);
    if (!project || project.enterpriseId !== input.enterpriseId) {
      throw new InvalidInputError([{ field: 'projectId', reason: 'is not a project of this enterprise' }], 'project_not_own');
    }
    // An accepted project and its passed acceptance never change again, so they are read before the transaction.
    const { acceptances } = await this.projects.get(actor, project.id);
    const passed = acceptances.find((a) => a.result === 'pass');
    const amounts = subsidyAmounts(input.lines);
    const id = await this.uow.run(async (tx) => {
      const enterprise = await this.directory.lockEnterprise(tx, input.enterpriseId);
      const live = await tx.findOneBy(SubsidyApplication, { liveProjectId: project.id });
      assertEligible({
        enterprise,
        blacklistedUntil: (await this.blacklist.activeEntry(enterprise.id, tx))?.until ?? null,
        project,
        passedLevel: passed?.levelAfter ?? null,
        liveApplicationId: live?.id ?? null,
      });
      this.documents.assertComplete(
        SUBSIDY_DOCUMENT_OWNER,
        input.documents.map((d) => d.kind),
      );
      const now = this.clock.now();
      const application = tx.create(SubsidyApplication, {
        enterpriseId: enterprise.id,
        projectId: project.id,
        liveProjectId: project.id,
        district: enterprise.district,
        levelAfter: passed!.levelAfter,
        lines: input.lines,
        totalInvestmentFen: amounts.totalInvestmentFen,
        eligibleFen: amounts.eligibleFen,
        amountFen: amounts.amountFen,
        approvedFen: null,
        disbursedFen: null,
        clawbackFen: null,
        status: 'submitted',
        history: [decision('submit', null, null, 'submitted', null, actor, now)],
        changes: [],
        submittedBy: actor.userId,
        submittedAt: now,
        approvedAt: null,
        disbursedAt: null,
        paymentReference: null,
        revokedAt: null,
      });
      const saved = await this.insert(tx, application);
      await this.documents.attachSubmitted(tx, actor, SUBSIDY_DOCUMENT_OWNER, saved.id, input.documents);
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'subsidy.submitted',
        entityType: 'subsidy_application',
        entityId: saved.id,
        data: {
          projectId: project.id,
          levelAfter: saved.levelAfter,
          totalInvestmentFen: saved.totalInvestmentFen,
          before: null,
          after: figures(saved),
        },
      });
      await this.steps.notifyEnterprise(
        tx,
        saved,
        'subsidy.submitted',
        '专项资金申报已提交',
        `申报金额 ${formatFen(saved.amountFen)}，等待区县工信部门初审。`,
      );
      await this.notifyReviewers(tx, saved, 'district');
      return saved.id;
    });
    return this.queries.get(actor, id);
  }

  /**
   * A review decision. The stage follows from the caller: the officer of the
   * enterprise's district decides the preliminary review (初审), a city
   * officer the re-review (复核); 403 for anyone else who may see the
   * application, 409 naming the status when that stage cannot act on it.
   */
  async review(actor: Principal, id: string, input: ReviewSubsidyApplicationInput): Promise<SubsidyApplicationView> {
    await this.uow.run(async (tx) => {
      const application = await this.steps.load(tx, id);
      const stage = reviewStage(actor, application);
      if (!stage) {
        if (!mayKnowOfApplication(actor, application)) throw new NotFoundError('subsidy_application', id);
        throw new ForbiddenError(
          hasRole(actor, 'district_officer')
            ? `the preliminary review (初审) of this application belongs to the officer of district ${application.district}`
            : 'subsidy applications are reviewed by the district officer (初审) and city officers (复核)',
          hasRole(actor, 'district_officer') ? 'not_your_district' : 'not_reviewer',
        );
      }
      const action = `${stage}_${input.decision}` as SubsidyAction;
      const status = SUBSIDY_STATE_MACHINE.next(application.status, action);
      const now = this.clock.now();
      const changes: Partial<SubsidyApplication> = {
        status,
        history: [...application.history, decision(input.decision, stage, application.status, status, input.reason ?? null, actor, now)],
        ...(isLive(status) ? {} : { liveProjectId: null }),
        ...(action === 'city_approve' ? { approvedFen: application.amountFen, approvedAt: now } : {}),
      };
      await this.steps.transition(tx, application, action, changes);
      const after = { ...application, ...changes };
      const outcome = input.decision === 'approve' ? 'approved' : input.decision === 'return' ? 'returned' : 'rejected';
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: `subsidy.${stage}_${outcome}`,
        entityType: 'subsidy_application',
        entityId: id,
        reason: input.reason ?? null,
        data: { stage, decision: input.decision, before: figures(application), after: figures(after) },
      });
      const stageName = stage === 'district' ? '区县初审' : '市级复核';
      const verdict = input.decision === 'approve' ? '通过' : input.decision === 'return' ? '退回修改' : '未通过';
      await this.steps.notifyEnterprise(
        tx,
        after,
        `subsidy.${stage}-${outcome}`,
        `专项资金申报${stageName}${verdict}`,
        `当前状态：${STATUS_NAMES[status]}。${action === 'city_approve' ? `批准金额 ${formatFen(application.amountFen)}。` : ''}${input.reason ? `意见：${input.reason}` : ''}`,
      );
      if (action === 'district_approve') await this.notifyReviewers(tx, after, 'city');
    });
    return this.queries.get(actor, id);
  }

  /**
   * Resubmits a returned application (a member of the enterprise), with
   * corrected lines if given; it goes back to the district's preliminary
   * review. The exclusions and the blacklist are checked again.
   */
  async resubmit(actor: Principal, id: string, input: ResubmitSubsidyApplicationInput): Promise<SubsidyApplicationView> {
    await this.uow.run(async (tx) => {
      const application = await this.steps.forEnterpriseMember(tx, actor, id, 'only members of the enterprise resubmit its application');
      const status = SUBSIDY_STATE_MACHINE.next(application.status, 'resubmit');
      const enterprise = await this.directory.lockEnterprise(tx, application.enterpriseId);
      assertEligible({
        enterprise,
        blacklistedUntil: (await this.blacklist.activeEntry(enterprise.id, tx))?.until ?? null,
        project: { status: 'accepted' },
        passedLevel: application.levelAfter,
        liveApplicationId: null,
      });
      this.documents.assertComplete(SUBSIDY_DOCUMENT_OWNER, await this.documents.presentKinds(SUBSIDY_DOCUMENT_OWNER, id, tx));
      const now = this.clock.now();
      const lines = input.lines ?? application.lines;
      const amounts = subsidyAmounts(lines);
      const changes: Partial<SubsidyApplication> = {
        status,
        lines,
        totalInvestmentFen: amounts.totalInvestmentFen,
        eligibleFen: amounts.eligibleFen,
        amountFen: amounts.amountFen,
        submittedAt: now,
        history: [...application.history, decision('resubmit', null, application.status, status, input.note ?? null, actor, now)],
      };
      await this.steps.transition(tx, application, 'resubmit', changes);
      const after = { ...application, ...changes };
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'subsidy.resubmitted',
        entityType: 'subsidy_application',
        entityId: id,
        reason: input.note ?? null,
        data: { linesChanged: !!input.lines, before: figures(application), after: figures(after) },
      });
      await this.steps.notifyEnterprise(
        tx,
        after,
        'subsidy.resubmitted',
        '专项资金申报已重新提交',
        `申报金额 ${formatFen(after.amountFen)}，等待区县工信部门初审。`,
      );
      await this.notifyReviewers(tx, after, 'district');
    });
    return this.queries.get(actor, id);
  }

  /** Records the payment (a city officer): at most the approved amount (400 naming `paidFen`). */
  async disburse(actor: Principal, id: string, input: DisburseSubsidyInput): Promise<SubsidyApplicationView> {
    await this.uow.run(async (tx) => {
      const application = await this.steps.load(tx, id);
      const status = SUBSIDY_STATE_MACHINE.next(application.status, 'disburse');
      if (input.paidFen > application.approvedFen!) {
        throw new InvalidInputError([{ field: 'paidFen', reason: `must be at most the approved amount ${application.approvedFen} fen` }]);
      }
      const now = this.clock.now();
      const changes: Partial<SubsidyApplication> = {
        status,
        disbursedFen: input.paidFen,
        disbursedAt: now,
        paymentReference: input.reference ?? null,
        history: [...application.history, decision('disburse', null, application.status, status, input.reference ?? null, actor, now)],
      };
      await this.steps.transition(tx, application, 'disburse', changes);
      const after = { ...application, ...changes };
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'subsidy.disbursed',
        entityType: 'subsidy_application',
        entityId: id,
        data: { paidFen: input.paidFen, reference: input.reference ?? null, before: figures(application), after: figures(after) },
      });
      await this.steps.notifyEnterprise(tx, after, 'subsidy.disbursed', '专项资金已拨付', `拨付金额 ${formatFen(input.paidFen)}。`);
    });
    return this.queries.get(actor, id);
  }

  /**
   * Revokes an application for fraud (a city officer), in one transaction:
   * the status becomes `revoked`, what was paid is due for clawback, and the
   * enterprise is blacklisted for three years.
   */
  async revoke(actor: Principal, id: string, input: RevokeSubsidyInput): Promise<SubsidyApplicationView> {
    await this.uow.run(async (tx) => {
      const application = await this.steps.load(tx, id);
      const status = SUBSIDY_STATE_MACHINE.next(application.status, 'revoke');
      await this.directory.lockEnterprise(tx, application.enterpriseId);
      const now = this.clock.now();
      const changes: Partial<SubsidyApplication> = {
        status,
        liveProjectId: null,
        clawbackFen: application.disbursedFen ?? 0,
        revokedAt: now,
        history: [...application.history, decision('revoke', null, application.status, status, input.reason, actor, now)],
      };
      await this.steps.transition(tx, application, 'revoke', changes);
      const after = { ...application, ...changes };
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'subsidy.revoked',
        entityType: 'subsidy_application',
        entityId: id,
        reason: input.reason,
        data: { before: figures(application), after: figures(after) },
      });
      await this.blacklist.addIn(tx, actor, {
        enterpriseId: application.enterpriseId,
        reason: input.reason,
        source: 'fraud_revocation',
        applicationId: id,
      });
      await this.steps.notifyEnterprise(
        tx,
        after,
        'subsidy.revoked',
        '专项资金申报已撤销',
        `经核查申报材料弄虚作假，取消申报资格${after.clawbackFen ? `，应退回已拨付资金 ${formatFen(after.clawbackFen)}` : ''}。原因：${input.reason}`,
      );
    });
    return this.queries.get(actor, id);
  }

  // ------------------------------------------------------------------ internals

  /** Inserts a new application; a concurrent one for the same project loses on the unique live-project index (409). */
  private async insert(tx: EntityManager, application: SubsidyApplication): Promise<SubsidyApplication> {
    try {
      return await tx.save(application);
    } catch (error) {
      const code = (error as QueryFailedError & { driverError?: { code?: string } }).driverError?.code;
      if (error instanceof QueryFailedError && (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE')) {
        throw new ConflictError('subsidy_application_exists', `the project already has a live subsidy application`);
      }
      throw error;
    }
  }

  /**
   * Tells the officers whose review comes next: the district officers of the application's
   * district for 初审, the city officers for 复核. Keyed by the step, so a retried job tells them once.
   */
  private async notifyReviewers(
    tx: EntityManager,
    application: Pick<SubsidyApplication, 'id' | 'district' | 'status' | 'history' | 'amountFen'>,
    stage: 'district' | 'city',
  ): Promise<void> {
    const userIds =
      stage === 'district'
        ? await this.identity.holdersOf('district_officer', application.district, tx)
        : await this.identity.holdersOf('city_officer', undefined, tx);
    if (!userIds.length) return;
    await this.notifications.notify(tx, {
      recipients: { userIds },
      kind: `subsidy.${stage}-review-requested`,
      title: stage === 'district' ? '有专项资金申报待初审' : '有专项资金申报待复核',
      body: `申报金额 ${formatFen(application.amountFen)}，请及时${stage === 'district' ? '初审' : '复核'}。`,
      link: `/subsidy-applications/${application.id}`,
      data: { applicationId: application.id, status: application.status },
      dedupeKey: `subsidy.${stage}-review-requested:${application.id}:${application.history.length}`,
    });
  }
}

function decision(
  action: SubsidyDecision['action'],
  stage: SubsidyDecision['stage'],
  fromStatus: SubsidyStatus | null,
  toStatus: SubsidyStatus,
  reason: string | null,
  actor: Principal,
  at: Date,
): SubsidyDecision {
  return { action, stage, fromStatus, toStatus, reason, actorId: actor.userId, at: at.toISOString() };
}
