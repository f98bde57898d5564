import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  CLOCK,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  UnitOfWork,
  hasRole,
  isMember,
  isUuid,
} from '@smedx/platform';
import type { Clock, Principal } from '@smedx/platform';
import { AuditService } from '@smedx/audit';
import { NotificationsService } from '@smedx/notifications';
import { DirectoryService, ProvidersService } from '@smedx/directory';
import { addDays, shanghaiDate } from './calendar.js';
import { defaultSchedule } from './default-schedule.js';
import type { AwardInput, ListProjectsQuery, PageInput } from './dto/projects.dto.js';
import { Acceptance } from './entities/acceptance.entity.js';
import { Milestone } from './entities/milestone.entity.js';
import { MonitoringReport } from './entities/monitoring-report.entity.js';
import { Project } from './entities/project.entity.js';
import { mayReadProject } from './project.policy.js';
import { PROJECT_STATE_MACHINE } from '@smedx/contracts';
import type { ProjectAction, ProjectStatus } from '@smedx/contracts';
import { projectCaseView, projectSummaryView, projectView } from './projects.views.js';
import type { Page, ProjectCaseView, ProjectSummaryView, ProjectView } from './projects.views.js';

/** Far above any real project (100 million CNY) yet well inside 2^53. */
const MAX_PRICE_FEN = 10_000_000_000;

/**
 * Transformation projects (改造项目): created by an award, read by the parties,
 * assessors and officers, cancelled by a city officer, and — once accepted —
 * shown as cases on the provider's page. Milestones, the service log and
 * monitoring live in {@link ProjectTrackingService}, acceptance in
 * {@link AcceptanceService}.
 */
@Injectable()
export class ProjectsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly directory: DirectoryService,
    private readonly providers: ProvidersService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Creates the project of an award inside the caller's transaction: status
   * `active`, a contract number, the parties as the contract names them, and
   * default milestones spread over the bid's delivery days from today
   * (Shanghai, by the injected clock). Audited as `project.created`.
   *
   * @throws NotFoundError if the enterprise or provider does not exist
   * @throws ConflictError (`project_exists`) if the bid already has a project
   * @throws InvalidInputError if the price or delivery days are out of range
   */
  async createFromAward(tx: EntityManager, award: AwardInput): Promise<{ id: string }> {
    const problems = [
      ...(Number.isSafeInteger(award.priceFen) && award.priceFen > 0 && award.priceFen <= MAX_PRICE_FEN
        ? []
        : [{ field: 'priceFen', reason: `must be a whole number of fen from 1 to ${MAX_PRICE_FEN}` }]),
      ...(Number.isInteger(award.deliveryDays) && award.deliveryDays >= 1 && award.deliveryDays <= 3650
        ? []
        : [{ field: 'deliveryDays', reason: 'must be a whole number of days from 1 to 3650' }]),
      ...(award.title.trim() ? [] : [{ field: 'title', reason: 'is required' }]),
    ];
    if (problems.length) throw new InvalidInputError(problems);
    if (await tx.existsBy(Project, { bidId: award.bidId })) {
      throw new ConflictError('project_exists', `bid ${award.bidId} already has a project`);
    }
    const enterprise = await this.directory.getEnterprise(award.enterpriseId, tx);
    const provider = await this.directory.getProvider(award.providerId, tx);
    const now = this.clock.now();
    const startDate = shanghaiDate(now);
    const schedule = defaultSchedule(startDate, award.deliveryDays);
    const id = randomUUID();
    const contractNo = `SYDX-${startDate.replace(/-/g, '')}-${id.slice(0, 8).toUpperCase()}`;
    await tx.insert(Project, {
      id,
      contractNo,
      needId: award.needId,
      bidId: award.bidId,
      enterpriseId: enterprise.id,
      providerId: provider.id,
      solutionId: award.solutionId,
      title: award.title.trim().slice(0, 200),
      scope: award.scope,
      priceFen: award.priceFen,
      deliveryDays: award.deliveryDays,
      district: enterprise.district,
      industry: enterprise.industry,
      enterpriseParty: { name: enterprise.name, uscc: enterprise.uscc },
      providerParty: { name: provider.name, uscc: provider.uscc },
      contractSchedule: schedule,
      startDate,
      plannedEndDate: addDays(startDate, award.deliveryDays),
      status: 'active',
      levelBefore: enterprise.digitalLevel,
      acceptedAt: null,
      cancelledAt: null,
      awardedBy: award.awardedBy,
    });
    await tx.insert(
      Milestone,
      schedule.map((item, position) => ({
        projectId: id,
        position,
        title: item.title,
        plannedDate: item.plannedDate,
        actualDate: null,
        status: 'planned' as const,
        overdueNotifiedFor: null,
        createdBy: award.awardedBy,
      })),
    );
    await this.audit.record(tx, {
      actorId: award.awardedBy,
      action: 'project.created',
      entityType: 'project',
      entityId: id,
      data: {
        contractNo,
        needId: award.needId,
        bidId: award.bidId,
        enterpriseId: enterprise.id,
        providerId: provider.id,
        priceFen: award.priceFen,
        deliveryDays: award.deliveryDays,
      },
    });
    return { id };
  }

  /** One project with its milestones, monitoring reports and acceptances. */
  async get(actor: Principal, id: string): Promise<ProjectView> {
    const project = await this.readable(actor, id);
    const [milestones, reports, acceptances] = await Promise.all([
      this.dataSource.getRepository(Milestone).find({ where: { projectId: id }, order: { plannedDate: 'ASC', position: 'ASC' } }),
      this.dataSource.getRepository(MonitoringReport).find({ where: { projectId: id }, order: { filedAt: 'ASC', id: 'ASC' } }),
      this.dataSource.getRepository(Acceptance).find({ where: { projectId: id }, order: { round: 'ASC' } }),
    ]);
    return projectView(project, { milestones, reports, acceptances, today: shanghaiDate(this.clock.now()) });
  }

  /**
   * Projects, newest first. With `organisationId`: that enterprise's or
   * provider's projects, for its members, officers and assessors. Without:
   * every project for city officers and assessors, those of their district
   * for district officers.
   */
  async list(actor: Principal, query: ListProjectsQuery): Promise<Page<ProjectSummaryView>> {
    const overseer = hasRole(actor, 'assessor', 'city_officer', 'admin');
    const districts = actor.roles.filter((g) => g.role === 'district_officer' && g.district).map((g) => g.district!);
    const member = !!query.organisationId && isMember(actor, query.organisationId);
    if (!overseer && !member && !districts.length) {
      throw new ForbiddenError(
        'pass organisationId of your enterprise or provider; only officers and assessors list other projects',
        'not_member',
      );
    }
    const qb = this.dataSource.getRepository(Project).createQueryBuilder('p');
    if (query.organisationId) qb.where('(p.enterpriseId = :org OR p.providerId = :org)', { org: query.organisationId });
    if (!overseer && !member) qb.andWhere('p.district IN (:...districts)', { districts });
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    const [rows, total] = await qb
      .orderBy('p.createdAt', 'DESC')
      .addOrderBy('p.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: rows.map(projectSummaryView), total, page: query.page, pageSize: query.pageSize };
  }

  /** Stops a running project (city officers), with a reason for the audit trail and the parties. */
  async cancel(actor: Principal, id: string, reason: string): Promise<ProjectView> {
    await this.uow.run(async (tx) => {
      const project = await this.readable(actor, id, tx);
      const status = PROJECT_STATE_MACHINE.next(project.status, 'cancel');
      await this.transition(tx, project, 'cancel', { status, cancelledAt: this.clock.now() });
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'project.cancelled',
        entityType: 'project',
        entityId: id,
        reason,
        data: { before: { status: project.status }, after: { status } },
      });
      await this.notifications.notify(tx, {
        recipients: { organisationIds: [project.enterpriseId, project.providerId] },
        kind: 'project.cancelled',
        title: `改造项目“${project.title}”已终止`,
        body: `合同编号 ${project.contractNo} 的改造项目已由市工信局终止。原因：${reason}`,
        link: `/projects/${id}`,
        data: { projectId: id },
        dedupeKey: `project.cancelled:${id}`,
      });
    });
    return this.get(actor, id);
  }

  /**
   * The passed-acceptance cases (成果推广) of a provider, newest first, for
   * anyone who may see the provider.
   */
  async casesOfProvider(actor: Principal, providerId: string, page: PageInput): Promise<Page<ProjectCaseView>> {
    await this.providers.get(actor, providerId);
    const [projects, total] = await this.dataSource.getRepository(Project).findAndCount({
      where: { providerId, status: 'accepted' },
      order: { acceptedAt: 'DESC', id: 'ASC' },
      skip: (page.page - 1) * page.pageSize,
      take: page.pageSize,
    });
    if (!projects.length) return { items: [], total, page: page.page, pageSize: page.pageSize };
    const ids = projects.map((p) => p.id);
    const [passes, enterprises] = await Promise.all([
      this.dataSource.getRepository(Acceptance).findBy({ projectId: In(ids), result: 'pass' }),
      this.directory.enterprisesByIds([...new Set(projects.map((p) => p.enterpriseId))]),
    ]);
    const passByProject = new Map(passes.map((a) => [a.projectId, a]));
    const names = new Map(enterprises.map((e) => [e.id, e.name]));
    return {
      items: projects.flatMap((p) => {
        const pass = passByProject.get(p.id);
        return pass ? [projectCaseView(p, pass, names.get(p.enterpriseId) ?? p.enterpriseParty.name)] : [];
      }),
      total,
      page: page.page,
      pageSize: page.pageSize,
    };
  }

  /** How many projects each enterprise has in each status: one grouped query, for the chains dashboard. */
  async countsByEnterprise(enterpriseIds: readonly string[]): Promise<{ enterpriseId: string; status: ProjectStatus; count: number }[]> {
    const ids = [...new Set(enterpriseIds)].filter((id) => isUuid(id));
    if (!ids.length) return [];
    const rows = await this.dataSource
      .getRepository(Project)
      .createQueryBuilder('p')
      .select('p.enterpriseId', 'enterpriseId')
      .addSelect('p.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .where('p.enterpriseId IN (:...ids)', { ids })
      .groupBy('p.enterpriseId')
      .addGroupBy('p.status')
      .getRawMany<{ enterpriseId: string; status: ProjectStatus; count: string | number }>();
    return rows.map((r) => ({ enterpriseId: r.enterpriseId, status: r.status, count: Number(r.count) }));
  }

  /** Projects by id in one query, for another context's rules (chain cases); unknown ids are left out. Read-only. */
  async projectsByIds(ids: readonly string[]): Promise<Project[]> {
    const valid = [...new Set(ids)].filter((id) => isUuid(id));
    if (!valid.length) return [];
    return this.dataSource.getRepository(Project).findBy({ id: In(valid) });
  }

  /** The project if the caller may read it; 404 otherwise, also for malformed ids. */
  async readable(actor: Principal, id: string, tx?: EntityManager): Promise<Project> {
    const project = isUuid(id) ? await (tx ?? this.dataSource.manager).findOneBy(Project, { id }) : null;
    if (!project || !mayReadProject(actor, project)) throw new NotFoundError('project', id);
    return project;
  }

  /**
   * Writes a status change with a conditional update on the status read, so
   * two concurrent requests cannot both pass the state check (PostgreSQL runs
   * them in parallel; SQLite serialises them anyway).
   */
  async transition(tx: EntityManager, project: Project, action: ProjectAction, changes: Partial<Project>): Promise<void> {
    const result = await tx.update(Project, { id: project.id, status: project.status }, changes);
    if (!result.affected) {
      const current = await tx.findOneBy(Project, { id: project.id });
      if (current) PROJECT_STATE_MACHINE.next(current.status, action);
      throw new ConflictError('project_changed', 'the project changed meanwhile; reload and retry');
    }
  }
}
