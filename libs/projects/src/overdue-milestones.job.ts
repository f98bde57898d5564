import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, Not, Or } from 'typeorm';
import { CLOCK, OnJob, UnitOfWork, defineScheduledJob } from '@smedx/platform';
import type { Clock } from '@smedx/platform';
import { NotificationsService } from '@smedx/notifications';
import { chineseDate, shanghaiDate } from './calendar.js';
import { Milestone } from './entities/milestone.entity.js';
import { Project } from './entities/project.entity.js';
import { OPEN_MILESTONE_STATUSES, PROJECT_STATE_MACHINE } from '@smedx/contracts';

/** Hourly: tells both parties of each milestone whose planned day has passed. */
export const CheckOverdueMilestonesJob = defineScheduledJob('projects.check-overdue-milestones', 3600);

/** Milestones handled per run; the next run picks up the rest. */
const BATCH = 500;

/**
 * The overdue-milestone check. Each open milestone of a running project
 * whose planned day is before today (Shanghai) is reported once per planned
 * date: `overdueNotifiedFor` is set in the same transaction as the
 * notification, and the notification's dedupe key carries the date too, so a
 * retried or concurrent run never tells anyone twice, while a re-planned
 * milestone that slips again is reported again.
 */
@Injectable()
export class OverdueMilestones {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly notifications: NotificationsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @OnJob(CheckOverdueMilestonesJob)
  async check(): Promise<void> {
    const today = shanghaiDate(this.clock.now());
    const candidates = await this.dataSource
      .getRepository(Milestone)
      .createQueryBuilder('m')
      .innerJoin(Project, 'p', 'p.id = m.projectId')
      .where('m.status IN (:...open)', { open: OPEN_MILESTONE_STATUSES })
      .andWhere('m.plannedDate < :today', { today })
      .andWhere('(m.overdueNotifiedFor IS NULL OR m.overdueNotifiedFor <> m.plannedDate)')
      .andWhere('p.status IN (:...running)', { running: PROJECT_STATE_MACHINE.statesAllowing('plan') })
      .orderBy('m.plannedDate', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .take(BATCH)
      .getMany();
    if (!candidates.length) return;
    const projects = new Map(
      (await this.dataSource.getRepository(Project).findBy({ id: In([...new Set(candidates.map((m) => m.projectId))]) })).map((p) => [
        p.id,
        p,
      ]),
    );
    for (const milestone of candidates) {
      const project = projects.get(milestone.projectId);
      if (project) await this.report(milestone, project, today);
    }
  }

  private async report(milestone: Milestone, project: Project, today: string): Promise<void> {
    await this.uow.run(async (tx) => {
      // Claim it: only the run whose update still sees it open and unreported notifies.
      const claimed = await tx.update(
        Milestone,
        {
          id: milestone.id,
          plannedDate: milestone.plannedDate,
          status: In([...OPEN_MILESTONE_STATUSES]),
          overdueNotifiedFor: Or(IsNull(), Not(milestone.plannedDate)),
        },
        { overdueNotifiedFor: milestone.plannedDate },
      );
      if (!claimed.affected) return;
      await this.notifications.notify(tx, {
        recipients: { organisationIds: [project.enterpriseId, project.providerId] },
        kind: 'milestone.overdue',
        title: `里程碑“${milestone.title}”已逾期`,
        body: `改造项目“${project.title}”（合同编号 ${project.contractNo}）的里程碑“${milestone.title}”计划于${chineseDate(milestone.plannedDate)}完成，截至${chineseDate(today)}尚未完成。请双方在服务跟踪中说明进展并调整计划。`,
        link: `/projects/${project.id}`,
        data: { projectId: project.id, milestoneId: milestone.id, plannedDate: milestone.plannedDate },
        dedupeKey: `milestone.overdue:${milestone.id}:${milestone.plannedDate}`,
      });
    });
  }
}
