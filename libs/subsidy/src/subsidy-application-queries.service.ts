import { Injectable } from '@nestjs/common';
import { Brackets, DataSource } from 'typeorm';
import { ForbiddenError, NotFoundError, hasRole, isUuid } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import { DirectoryService } from '@smedx/directory';
import { IdentityService } from '@smedx/identity';
import type { ListSubsidyApplicationsQuery } from './dto/subsidy.dto.js';
import { SubsidyApplication } from './entities/subsidy-application.entity.js';
import { mayReadApplication, reviewedDistricts } from './subsidy.policy.js';
import { subsidyApplicationView } from './subsidy.views.js';
import type { Page, SubsidyApplicationView } from './subsidy.views.js';

/** The read side of subsidy applications: one application, or the applications the caller may read. */
@Injectable()
export class SubsidyApplicationQueriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: DirectoryService,
    private readonly identity: IdentityService,
  ) {}

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

  /** The names of the people who took the applications' steps (办理记录), by user id, in one query. */
  private async people(applications: readonly SubsidyApplication[]): Promise<Map<string, string>> {
    const ids = [...new Set(applications.flatMap((a) => a.history.map((h) => h.actorId)))];
    return new Map((await this.identity.contacts(ids, [])).map((c) => [c.userId, c.displayName]));
  }
}
