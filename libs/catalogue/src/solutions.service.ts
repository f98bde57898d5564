import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  CLOCK,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  OutboxService,
  UnitOfWork,
  hasRole,
  isMember,
  isUuid,
} from '@smedx/platform';
import type { Clock, Principal } from '@smedx/platform';
import { AuditService } from '@smedx/audit';
import { DirectoryService } from '@smedx/directory';
import { SolutionChanged } from './catalogue.events.js';
import type { SolutionChange } from './catalogue.events.js';
import type { CreateSolutionInput, ListSolutionsQuery, UpdateSolutionInput } from './dto/solution.dto.js';
import { Solution } from './solution.entity.js';
import { SOLUTION_STATE_MACHINE } from '@smedx/contracts';
import type { Page, SolutionAction, SolutionSearchDocument, SolutionStatus, SolutionView } from '@smedx/contracts';

/** A solution as the API returns it (the contract's `SolutionView`): the stored fields plus the provider's name and kind. */
export type { SolutionView } from '@smedx/contracts';

interface ProviderFacts {
  name: string;
  kind: string;
  districts: string[];
  status: string;
}

/**
 * The solution catalogue (小快轻准). Every change writes a
 * {@link SolutionChanged} in its transaction so the search index follows;
 * publish, delist and price changes are also audited.
 *
 * Visibility: anyone signed in reads published solutions; drafts and delisted
 * ones exist only for the provider's members and city officers (a 404 for
 * everyone else, so their existence stays private).
 */
@Injectable()
export class SolutionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly directory: DirectoryService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Creates a draft in the catalogue of `input.providerId`; the caller must be one of its members. */
  async create(actor: Principal, input: CreateSolutionInput): Promise<SolutionView> {
    if (!actor.memberships.some((m) => m.organisationId === input.providerId && m.kind === 'provider')) {
      throw new ForbiddenError('only members of the provider may add solutions to its catalogue', 'not_provider_member');
    }
    const { providerId, ...fields } = input;
    const id = await this.uow.run(async (tx) => {
      const solution = await tx.save(
        tx.create(Solution, {
          ...fields,
          cases: fields.cases ?? [],
          providerId,
          status: 'draft',
          publishedAt: null,
          delistedAt: null,
          createdBy: actor.userId,
        }),
      );
      await this.changed(tx, solution.id, 'created');
      return solution.id;
    });
    return this.view(id);
  }

  /** One solution, if the caller may see it. */
  async get(actor: Principal | null, id: string): Promise<SolutionView> {
    const solution = await this.dataSource.getRepository(Solution).findOneBy({ id });
    if (!solution || !this.mayRead(actor, solution)) throw new NotFoundError('solution', id);
    return this.toView(solution, await this.provider(solution.providerId));
  }

  /**
   * Edits a draft or a published solution. The price range is checked against
   * the stored figures when only one bound changes; a price change is audited.
   */
  async update(actor: Principal, id: string, patch: UpdateSolutionInput): Promise<SolutionView> {
    await this.uow.run(async (tx) => {
      const solution = await this.loadForChange(tx, actor, id);
      SOLUTION_STATE_MACHINE.next(solution.status, 'edit');
      const priceMinFen = patch.priceMinFen ?? solution.priceMinFen;
      const priceMaxFen = patch.priceMaxFen ?? solution.priceMaxFen;
      if (priceMinFen > priceMaxFen) {
        throw new InvalidInputError([{ field: 'priceMaxFen', reason: `must be ≥ priceMinFen (${priceMinFen})` }]);
      }
      await this.transition(tx, solution, 'edit', withoutUndefined(patch));
      if (priceMinFen !== solution.priceMinFen || priceMaxFen !== solution.priceMaxFen) {
        await this.audit.record(tx, {
          actorId: actor.userId,
          action: 'solution.price_changed',
          entityType: 'solution',
          entityId: id,
          data: {
            before: { priceMinFen: solution.priceMinFen, priceMaxFen: solution.priceMaxFen },
            after: { priceMinFen, priceMaxFen },
          },
        });
      }
      await this.changed(tx, id, 'updated');
    });
    return this.view(id);
  }

  /** Puts a draft in the public catalogue; only an approved provider may publish. */
  async publish(actor: Principal, id: string, reason?: string): Promise<SolutionView> {
    await this.uow.run(async (tx) => {
      const solution = await this.loadForChange(tx, actor, id);
      SOLUTION_STATE_MACHINE.next(solution.status, 'publish');
      await this.directory.assertMayPublish(solution.providerId, tx);
      await this.transition(tx, solution, 'publish', { publishedAt: this.clock.now() });
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'solution.published',
        entityType: 'solution',
        entityId: id,
        reason: reason ?? null,
        data: { before: { status: solution.status }, after: { status: 'published' } },
      });
      await this.changed(tx, id, 'published');
    });
    return this.view(id);
  }

  /** Takes a published solution out of the catalogue for good. */
  async delist(actor: Principal, id: string, reason?: string): Promise<SolutionView> {
    await this.uow.run(async (tx) => {
      const solution = await this.loadForChange(tx, actor, id);
      await this.transition(tx, solution, 'delist', { delistedAt: this.clock.now() });
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'solution.delisted',
        entityType: 'solution',
        entityId: id,
        reason: reason ?? null,
        data: { before: { status: solution.status }, after: { status: 'delisted' } },
      });
      await this.changed(tx, id, 'delisted');
    });
    return this.view(id);
  }

  /**
   * Lists solutions in one status (published by default). Other statuses are
   * for the provider's members (with `providerId`) and city officers.
   */
  async list(actor: Principal, query: ListSolutionsQuery): Promise<Page<SolutionView>> {
    if (query.status !== 'published' && !this.isOfficer(actor) && !(query.providerId && isMember(actor, query.providerId))) {
      throw new ForbiddenError(
        `only the provider's members see its ${query.status} solutions; pass providerId of your provider`,
        'not_provider_member',
      );
    }
    const qb = this.dataSource.getRepository(Solution).createQueryBuilder('s').where('s.status = :status', { status: query.status });
    if (query.providerId) qb.andWhere('s.providerId = :providerId', { providerId: query.providerId });
    qb.orderBy(query.status === 'published' ? 's.publishedAt' : 's.updatedAt', 'DESC').addOrderBy('s.id', 'ASC');
    const [rows, total] = await qb
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const providers = await this.providers(rows.map((s) => s.providerId));
    return {
      items: rows.map((s) => this.toView(s, providers.get(s.providerId))),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /**
   * The flat document the search index holds for a solution (any status: the
   * index decides what to show), or null when the solution no longer exists.
   */
  async toSearchDocument(id: string): Promise<SolutionSearchDocument | null> {
    return (await this.toSearchDocuments([id]))[0] ?? null;
  }

  /** {@link toSearchDocument} for many solutions: two queries, whatever their number. Unknown ids are left out. */
  async toSearchDocuments(ids: readonly string[]): Promise<SolutionSearchDocument[]> {
    const valid = ids.filter((id) => isUuid(id));
    if (!valid.length) return [];
    const solutions = await this.dataSource.getRepository(Solution).findBy({ id: In(valid) });
    const providers = await this.providers(solutions.map((s) => s.providerId));
    return solutions.map((solution) => {
      const provider = providers.get(solution.providerId);
      return {
        id: solution.id,
        title: solution.title,
        summary: solution.summary,
        description: solution.description,
        scenarios: solution.scenarios,
        industries: solution.industries,
        priceMinFen: solution.priceMinFen,
        priceMaxFen: solution.priceMaxFen,
        deployDays: solution.deployDays,
        deliveryMode: solution.deliveryMode,
        levels: solution.levels,
        providerId: solution.providerId,
        providerName: provider?.name ?? '',
        providerKind: provider?.kind ?? '',
        providerDistricts: provider?.districts ?? [],
        providerStatus: provider?.status ?? '',
        status: solution.status,
        publishedAt: solution.publishedAt ? solution.publishedAt.getTime() : null,
      };
    });
  }

  /** Ids of every solution (or those in `status`, or of one provider), for a full re-index. */
  async listIds(status?: SolutionStatus, providerId?: string): Promise<string[]> {
    const qb = this.dataSource.getRepository(Solution).createQueryBuilder('s').select('s.id', 'id').orderBy('s.id', 'ASC');
    if (status) qb.andWhere('s.status = :status', { status });
    if (providerId) qb.andWhere('s.providerId = :providerId', { providerId });
    const rows = await qb.getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  private isOfficer(actor: Principal | null): boolean {
    return hasRole(actor, 'city_officer', 'admin');
  }

  private mayRead(actor: Principal | null, solution: Solution): boolean {
    return solution.status === 'published' || isMember(actor, solution.providerId) || this.isOfficer(actor);
  }

  /** Loads a solution to change it: 404 if the caller may not even see it, 403 if not a member. */
  private async loadForChange(tx: EntityManager, actor: Principal, id: string): Promise<Solution> {
    const solution = await tx.findOneBy(Solution, { id });
    if (!solution || !this.mayRead(actor, solution)) throw new NotFoundError('solution', id);
    if (!isMember(actor, solution.providerId)) {
      throw new ForbiddenError("only members of the solution's provider may change it", 'not_provider_member');
    }
    return solution;
  }

  /**
   * Applies `action` with a conditional update on the status read, so two
   * concurrent requests cannot both pass the state check (PostgreSQL runs
   * them in parallel; SQLite serialises them anyway).
   */
  private async transition(tx: EntityManager, solution: Solution, action: SolutionAction, changes: Partial<Solution>): Promise<void> {
    const status = SOLUTION_STATE_MACHINE.next(solution.status, action);
    const result = await tx.update(Solution, { id: solution.id, status: solution.status }, { ...changes, status });
    if (!result.affected) {
      const current = await tx.findOneBy(Solution, { id: solution.id });
      if (current) SOLUTION_STATE_MACHINE.next(current.status, action);
      throw new ConflictError('solution_changed', 'the solution changed meanwhile; reload and retry');
    }
  }

  private async changed(tx: EntityManager, solutionId: string, change: SolutionChange): Promise<void> {
    await this.outbox.publish(tx, SolutionChanged, { solutionId, change });
  }

  private async view(id: string): Promise<SolutionView> {
    const solution = await this.dataSource.getRepository(Solution).findOneByOrFail({ id });
    return this.toView(solution, await this.provider(solution.providerId));
  }

  private async provider(id: string): Promise<ProviderFacts | undefined> {
    return (await this.providers([id])).get(id);
  }

  /** The providers of a page of solutions in one query. */
  private async providers(ids: string[]): Promise<Map<string, ProviderFacts>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const providers = await this.directory.providersByIds(unique);
    return new Map(providers.map((p) => [p.id, { name: p.name, kind: p.kind, districts: p.districts, status: p.status }]));
  }

  private toView(s: Solution, provider: ProviderFacts | undefined): SolutionView {
    return {
      id: s.id,
      providerId: s.providerId,
      providerName: provider?.name ?? '',
      providerKind: provider?.kind ?? '',
      title: s.title,
      summary: s.summary,
      description: s.description,
      scenarios: s.scenarios,
      industries: s.industries,
      priceMinFen: s.priceMinFen,
      priceMaxFen: s.priceMaxFen,
      deployDays: s.deployDays,
      deliveryMode: s.deliveryMode,
      levels: s.levels,
      cases: s.cases,
      status: s.status,
      publishedAt: s.publishedAt,
      delistedAt: s.delistedAt,
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
    };
  }
}

/** A PATCH body without the fields it left out, so they are not written as NULL. */
function withoutUndefined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
