import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, ConflictError, ForbiddenError, NotFoundError, StateConflictError, UnitOfWork } from '@smedx/platform';
import type { Clock, Principal } from '@smedx/platform';
import { AuditService } from '@smedx/audit';
import { isDistrictOfficerFor } from '@smedx/directory';
import { SUBSIDY_STATE_MACHINE } from '@smedx/contracts';
import type { CreateChangeRequestInput, DecideChangeRequestInput } from './dto/subsidy.dto.js';
import type { SubsidyChangeRequest } from './entities/subsidy-application.entity.js';
import { SubsidyApplicationQueriesService } from './subsidy-application-queries.service.js';
import { SubsidyApplicationSteps } from './subsidy-application-steps.js';
import { mayKnowOfApplication } from './subsidy.policy.js';
import type { SubsidyApplicationView } from './subsidy.views.js';

/**
 * Major changes (第九条) of a subsidised project: the enterprise requests
 * one, the officer of its district decides it, and an approved change is
 * filed with the city (备案). One pending request at a time.
 */
@Injectable()
export class SubsidyChangeRequestsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly steps: SubsidyApplicationSteps,
    private readonly queries: SubsidyApplicationQueriesService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Asks for a major change (第九条) of the project (a member of the enterprise); one pending request at a time. */
  async requestChange(actor: Principal, id: string, input: CreateChangeRequestInput): Promise<SubsidyApplicationView> {
    await this.uow.run(async (tx) => {
      const application = await this.steps.forEnterpriseMember(tx, actor, id, 'only members of the enterprise request a change');
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
      await this.steps.transition(tx, application, 'request_change', { changes: [...application.changes, change] });
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'subsidy.change_requested',
        entityType: 'subsidy_application',
        entityId: id,
        reason: input.reason,
        data: { changeId: change.id, kind: input.kind, description: input.description },
      });
    });
    return this.queries.get(actor, id);
  }

  /**
   * The district's decision on a change request (the officer of the
   * enterprise's district); an approved change is filed with the city (备案).
   */
  async decideChange(actor: Principal, id: string, changeId: string, input: DecideChangeRequestInput): Promise<SubsidyApplicationView> {
    await this.uow.run(async (tx) => {
      const application = await this.steps.load(tx, id);
      if (!isDistrictOfficerFor(actor, application.district)) {
        if (!mayKnowOfApplication(actor, application)) throw new NotFoundError('subsidy_application', id);
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
      await this.steps.transition(tx, application, 'decide_change', {
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
      await this.steps.notifyEnterprise(
        tx,
        application,
        `subsidy.change-${decided.status}`,
        input.decision === 'approve' ? '项目变更申请已获区县同意并报市工信局备案' : '项目变更申请未获区县同意',
        `${change.description}${input.reason ? `。意见：${input.reason}` : ''}`,
        `subsidy.change:${changeId}`,
      );
    });
    return this.queries.get(actor, id);
  }
}
