import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { ForbiddenError, NotFoundError, hasRole, isMember, isUuid } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import { DirectoryService } from '@smedx/directory';
import type { ListNeedsQuery } from './dto/need.dto.js';
import { Need } from './need.entity.js';
import type { NeedSearchDocument, NeedStatus, NeedView, Page } from '@smedx/contracts';

/**
 * The read side of transformation needs (需求): one need, lists, the search
 * documents, counts and ids for other contexts. Changes go through
 * {@link NeedsService}.
 *
 * Visibility: a draft exists only for the enterprise's members and officers
 * (404 for everyone else); once published a need stays readable, its
 * `privateDetails` only for members, officers and providers the enterprise
 * gave consent to.
 */
@Injectable()
export class NeedQueriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: DirectoryService,
  ) {}

  /** One need, if the caller may see it. */
  async get(actor: Principal, id: string): Promise<NeedView> {
    const need = await this.dataSource.getRepository(Need).findOneBy({ id });
    if (!need || !this.mayRead(actor, need)) throw new NotFoundError('need', id);
    return this.toView(need, await this.enterpriseName(need.enterpriseId), await this.maySeePrivateDetails(actor, need));
  }

  /**
   * The stored need for another context's rules (bidding), or null; read-only.
   * With `lock` (inside `tx`) the row is locked on PostgreSQL until `tx` ends:
   * `share` while writing a bid, so an award or an extension of the need
   * cannot interleave with it; `update` while checking that the need has no
   * bid. SQLite runs write transactions one at a time anyway.
   */
  async findById(id: string, tx?: EntityManager, options: { lock?: 'share' | 'update' } = {}): Promise<Need | null> {
    if (!isUuid(id)) return null;
    const qb = (tx ?? this.dataSource.manager).getRepository(Need).createQueryBuilder('n').where('n.id = :id', { id });
    if (options.lock && tx && this.dataSource.options.type === 'postgres') {
      qb.setLock(options.lock === 'share' ? 'pessimistic_read' : 'pessimistic_write');
    }
    return qb.getOne();
  }

  /**
   * Whether the caller may know the need exists: a draft only for the
   * enterprise's members and officers, anything else for everyone signed in.
   */
  mayRead(actor: Principal, need: Need): boolean {
    return need.status !== 'draft' || this.mayReadPrivately(actor, need);
  }

  /**
   * Lists needs in one status (published by default). Other statuses are for
   * the enterprise's members (with `enterpriseId`), city officers and admins.
   */
  async list(actor: Principal, query: ListNeedsQuery): Promise<Page<NeedView>> {
    if (
      query.status !== 'published' &&
      !hasRole(actor, 'city_officer', 'admin') &&
      !(query.enterpriseId && isMember(actor, query.enterpriseId))
    ) {
      throw new ForbiddenError(
        `only the enterprise's members see its ${query.status} needs; pass enterpriseId of your enterprise`,
        'not_enterprise_member',
      );
    }
    const qb = this.dataSource.getRepository(Need).createQueryBuilder('n').where('n.status = :status', { status: query.status });
    if (query.enterpriseId) qb.andWhere('n.enterpriseId = :enterpriseId', { enterpriseId: query.enterpriseId });
    qb.orderBy(query.status === 'published' ? 'n.publishedAt' : 'n.updatedAt', 'DESC').addOrderBy('n.id', 'ASC');
    const [rows, total] = await qb
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const names = await this.enterpriseNames(rows.map((n) => n.enterpriseId));
    // Consented providers read private details one need at a time (GET /needs/:id), not in lists.
    return {
      items: rows.map((n) => this.toView(n, names.get(n.enterpriseId) ?? '', this.mayReadPrivately(actor, n))),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /**
   * The flat document the search index holds for a need (any status: the
   * index decides what to show; never the private details), or null when the
   * need no longer exists.
   */
  async toSearchDocument(id: string): Promise<NeedSearchDocument | null> {
    return (await this.toSearchDocuments([id]))[0] ?? null;
  }

  /** {@link toSearchDocument} for many needs: two queries, whatever their number. Unknown ids are left out. */
  async toSearchDocuments(ids: readonly string[]): Promise<NeedSearchDocument[]> {
    const valid = ids.filter((id) => isUuid(id));
    if (!valid.length) return [];
    const needs = await this.dataSource.getRepository(Need).findBy({ id: In(valid) });
    const enterprises = new Map(
      (await this.directory.enterprisesByIds([...new Set(needs.map((n) => n.enterpriseId))])).map((e) => [e.id, e]),
    );
    return needs.map((need) => {
      const enterprise = enterprises.get(need.enterpriseId);
      return {
        id: need.id,
        title: need.title,
        description: need.description,
        scenarios: need.scenarios,
        budgetFen: need.budgetFen,
        expectedDays: need.expectedDays,
        bidDeadline: need.bidDeadline.getTime(),
        enterpriseId: need.enterpriseId,
        enterpriseName: enterprise?.name ?? '',
        digitalLevel: enterprise?.digitalLevel ?? null,
        industry: need.industry,
        district: need.district,
        status: need.status,
        publishedAt: need.publishedAt ? need.publishedAt.getTime() : null,
      };
    });
  }

  /**
   * How many needs each enterprise has in each status, drafts left out (they are the
   * enterprise's own business): one grouped query, for the chains dashboard.
   */
  async countsByEnterprise(enterpriseIds: readonly string[]): Promise<{ enterpriseId: string; status: NeedStatus; count: number }[]> {
    const ids = [...new Set(enterpriseIds)].filter((id) => isUuid(id));
    if (!ids.length) return [];
    const rows = await this.dataSource
      .getRepository(Need)
      .createQueryBuilder('n')
      .select('n.enterpriseId', 'enterpriseId')
      .addSelect('n.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .where('n.enterpriseId IN (:...ids)', { ids })
      .andWhere("n.status <> 'draft'")
      .groupBy('n.enterpriseId')
      .addGroupBy('n.status')
      .getRawMany<{ enterpriseId: string; status: NeedStatus; count: string | number }>();
    return rows.map((r) => ({ enterpriseId: r.enterpriseId, status: r.status, count: Number(r.count) }));
  }

  /** Ids of every need (or those in `status`, of one enterprise), for a re-index. */
  async listIds(status?: NeedStatus, enterpriseId?: string): Promise<string[]> {
    const qb = this.dataSource.getRepository(Need).createQueryBuilder('n').select('n.id', 'id').orderBy('n.id', 'ASC');
    if (status) qb.andWhere('n.status = :status', { status });
    if (enterpriseId !== undefined) qb.andWhere('n.enterpriseId = :enterpriseId', { enterpriseId });
    const rows = await qb.getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  /** Members and officers (a district officer only in their district) read private details without consent. */
  private mayReadPrivately(actor: Principal, need: Need): boolean {
    return (
      isMember(actor, need.enterpriseId) ||
      hasRole(actor, 'city_officer', 'assessor', 'admin') ||
      actor.roles.some((g) => g.role === 'district_officer' && g.district === need.district)
    );
  }

  private async maySeePrivateDetails(actor: Principal, need: Need): Promise<boolean> {
    if (this.mayReadPrivately(actor, need)) return true;
    const providerIds = actor.memberships.filter((m) => m.kind === 'provider').map((m) => m.organisationId);
    for (const providerId of providerIds) {
      if (await this.directory.hasConsent(need.enterpriseId, providerId, 'need_details')) return true;
    }
    return false;
  }

  private async enterpriseName(id: string): Promise<string> {
    return (await this.enterpriseNames([id])).get(id) ?? '';
  }

  /** The enterprises of a page of needs in one query. */
  private async enterpriseNames(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    return new Map((await this.directory.enterprisesByIds(unique)).map((e) => [e.id, e.name]));
  }

  private toView(n: Need, enterpriseName: string, withPrivateDetails: boolean): NeedView {
    return {
      id: n.id,
      enterpriseId: n.enterpriseId,
      enterpriseName,
      industry: n.industry,
      district: n.district,
      title: n.title,
      description: n.description,
      scenarios: n.scenarios,
      budgetFen: n.budgetFen,
      expectedDays: n.expectedDays,
      bidDeadline: n.bidDeadline,
      sites: n.sites,
      ...(withPrivateDetails ? { privateDetails: n.privateDetails } : {}),
      status: n.status,
      publishedAt: n.publishedAt,
      cancelledAt: n.cancelledAt,
      biddingClosedAt: n.biddingClosedAt,
      awardedAt: n.awardedAt,
      createdAt: n.createdAt,
      updatedAt: n.updatedAt,
    };
  }
}
