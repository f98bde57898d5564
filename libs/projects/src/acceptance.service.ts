import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CLOCK, ConflictError, InvalidInputError, OutboxService, UnitOfWork } from '@smedx/platform';
import type { Clock, Principal } from '@smedx/platform';
import { AuditService } from '@smedx/audit';
import { NeedsService } from '@smedx/demand';
import { DirectoryService, ProviderChanged } from '@smedx/directory';
import { DocumentsService } from '@smedx/documents';
import { NotificationsService } from '@smedx/notifications';
import type { DigitalLevel } from '@smedx/taxonomy';
import type { CreateAcceptanceInput } from './dto/projects.dto.js';
import { Acceptance } from './entities/acceptance.entity.js';
import type { OpenMilestoneReason } from './entities/acceptance.entity.js';
import { Milestone } from './entities/milestone.entity.js';
import { Project } from './entities/project.entity.js';
import { isOpenMilestone, PROJECT_STATE_MACHINE } from '@smedx/contracts';
import { acceptanceView } from './projects.views.js';
import type { AcceptanceView } from './projects.views.js';
import { ProjectsService } from './projects.service.js';
import { PROJECT_DOCUMENT_OWNER } from './project-documents.js';

/**
 * Acceptance (验收测评) by an assessor. One transaction records the result
 * and everything that follows from it:
 *
 * - pass (only with the required evidence attached — {@link ACCEPTANCE_DOCUMENT_KINDS}):
 *   the project is `accepted` (final) and becomes a case on the
 *   provider's page; the enterprise's digital level becomes the level found
 *   (source `acceptance`);
 * - fail: the project goes to `rework` and may be accepted again later;
 * - either way the provider's record is recomputed from the tables (pass rate
 *   = passed / all acceptances of its projects; completed projects = its
 *   accepted projects), `ProviderChanged` lets search and matching follow,
 *   and both parties are notified once.
 */
@Injectable()
export class AcceptanceService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly directory: DirectoryService,
    private readonly projects: ProjectsService,
    private readonly needs: NeedsService,
    private readonly documents: DocumentsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Records an acceptance of the project (the route admits assessors only). */
  async record(actor: Principal, projectId: string, input: CreateAcceptanceInput): Promise<AcceptanceView> {
    return this.uow.run(async (tx) => {
      const project = await this.projects.readable(actor, projectId, tx);
      const action = input.result === 'pass' ? 'pass_acceptance' : 'fail_acceptance';
      const status = PROJECT_STATE_MACHINE.next(project.status, action);
      // A pass rests on the evidence (test report, data integration): 409 naming what is not attached.
      if (input.result === 'pass') await this.documents.assertOwnerComplete(PROJECT_DOCUMENT_OWNER, projectId, tx);
      const openMilestones = input.result === 'pass' ? await this.openMilestoneReasons(tx, projectId, input.openMilestones) : [];
      const now = this.clock.now();
      await this.projects.transition(tx, project, action, { status, ...(input.result === 'pass' ? { acceptedAt: now } : {}) });
      const round = (await tx.countBy(Acceptance, { projectId })) + 1;
      const acceptance = await tx.save(
        tx.create(Acceptance, {
          projectId,
          providerId: project.providerId,
          round,
          assessorId: actor.userId,
          result: input.result,
          levelAfter: input.levelAfter,
          dataIntegration: input.dataIntegration,
          dataIntegrationScore: input.dataIntegrationScore ?? null,
          roiPercent: input.roiPercent,
          managementReform: input.managementReform,
          applicationEffect: input.applicationEffect || null,
          reasons: input.reasons,
          evidence: input.evidence.map((e) => ({ kind: e.kind, name: e.name, sha256: e.sha256 ?? null, sizeBytes: e.sizeBytes ?? null })),
          openMilestones,
          decidedAt: now,
        }),
      );
      if (input.result === 'pass') {
        await this.directory.setDigitalLevel(tx, project.enterpriseId, input.levelAfter as DigitalLevel, 'acceptance');
        // The need's transformation is done: it leaves the awarded state for good.
        await this.needs.close(tx, project.needId);
      }
      await this.updateProviderRecord(tx, project.providerId);
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: input.result === 'pass' ? 'project.acceptance_passed' : 'project.acceptance_failed',
        entityType: 'project',
        entityId: projectId,
        reason: input.reasons,
        data: {
          acceptanceId: acceptance.id,
          round,
          before: { status: project.status, level: project.levelBefore },
          after: { status, level: input.levelAfter },
          roiPercent: input.roiPercent,
        },
      });
      await this.notifyParties(tx, project, acceptance);
      return acceptanceView(acceptance);
    });
  }

  /**
   * A pass needs every milestone done (or cancelled) or a reason for each one still open: 409
   * `milestones_open` naming those without one. Reasons for milestones that are not open, or not
   * the project's, are a 400 naming the field.
   */
  private async openMilestoneReasons(
    tx: EntityManager,
    projectId: string,
    given: readonly { milestoneId: string; reason: string }[],
  ): Promise<OpenMilestoneReason[]> {
    const milestones = await tx.find(Milestone, { where: { projectId }, order: { position: 'ASC' } });
    const open = milestones.filter(isOpenMilestone);
    const reasons = new Map(given.map((g) => [g.milestoneId, g.reason.trim()]));
    for (const [index, g] of given.entries()) {
      if (!open.some((m) => m.id === g.milestoneId)) {
        throw new InvalidInputError([
          { field: `openMilestones.${index}.milestoneId`, reason: '不是本项目未完成的里程碑 (not an open milestone of this project)' },
        ]);
      }
    }
    const unexplained = open.filter((m) => !reasons.get(m.id));
    if (unexplained.length) {
      throw new ConflictError(
        'milestones_open',
        `验收通过需完成全部里程碑，或逐项说明未完成原因：${unexplained.map((m) => `“${m.title}”`).join('、')}`,
        { open: unexplained.map((m) => ({ id: m.id, title: m.title, status: m.status })) },
      );
    }
    return open.map((m) => ({ milestoneId: m.id, title: m.title, reason: reasons.get(m.id)! }));
  }

  private async updateProviderRecord(tx: EntityManager, providerId: string): Promise<void> {
    const total = await tx.countBy(Acceptance, { providerId });
    const passed = await tx.countBy(Acceptance, { providerId, result: 'pass' });
    const completedProjects = await tx.countBy(Project, { providerId, status: 'accepted' });
    await this.directory.updateRecord(tx, providerId, {
      acceptancePassRate: total ? passed / total : null,
      completedProjects,
    });
    await this.outbox.publish(tx, ProviderChanged, { providerId, change: 'profile' });
  }

  private async notifyParties(tx: EntityManager, project: Project, acceptance: Acceptance): Promise<void> {
    const passed = acceptance.result === 'pass';
    await this.notifications.notify(tx, {
      recipients: { organisationIds: [project.enterpriseId, project.providerId] },
      kind: passed ? 'acceptance.passed' : 'acceptance.failed',
      title: passed ? `改造项目“${project.title}”验收通过` : `改造项目“${project.title}”验收未通过，需整改`,
      body: passed
        ? `第三方验收测评通过（第 ${acceptance.round} 次），改造后数字化水平为 ${acceptance.levelAfter} 级。评价意见：${acceptance.reasons}`
        : `第三方验收测评未通过（第 ${acceptance.round} 次）。原因：${acceptance.reasons}。整改后可再次申请验收。`,
      link: `/projects/${project.id}`,
      data: { projectId: project.id, acceptanceId: acceptance.id, result: acceptance.result, levelAfter: acceptance.levelAfter },
      dedupeKey: `acceptance:${acceptance.id}`,
    });
  }
}
