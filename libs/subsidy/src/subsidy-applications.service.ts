import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager, QueryFailedError } from 'typeorm';
import {
  CLOCK,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  StateConflictError,
  UnitOfWork,
  hasRole,
  isMember,
  isUuid,
} from '@smedx/platform';
import type { Clock, Principal } from '@smedx/platform';
import { AuditService } from '@smedx/audit';
import { DocumentsService } from '@smedx/documents';
import { IdentityService } from '@smedx/identity';
import { DirectoryService, isDistrictOfficerFor } from '@smedx/directory';
import { NotificationsService } from '@smedx/notifications';
import { ProjectsService } from '@smedx/projects';
import { BlacklistService } from './blacklist.service.js';
import type {
  CreateChangeRequestInput,
  CreateSubsidyApplicationInput,
  DecideChangeRequestInput,
  DisburseSubsidyInput,
  ListSubsidyApplicationsQuery,
  ResubmitSubsidyApplicationInput,
  ReviewSubsidyApplicationInput,
  RevokeSubsidyInput,
} from './dto/subsidy.dto.js';
import { SubsidyApplication } from './entities/subsidy-application.entity.js';
import type { SubsidyChangeRequest, SubsidyDecision } from './entities/subsidy-application.entity.js';
import { assertEligible, subsidyAmounts } from './subsidy-rules.js';
import { SUBSIDY_DOCUMENT_OWNER } from './subsidy-documents.js';
import { formatFen, isLive, SUBSIDY_STATE_MACHINE } from '@smedx/contracts';
import type { SubsidyAction, SubsidyStatus } from '@smedx/contracts';
import { mayReadApplication, reviewStage, reviewedDistricts } from './subsidy.policy.js';
import { subsidyApplicationView } from './subsidy.views.js';
import type { Page, SubsidyApplicationView } from './subsidy.views.js';

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
 * its district, re-review (复核) by the city, payment, change requests and
 * revocation for fraud. Each step is one transaction with its audit entry
 * and notification; a status change is written conditionally on the status
 * read, after taking the row's lock on PostgreSQL.
 */
@Injectable()
export class SubsidyApplicationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly directory: DirectoryService,
    private readonly notifications: NotificationsService,
    private readonly projects: ProjectsService,
    private readonly blacklist: BlacklistService,
    private readonly identity: IdentityService,
    private readonly documents: DocumentsService,
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
      await this.notifyEnterprise(
        tx,
        saved,
        'subsidy.submitted',
        '专项资金申报已提交',
        `申报金额 ${formatFen(saved.amountFen)}，等待区县工信部门初审。`,
      );
      await this.notifyReviewers(tx, saved, 'district');
      return saved.id;
    });
    return this.get(actor, id);
  }

  /** The names of the people who took the applications' steps (办理记录), by user id, in one query. */
  private async people(applications: readonly SubsidyApplication[]): Promise<Map<string, string>> {
    const ids = [...new Set(applications.flatMap((a) => a.history.map((h) => h.actorId)))];
    return new Map((await this.identity.contacts(ids, [])).map((c) => [c.userId, c.displayName]));
  }

  /** One application, for those who may read it (404 for others). */
  async get(actor: Principal, id: string): Promise<SubsidyApplicationView> {
    const application = isUuid(id) ? await this.dataSource.manager.findOneBy(SubsidyApplication, { id }) : null;
    if (!application || !mayReadApplication(actor, application)) throw new NotFoundError('subsidy_application', id);
    const [enterprise] = await this.directory.enterprisesByIds([application.enterpriseId]);
    return subsidyApplicationView(application, enterprise?.name ?? null, await this.people([application]));
  }

  /**
   * Applications, latest submission first: all for city officers and admins,
   * those of their districts for district officers, their own enterprises'
   * for members; 403 for anyone else.
   */
  async list(actor: Principal, query: ListSubsidyApplicationsQuery): Promise<Page<SubsidyApplicationView>> {
    const qb = this.dataSource.getRepository(SubsidyApplication).createQueryBuilder('a');
    if (!hasRole(actor, 'city_officer', 'admin')) {
      const districts = reviewedDistricts(actor);
      const enterprises = actor.memberships.filter((m) => m.kind === 'enterprise').map((m) => m.organisationId);
      if (!districts.length && !enterprises.length) {
        throw new ForbiddenError('only officers and members of enterprises list subsidy applications', 'not_member');
      }
      qb.where(
        new Brackets((w) => {
          if (districts.length) w.orWhere('a.district IN (:...districts)', { districts });
          if (enterprises.length) w.orWhere('a.enterpriseId IN (:...enterprises)', { enterprises });
        }),
      );
    }
    if (query.enterpriseId) qb.andWhere('a.enterpriseId = :enterpriseId', { enterpriseId: query.enterpriseId });
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    const [rows, total] = await qb
      .orderBy('a.submittedAt', 'DESC')
      .addOrderBy('a.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const names = new Map(
      (await this.directory.enterprisesByIds([...new Set(rows.map((r) => r.enterpriseId))])).map((e) => [e.id, e.name]),
    );
    const people = await this.people(rows);
    return {
      items: rows.map((r) => subsidyApplicationView(r, names.get(r.enterpriseId) ?? null, people)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /**
   * A review decision. The stage follows from the caller: the officer of the
   * enterprise's district decides the preliminary review (初审), a city
   * officer the re-review (复核); 403 for anyone else who may see the
   * application, 409 naming the status when that stage cannot act on it.
   */
  async review(actor: Principal, id: string, input: ReviewSubsidyApplicationInput): Promise<SubsidyApplicationView> {
    await this.uow.run(async (tx) => {
      const application = await this.load(tx, id);
      const stage = reviewStage(actor, application);
      if (!stage) {
        if (!mayReadApplication(actor, application) && !hasRole(actor, 'district_officer')) {
          throw new NotFoundError('subsidy_application', id);
        }
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
      await this.transition(tx, application, action, changes);
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
      await this.notifyEnterprise(
        tx,
        after,
        `subsidy.${stage}-${outcome}`,
        `专项资金申报${stageName}${verdict}`,
        `当前状态：${STATUS_NAMES[status]}。${action === 'city_approve' ? `批准金额 ${formatFen(application.amountFen)}。` : ''}${input.reason ? `意见：${input.reason}` : ''}`,
      );
      if (action === 'district_approve') await this.notifyReviewers(tx, after, 'city');
    });
    return this.get(actor, id);
  }

  /**
   * Resubmits a returned application (a member of the enterprise), with
   * corrected lines if given; it goes back to the district's preliminary
   * review. The exclusions and the blacklist are checked again.
   */
  async resubmit(actor: Principal, id: string, input: ResubmitSubsidyApplicationInput): Promise<SubsidyApplicationView> {
    await this.uow.run(async (tx) => {
      const application = await this.forEnterpriseMember(tx, actor, id, 'only members of the enterprise resubmit its application');
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
      await this.transition(tx, application, 'resubmit', changes);
      const after = { ...application, ...changes };
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'subsidy.resubmitted',
        entityType: 'subsidy_application',
        entityId: id,
        reason: input.note ?? null,
        data: { linesChanged: !!input.lines, before: figures(application), after: figures(after) },
      });
      await this.notifyEnterprise(
        tx,
        after,
        'subsidy.resubmitted',
        '专项资金申报已重新提交',
        `申报金额 ${formatFen(after.amountFen)}，等待区县工信部门初审。`,
      );
      await this.notifyReviewers(tx, after, 'district');
    });
    return this.get(actor, id);
  }

  /** Records the payment (a city officer): at most the approved amount (400 naming `paidFen`). */
  async disburse(actor: Principal, id: string, input: DisburseSubsidyInput): Promise<SubsidyApplicationView> {
    await this.uow.run(async (tx) => {
      const application = await this.load(tx, id);
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
      await this.transition(tx, application, 'disburse', changes);
      const after = { ...application, ...changes };
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'subsidy.disbursed',
        entityType: 'subsidy_application',
        entityId: id,
        data: { paidFen: input.paidFen, reference: input.reference ?? null, before: figures(application), after: figures(after) },
      });
      await this.notifyEnterprise(tx, after, 'subsidy.disbursed', '专项资金已拨付', `拨付金额 ${formatFen(input.paidFen)}。`);
    });
    return this.get(actor, id);
  }

  /**
   * Revokes an application for fraud (a city officer), in one transaction:
   * the status becomes `revoked`, what was paid is due for clawback, and the
   * enterprise is blacklisted for three years.
   */
  async revoke(actor: Principal, id: string, input: RevokeSubsidyInput): Promise<SubsidyApplicationView> {
    await this.uow.run(async (tx) => {
      const application = await this.load(tx, id);
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
      await this.transition(tx, application, 'revoke', changes);
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
      await this.notifyEnterprise(
        tx,
        after,
        'subsidy.revoked',
        '专项资金申报已撤销',
        `经核查申报材料弄虚作假，取消申报资格${after.clawbackFen ? `，应退回已拨付资金 ${formatFen(after.clawbackFen)}` : ''}。原因：${input.reason}`,
      );
    });
    return this.get(actor, id);
  }

  /** Asks for a major change (第九条) of the project (a member of the enterprise); one pending request at a time. */
  async requestChange(actor: Principal, id: string, input: CreateChangeRequestInput): Promise<SubsidyApplicationView> {
    await this.uow.run(async (tx) => {
      const application = await this.forEnterpriseMember(tx, actor, id, 'only members of the enterprise request a change');
      SUBSIDY_STATE_MACHINE.next(application.status, 'request_change');
      const pending = application.changes.find((c) => c.status === 'pending');
      if (pending) {
        throw new ConflictError('subsidy_change_pending', `change request ${pending.id} is still awaiting the district's decision`, {
          changeId: pending.id,
        });
      }
      const now = this.clock.now();
      const change: SubsidyChangeRequest = {
        id: randomUUID(),
        kind: input.kind,
        description: input.description,
        reason: input.reason,
        status: 'pending',
        requestedBy: actor.userId,
        requestedAt: now.toISOString(),
        decidedBy: null,
        decidedAt: null,
        decisionReason: null,
        filedWithCityAt: null,
      };
      await this.transition(tx, application, 'request_change', { changes: [...application.changes, change] });
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'subsidy.change_requested',
        entityType: 'subsidy_application',
        entityId: id,
        reason: input.reason,
        data: { changeId: change.id, kind: input.kind, description: input.description },
      });
    });
    return this.get(actor, id);
  }

  /**
   * The district's decision on a change request (the officer of the
   * enterprise's district); an approved change is filed with the city (备案).
   */
  async decideChange(actor: Principal, id: string, changeId: string, input: DecideChangeRequestInput): Promise<SubsidyApplicationView> {
    await this.uow.run(async (tx) => {
      const application = await this.load(tx, id);
      if (!isDistrictOfficerFor(actor, application.district)) {
        if (!mayReadApplication(actor, application) && !hasRole(actor, 'district_officer')) {
          throw new NotFoundError('subsidy_application', id);
        }
        throw new ForbiddenError(
          `change requests are decided by the officer of district ${application.district} and filed with the city`,
          'not_your_district',
        );
      }
      SUBSIDY_STATE_MACHINE.next(application.status, 'decide_change');
      const change = application.changes.find((c) => c.id === changeId);
      if (!change) throw new NotFoundError('change_request', changeId);
      if (change.status !== 'pending') throw new StateConflictError('change_request', change.status, input.decision);
      const now = this.clock.now().toISOString();
      const decided: SubsidyChangeRequest = {
        ...change,
        status: input.decision === 'approve' ? 'approved' : 'rejected',
        decidedBy: actor.userId,
        decidedAt: now,
        decisionReason: input.reason ?? null,
        filedWithCityAt: input.decision === 'approve' ? now : null,
      };
      await this.transition(tx, application, 'decide_change', {
        changes: application.changes.map((c) => (c.id === changeId ? decided : c)),
      });
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: input.decision === 'approve' ? 'subsidy.change_approved' : 'subsidy.change_rejected',
        entityType: 'subsidy_application',
        entityId: id,
        reason: input.reason ?? null,
        data: { changeId, kind: change.kind, filedWithCity: input.decision === 'approve' },
      });
      await this.notifyEnterprise(
        tx,
        application,
        `subsidy.change-${decided.status}`,
        input.decision === 'approve' ? '项目变更申请已获区县同意并报市工信局备案' : '项目变更申请未获区县同意',
        `${change.description}${input.reason ? `。意见：${input.reason}` : ''}`,
        `subsidy.change:${changeId}`,
      );
    });
    return this.get(actor, id);
  }

  // ------------------------------------------------------------------ internals

  /** The application with its row locked for the transaction on PostgreSQL (SQLite runs write transactions one at a time). */
  private async load(tx: EntityManager, id: string): Promise<SubsidyApplication> {
    const qb = tx.getRepository(SubsidyApplication).createQueryBuilder('a').where('a.id = :id', { id });
    if (this.dataSource.options.type === 'postgres') qb.setLock('pessimistic_write');
    const application = isUuid(id) ? await qb.getOne() : null;
    if (!application) throw new NotFoundError('subsidy_application', id);
    return application;
  }

  /** The application for a member of its enterprise: 404 for those who may not see it, 403 for officers. */
  private async forEnterpriseMember(tx: EntityManager, actor: Principal, id: string, message: string): Promise<SubsidyApplication> {
    const application = await this.load(tx, id);
    if (!mayReadApplication(actor, application)) throw new NotFoundError('subsidy_application', id);
    if (!isMember(actor, application.enterpriseId)) throw new ForbiddenError(message, 'not_member');
    return application;
  }

  /** Writes a change conditional on the status read: a concurrent change makes it a 409 naming the new status. */
  private async transition(
    tx: EntityManager,
    application: SubsidyApplication,
    action: SubsidyAction,
    changes: Partial<SubsidyApplication>,
  ): Promise<void> {
    const result = await tx.update(SubsidyApplication, { id: application.id, status: application.status }, changes);
    if (!result.affected) {
      const current = await tx.findOneBy(SubsidyApplication, { id: application.id });
      SUBSIDY_STATE_MACHINE.next(current?.status ?? application.status, action);
      throw new ConflictError('subsidy_application_changed', 'the application changed meanwhile; reload and try again');
    }
  }

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

  private async notifyEnterprise(
    tx: EntityManager,
    application: Pick<SubsidyApplication, 'id' | 'enterpriseId' | 'status' | 'history'>,
    kind: string,
    title: string,
    body: string,
    dedupeKey = `${kind}:${application.id}:${application.history.length}`,
  ): Promise<void> {
    await this.notifications.notify(tx, {
      recipients: { organisationIds: [application.enterpriseId] },
      kind,
      title,
      body,
      link: `/subsidy-applications/${application.id}`,
      data: { applicationId: application.id, status: application.status },
      dedupeKey,
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
