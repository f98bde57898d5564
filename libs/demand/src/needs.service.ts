import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, IsNull, LessThanOrEqual } from 'typeorm';
import {
  CLOCK,
  ConflictError,
  DomainError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  OutboxService,
  UnitOfWork,
  isMember,
} from '@smedx/platform';
import type { Clock, Principal } from '@smedx/platform';
import { AuditService } from '@smedx/audit';
import { DirectoryService } from '@smedx/directory';
import { NeedChanged } from './demand.events.js';
import type { NeedChange } from './demand.events.js';
import type { CreateNeedInput, NeedSite, UpdateNeedInput } from './dto/need.dto.js';
import { Need } from './need.entity.js';
import { NeedQueriesService } from './need-queries.service.js';
import { NEED_STATE_MACHINE } from '@smedx/contracts';
import type { NeedAction, NeedView } from '@smedx/contracts';

/**
 * Transformation needs (需求). Every change writes a {@link NeedChanged} in
 * its transaction so search and matching follow; publish, cancel and budget
 * changes are also audited. Needs are read, with their visibility rules,
 * through {@link NeedQueriesService}.
 */
@Injectable()
export class NeedsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly directory: DirectoryService,
    private readonly queries: NeedQueriesService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Creates a draft need of `input.enterpriseId`; the caller must be one of its members.
   * `sitesConsented`: the sites were checked by the caller's context (a chain's joint need
   * names members that opted in); otherwise only enterprises the caller belongs to may be sites.
   */
  async create(actor: Principal, input: CreateNeedInput, options: { sitesConsented?: boolean } = {}): Promise<NeedView> {
    if (!actor.memberships.some((m) => m.organisationId === input.enterpriseId && m.kind === 'enterprise')) {
      throw new ForbiddenError('only members of the enterprise may publish its needs', 'not_enterprise_member');
    }
    const { enterpriseId, ...fields } = input;
    const sites = fields.sites ?? [];
    await this.assertSitesExist(sites);
    if (!options.sitesConsented) assertSitesConsented(actor, sites, []);
    const id = await this.uow.run(async (tx) => {
      const enterprise = await this.directory.getEnterprise(enterpriseId, tx);
      const need = await tx.save(
        tx.create(Need, {
          ...fields,
          sites,
          privateDetails: fields.privateDetails ?? null,
          enterpriseId,
          industry: enterprise.industry,
          district: enterprise.district,
          status: 'draft',
          publishedAt: null,
          cancelledAt: null,
          biddingClosedAt: null,
          awardedBidId: null,
          awardedAt: null,
          createdBy: actor.userId,
        }),
      );
      await this.changed(tx, need.id, 'created');
      return need.id;
    });
    return this.queries.get(actor, id);
  }

  /**
   * Edits a draft or a published need. A published need's deadline must stay
   * in the future; a budget change is audited.
   */
  async update(actor: Principal, id: string, patch: UpdateNeedInput): Promise<NeedView> {
    if (patch.sites) await this.assertSitesExist(patch.sites);
    await this.uow.run(async (tx) => {
      const need = await this.loadForChange(tx, actor, id);
      // Sites already on the need stay (a joint need's were consented through its chain); new ones need consent.
      if (patch.sites)
        assertSitesConsented(
          actor,
          patch.sites,
          need.sites.map((s) => s.enterpriseId),
        );
      NEED_STATE_MACHINE.next(need.status, 'edit');
      if (need.status === 'published' && patch.bidDeadline) this.assertDeadlineAhead(patch.bidDeadline);
      const enterprise = await this.directory.getEnterprise(need.enterpriseId, tx);
      // A deadline moved ahead reopens bidding that the deadline job had closed.
      const reopen = patch.bidDeadline ? { biddingClosedAt: null } : {};
      await this.transition(tx, need, 'edit', {
        ...withoutUndefined(patch),
        ...reopen,
        industry: enterprise.industry,
        district: enterprise.district,
      });
      if (patch.budgetFen !== undefined && patch.budgetFen !== need.budgetFen) {
        await this.audit.record(tx, {
          actorId: actor.userId,
          action: 'need.budget_changed',
          entityType: 'need',
          entityId: id,
          data: { before: { budgetFen: need.budgetFen }, after: { budgetFen: patch.budgetFen } },
        });
      }
      await this.changed(tx, id, 'updated');
    });
    return this.queries.get(actor, id);
  }

  /** Opens a draft for bids; the bid deadline must lie ahead (by the injected clock). */
  async publish(actor: Principal, id: string, reason?: string): Promise<NeedView> {
    await this.uow.run(async (tx) => {
      const need = await this.loadForChange(tx, actor, id);
      NEED_STATE_MACHINE.next(need.status, 'publish');
      this.assertDeadlineAhead(need.bidDeadline);
      const enterprise = await this.directory.getEnterprise(need.enterpriseId, tx);
      await this.transition(tx, need, 'publish', {
        publishedAt: this.clock.now(),
        industry: enterprise.industry,
        district: enterprise.district,
      });
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'need.published',
        entityType: 'need',
        entityId: id,
        reason: reason ?? null,
        data: { before: { status: need.status }, after: { status: 'published' }, budgetFen: need.budgetFen },
      });
      await this.changed(tx, id, 'published');
    });
    return this.queries.get(actor, id);
  }

  /** Withdraws a draft or published need. */
  async cancel(actor: Principal, id: string, reason?: string): Promise<NeedView> {
    await this.uow.run(async (tx) => {
      const need = await this.loadForChange(tx, actor, id);
      await this.transition(tx, need, 'cancel', { cancelledAt: this.clock.now() });
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'need.cancelled',
        entityType: 'need',
        entityId: id,
        reason: reason ?? null,
        data: { before: { status: need.status }, after: { status: 'cancelled' } },
      });
      await this.changed(tx, id, 'cancelled');
    });
    return this.queries.get(actor, id);
  }

  /**
   * Moves the bid deadline of a published need later, reopening bidding if
   * the deadline job had closed it. The bidding context calls it inside its
   * own transaction after checking that the need drew no bids. Audited.
   */
  async extendDeadline(tx: EntityManager, actor: Principal, id: string, bidDeadline: Date, reason?: string): Promise<void> {
    const need = await this.loadForChange(tx, actor, id);
    NEED_STATE_MACHINE.next(need.status, 'extend');
    this.assertDeadlineAhead(bidDeadline);
    if (bidDeadline.getTime() <= need.bidDeadline.getTime()) {
      throw new InvalidInputError([
        { field: 'bidDeadline', reason: `must be later than the current deadline ${need.bidDeadline.toISOString()}` },
      ]);
    }
    await this.transition(tx, need, 'extend', { bidDeadline, biddingClosedAt: null });
    await this.audit.record(tx, {
      actorId: actor.userId,
      action: 'need.deadline_extended',
      entityType: 'need',
      entityId: id,
      reason: reason ?? null,
      data: { before: { bidDeadline: need.bidDeadline.toISOString() }, after: { bidDeadline: bidDeadline.toISOString() } },
    });
    await this.changed(tx, id, 'updated');
  }

  /**
   * Marks a published need awarded to `bidId`, inside the bidding context's
   * award transaction. The update is conditional on the status, so of two
   * concurrent awards exactly one passes; the other gets a 409 naming the
   * current state. Authorisation and the audit entry are the caller's.
   */
  async award(tx: EntityManager, id: string, bidId: string): Promise<Need> {
    const need = await tx.findOneBy(Need, { id });
    if (!need) throw new NotFoundError('need', id);
    const awardedAt = this.clock.now();
    await this.transition(tx, need, 'award', { awardedBidId: bidId, awardedAt });
    await this.changed(tx, id, 'awarded');
    return { ...need, status: 'awarded', awardedBidId: bidId, awardedAt };
  }

  /**
   * Closes an awarded need once its project passed acceptance, inside the
   * projects context's transaction; a need already closed stays as it is.
   */
  async close(tx: EntityManager, id: string): Promise<void> {
    const need = await tx.findOneBy(Need, { id });
    if (!need) throw new NotFoundError('need', id);
    if (need.status === 'closed') return;
    await this.transition(tx, need, 'close', {});
    await this.changed(tx, id, 'closed');
  }

  /**
   * Records that bidding on a published need closed at `at`, once: only when
   * its deadline has passed by then and bidding is not already closed. Returns
   * whether this call closed it (the deadline job notifies only then).
   */
  async closeBidding(tx: EntityManager, id: string, at: Date): Promise<boolean> {
    const result = await tx.update(
      Need,
      { id, status: 'published', biddingClosedAt: IsNull(), bidDeadline: LessThanOrEqual(at) },
      { biddingClosedAt: at },
    );
    return !!result.affected;
  }

  /** Loads a need to change it: 404 if the caller may not even see it, 403 if not a member. */
  private async loadForChange(tx: EntityManager, actor: Principal, id: string): Promise<Need> {
    const need = await tx.findOneBy(Need, { id });
    if (!need || !this.queries.mayRead(actor, need)) throw new NotFoundError('need', id);
    if (!isMember(actor, need.enterpriseId)) {
      throw new ForbiddenError("only members of the need's enterprise may change it", 'not_enterprise_member');
    }
    return need;
  }

  private assertDeadlineAhead(deadline: Date): void {
    const now = this.clock.now();
    if (deadline.getTime() <= now.getTime()) {
      throw new InvalidInputError([
        { field: 'bidDeadline', reason: `must be in the future (now ${now.toISOString()}, got ${deadline.toISOString()})` },
      ]);
    }
  }

  private async assertSitesExist(sites: NeedSite[]): Promise<void> {
    if (!sites.length) return;
    const found = new Set((await this.directory.enterprisesByIds(sites.map((s) => s.enterpriseId))).map((e) => e.id));
    const problems = sites.flatMap((s, i) =>
      found.has(s.enterpriseId) ? [] : [{ field: `sites.${i}.enterpriseId`, reason: `no enterprise ${s.enterpriseId}` }],
    );
    if (problems.length) throw new InvalidInputError(problems);
  }

  /**
   * Applies `action` with a conditional update on the status read, so two
   * concurrent requests cannot both pass the state check (PostgreSQL runs
   * them in parallel; SQLite serialises them anyway).
   */
  private async transition(tx: EntityManager, need: Need, action: NeedAction, changes: Partial<Need>): Promise<void> {
    const status = NEED_STATE_MACHINE.next(need.status, action);
    const result = await tx.update(Need, { id: need.id, status: need.status }, { ...changes, status });
    if (!result.affected) {
      const current = await tx.findOneBy(Need, { id: need.id });
      if (current) NEED_STATE_MACHINE.next(current.status, action);
      throw new ConflictError('need_changed', 'the need changed meanwhile; reload and retry');
    }
  }

  private async changed(tx: EntityManager, needId: string, change: NeedChange): Promise<void> {
    await this.outbox.publish(tx, NeedChanged, { needId, change });
  }
}

/** A PATCH body without the fields it left out, so they are not written as NULL. */
function withoutUndefined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * A need names another enterprise as a site (实施点) only with that enterprise's consent: the
 * caller is one of its members, or the site came through a chain's joint need, whose route
 * checks the member's opt-in. 403 naming each site that lacks it.
 */
function assertSitesConsented(actor: Principal, sites: readonly NeedSite[], alreadyNamed: readonly string[]): void {
  const problems = sites.flatMap((s, i) =>
    alreadyNamed.includes(s.enterpriseId) || isMember(actor, s.enterpriseId)
      ? []
      : [{ field: `sites.${i}.enterpriseId`, reason: '该企业未同意作为实施点；联合需求请经产业链发布（链上成员须已同意参与联合需求）' }],
  );
  if (problems.length) {
    throw new DomainError('forbidden', 'site_without_consent', `不能将未同意的企业列为实施点: ${problems.map((p) => p.field).join(', ')}`, {
      problems,
    });
  }
}
