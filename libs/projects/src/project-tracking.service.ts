import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CLOCK, ConflictError, ForbiddenError, InvalidInputError, NotFoundError, UnitOfWork, isUuid } from '@smedx/platform';
import type { Clock, Principal } from '@smedx/platform';
import { AuditService } from '@smedx/audit';
import { shanghaiDate } from './calendar.js';
import type {
  CreateMilestoneInput,
  CreateMonitoringReportInput,
  CreateProjectLogInput,
  PageInput,
  UpdateMilestoneInput,
} from './dto/projects.dto.js';
import { Milestone } from './entities/milestone.entity.js';
import { MonitoringReport } from './entities/monitoring-report.entity.js';
import { ProjectLog } from './entities/project-log.entity.js';
import type { Project } from './entities/project.entity.js';
import { projectSide } from './project.policy.js';
import { MILESTONE_STATE_MACHINE, PROJECT_STATE_MACHINE } from '@smedx/contracts';
import { milestoneView, monitoringReportView, projectLogView } from './projects.views.js';
import type { MilestoneView, MonitoringReportView, Page, ProjectLogView } from './projects.views.js';
import { ProjectsService } from './projects.service.js';

/**
 * The running project: milestones the parties plan and tick off, the
 * service-tracking log (服务跟踪) both parties write, and assessors'
 * monitoring reports (过程监测). All of it only while the project is active
 * or in rework (see `project-state.ts`).
 */
@Injectable()
export class ProjectTrackingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly projects: ProjectsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Adds a milestone (members of either party); it may not lie before the project's start. */
  async addMilestone(actor: Principal, projectId: string, input: CreateMilestoneInput): Promise<MilestoneView> {
    return this.uow.run(async (tx) => {
      const project = await this.forParty(tx, actor, projectId, 'plan');
      this.assertNotBeforeStart(project, 'plannedDate', input.plannedDate);
      const last = await tx
        .getRepository(Milestone)
        .createQueryBuilder('m')
        .select('MAX(m.position)', 'max')
        .where('m.projectId = :projectId', { projectId })
        .getRawOne<{ max: number | string | null }>();
      const milestone = await tx.save(
        tx.create(Milestone, {
          projectId,
          position: last?.max === null || last?.max === undefined ? 0 : Number(last.max) + 1,
          title: input.title,
          plannedDate: input.plannedDate,
          actualDate: null,
          status: 'planned',
          overdueNotifiedFor: null,
          createdBy: actor.userId,
        }),
      );
      return milestoneView(milestone, this.today());
    });
  }

  /**
   * Re-plans a milestone or moves its status (members of either party).
   * `done` records the day it was done (today when not given; never in the
   * future). A changed planned date is audited: it moves the schedule the
   * contract was signed with.
   */
  async updateMilestone(actor: Principal, projectId: string, milestoneId: string, patch: UpdateMilestoneInput): Promise<MilestoneView> {
    return this.uow.run(async (tx) => {
      const project = await this.forParty(tx, actor, projectId, 'plan');
      const milestone = isUuid(milestoneId) ? await tx.findOneBy(Milestone, { id: milestoneId, projectId }) : null;
      if (!milestone) throw new NotFoundError('milestone', milestoneId);
      const status = MILESTONE_STATE_MACHINE.next(milestone.status, patch.status ?? milestone.status);
      const today = this.today();
      if (patch.plannedDate) this.assertNotBeforeStart(project, 'plannedDate', patch.plannedDate);
      let actualDate = milestone.actualDate;
      if (status === 'done' && milestone.status !== 'done') {
        actualDate = patch.actualDate ?? today;
        if (actualDate > today)
          throw new InvalidInputError([{ field: 'actualDate', reason: `must not be in the future (today is ${today})` }]);
        this.assertNotBeforeStart(project, 'actualDate', actualDate);
      }
      const changes: Partial<Milestone> = { status, actualDate };
      if (patch.title !== undefined) changes.title = patch.title;
      if (patch.plannedDate !== undefined) changes.plannedDate = patch.plannedDate;
      // Conditional on the status read: of two concurrent moves, the second sees the first's status (409).
      const result = await tx.update(Milestone, { id: milestone.id, status: milestone.status }, changes);
      if (!result.affected) {
        const current = await tx.findOneByOrFail(Milestone, { id: milestone.id });
        MILESTONE_STATE_MACHINE.next(current.status, patch.status ?? current.status);
        throw new ConflictError('milestone_changed', 'the milestone changed meanwhile; reload and retry');
      }
      if (patch.plannedDate !== undefined && patch.plannedDate !== milestone.plannedDate) {
        await this.audit.record(tx, {
          actorId: actor.userId,
          action: 'project.milestone_replanned',
          entityType: 'project',
          entityId: projectId,
          data: { milestoneId: milestone.id, before: { plannedDate: milestone.plannedDate }, after: { plannedDate: patch.plannedDate } },
        });
      }
      return milestoneView(await tx.findOneByOrFail(Milestone, { id: milestone.id }), today);
    });
  }

  /** Writes a service-tracking entry as the caller's party. */
  async addLog(actor: Principal, projectId: string, input: CreateProjectLogInput): Promise<ProjectLogView> {
    return this.uow.run(async (tx) => {
      const project = await this.forParty(tx, actor, projectId, 'log');
      const today = this.today();
      const occurredOn = input.occurredOn ?? today;
      if (occurredOn > today)
        throw new InvalidInputError([{ field: 'occurredOn', reason: `must not be in the future (today is ${today})` }]);
      const log = await tx.save(
        tx.create(ProjectLog, {
          projectId,
          side: projectSide(actor, project)!,
          authorId: actor.userId,
          kind: input.kind,
          content: input.content,
          occurredOn,
          writtenAt: this.clock.now(),
        }),
      );
      return projectLogView(log);
    });
  }

  /** The service log of a project, newest first, for everyone who reads the project. */
  async listLogs(actor: Principal, projectId: string, page: PageInput): Promise<Page<ProjectLogView>> {
    await this.projects.readable(actor, projectId);
    const [rows, total] = await this.dataSource.getRepository(ProjectLog).findAndCount({
      where: { projectId },
      order: { writtenAt: 'DESC', id: 'ASC' },
      skip: (page.page - 1) * page.pageSize,
      take: page.pageSize,
    });
    return { items: rows.map(projectLogView), total, page: page.page, pageSize: page.pageSize };
  }

  /** Files an assessor's monitoring report (the route admits assessors only). */
  async addReport(actor: Principal, projectId: string, input: CreateMonitoringReportInput): Promise<MonitoringReportView> {
    return this.uow.run(async (tx) => {
      const project = await this.projects.readable(actor, projectId, tx);
      PROJECT_STATE_MACHINE.next(project.status, 'report');
      const report = await tx.save(
        tx.create(MonitoringReport, {
          projectId,
          assessorId: actor.userId,
          summary: input.summary,
          findings: input.findings,
          progressPercent: input.progressPercent,
          risks: input.risks,
          filedAt: this.clock.now(),
        }),
      );
      return monitoringReportView(report);
    });
  }

  /** The project for a change by one of its parties: 404 if unreadable, 403 for other readers, 409 if the state forbids it. */
  private async forParty(tx: EntityManager, actor: Principal, projectId: string, action: 'plan' | 'log'): Promise<Project> {
    const project = await this.projects.readable(actor, projectId, tx);
    if (!projectSide(actor, project)) {
      throw new ForbiddenError('only members of the enterprise or the provider of the project may do this', 'not_project_party');
    }
    PROJECT_STATE_MACHINE.next(project.status, action);
    return project;
  }

  private assertNotBeforeStart(project: Project, field: string, date: string): void {
    if (date < project.startDate) {
      throw new InvalidInputError([{ field, reason: `must not be before the project's start (${project.startDate})` }]);
    }
  }

  private today(): string {
    return shanghaiDate(this.clock.now());
  }
}
