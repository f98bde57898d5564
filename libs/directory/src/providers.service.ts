import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  CLOCK,
  ForbiddenError,
  NotFoundError,
  OutboxService,
  StateConflictError,
  UnitOfWork,
  hasRole,
  isMember,
  isUuid,
} from '@smedx/platform';
import type { Clock, Principal } from '@smedx/platform';
import { AuditService } from '@smedx/audit';
import { IdentityService } from '@smedx/identity';
import { DocumentsService } from '@smedx/documents';
import type { CreateProviderInput, ProviderFilter, SelectionDecisionInput, UpdateProviderInput } from './dto/directory.dto.js';
import { isProviderOverseer } from './directory.policy.js';
import { providerView } from './directory.views.js';
import type { Page, ProviderRecord, ProviderView } from './directory.views.js';
import { ProviderSelectionDecision } from './entities/provider-selection-decision.entity.js';
import { Provider } from './entities/provider.entity.js';
import { ProviderChanged } from './directory.events.js';
import { PROVIDER_STATE_MACHINE } from '@smedx/contracts';
import type { ProviderStatus, SelectionDecision } from '@smedx/contracts';
import { containsPattern, usccMustBeFree, usccTaken } from './persistence.js';
import { PROVIDER_DOCUMENT_OWNER } from './provider-documents.js';

/** Audit action per decision. */
const DECISION_ACTION: Record<SelectionDecision, string> = {
  approve: 'provider.approved',
  reject: 'provider.rejected',
  suspend: 'provider.suspended',
  reinstate: 'provider.reinstated',
};

/**
 * A suspended provider stays visible (enterprises it served need to see it and its status);
 * pending and rejected applications are private to the provider's members and officers.
 */
const PUBLIC_STATUSES: readonly ProviderStatus[] = ['approved', 'suspended'];

/**
 * Digital service providers: application, profile, selection (遴选) by city officers and the
 * track record. Only an approved provider publishes solutions and bids ({@link assertMayPublish}).
 */
@Injectable()
export class ProvidersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly identity: IdentityService,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly documents: DocumentsService,
  ) {}

  /** A provider applies: it starts `pending` and the caller becomes its owner. */
  async create(principal: Principal, input: CreateProviderInput): Promise<ProviderView> {
    const provider = await usccMustBeFree('provider', () =>
      this.uow.run(async (tx) => {
        if (await tx.existsBy(Provider, { uscc: input.uscc })) throw usccTaken('provider');
        const created = await tx.save(tx.create(Provider, { ...input, status: 'pending' }));
        await this.identity.addOwner(tx, created.id, 'provider', principal.userId);
        await this.audit.record(tx, {
          actorId: principal.userId,
          action: 'provider.applied',
          entityType: 'provider',
          entityId: created.id,
          data: { uscc: created.uscc, kind: created.kind, districts: created.districts },
        });
        return created;
      }),
    );
    return providerView(provider, []);
  }

  /** The profile; members and officers also get the selection history. 404 when the caller may not see it. */
  async get(principal: Principal, id: string): Promise<ProviderView> {
    const provider = await this.visibleProvider(principal, id);
    return this.mayReview(principal, provider) ? providerView(provider, await this.decisions(provider.id)) : providerView(provider);
  }

  /** Members change the profile; a changed USCC is checked for uniqueness again. */
  async update(principal: Principal, id: string, input: UpdateProviderInput): Promise<ProviderView> {
    const provider = await usccMustBeFree('provider', () =>
      this.uow.run(async (tx) => {
        const current = await this.visibleProvider(principal, id, tx);
        if (!isMember(principal, id)) throw new ForbiddenError('only members of this provider may change it');
        if (input.uscc !== undefined && input.uscc !== current.uscc && (await tx.existsBy(Provider, { uscc: input.uscc }))) {
          throw usccTaken('provider');
        }
        const before = { uscc: current.uscc, kind: current.kind };
        Object.assign(current, Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)));
        const saved = await tx.save(current);
        // The USCC and the kind are what officers selected; changing them afterwards is on the record.
        if (before.uscc !== saved.uscc || before.kind !== saved.kind) {
          await this.audit.record(tx, {
            actorId: principal.userId,
            action: 'provider.updated',
            entityType: 'provider',
            entityId: id,
            data: { before, after: { uscc: saved.uscc, kind: saved.kind } },
          });
        }
        // Name, kind and districts appear on its solutions' search documents.
        await this.outbox.publish(tx, ProviderChanged, { providerId: id, change: 'profile' });
        return saved;
      }),
    );
    return providerView(provider, await this.decisions(provider.id));
  }

  /** Approved providers (officers may ask for any status), by name. */
  async list(principal: Principal, filter: ProviderFilter, page: number, pageSize: number): Promise<Page<ProviderView>> {
    const status = filter.status ?? 'approved';
    if (status !== 'approved' && !isProviderOverseer(principal)) {
      throw new ForbiddenError('only officers may list providers that are not approved');
    }
    const qb = this.dataSource.getRepository(Provider).createQueryBuilder('p').where('p.status = :status', { status });
    if (filter.kind) qb.andWhere('p.kind = :kind', { kind: filter.kind });
    // districts is a JSON array of codes; codes are lower_snake, so the quoted code matches one element exactly.
    if (filter.district) qb.andWhere('p.districts LIKE :district', { district: `%"${filter.district}"%` });
    if (filter.q) qb.andWhere("LOWER(p.name) LIKE :q ESCAPE '\\'", { q: containsPattern(filter.q) });
    const [rows, total] = await qb
      .orderBy('p.name', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: rows.map((p) => providerView(p)), total, page, pageSize };
  }

  /**
   * A city officer's selection decision, applied through the table in `provider-selection.ts`
   * (409 naming the current status when it forbids the decision), kept in the provider's history
   * and in the audit trail with its reason.
   */
  async decide(principal: Principal, id: string, input: SelectionDecisionInput): Promise<ProviderView> {
    if (!hasRole(principal, 'city_officer')) throw new ForbiddenError('only city officers decide on provider selection', 'role_required');
    const provider = await this.uow.run(async (tx) => {
      const current = await this.getProvider(id, tx);
      const from = current.status;
      const to = PROVIDER_STATE_MACHINE.next(from, input.decision);
      // Selection rests on the material: no approval without the required kinds (the business licence).
      if (input.decision === 'approve') await this.documents.assertOwnerComplete(PROVIDER_DOCUMENT_OWNER, id, tx);
      // Conditional on the status read, so two officers deciding at once cannot both succeed.
      const result = await tx
        .createQueryBuilder()
        .update(Provider)
        .set({ status: to })
        .where('id = :id AND status = :from', { id, from })
        .execute();
      if (!result.affected) {
        const now = await this.getProvider(id, tx);
        throw new StateConflictError('provider', now.status, input.decision);
      }
      await tx.insert(ProviderSelectionDecision, {
        providerId: id,
        decision: input.decision,
        fromStatus: from,
        toStatus: to,
        reason: input.reason,
        actorId: principal.userId,
        decidedAt: this.clock.now(),
      });
      await this.audit.record(tx, {
        actorId: principal.userId,
        action: DECISION_ACTION[input.decision],
        entityType: 'provider',
        entityId: id,
        reason: input.reason,
        data: { decision: input.decision, fromStatus: from, toStatus: to },
      });
      await this.outbox.publish(tx, ProviderChanged, { providerId: id, change: 'status' });
      return this.getProvider(id, tx);
    });
    return providerView(provider, await this.decisions(id));
  }

  /**
   * The provider if it may publish solutions and bid, else a 409 naming its status
   * (`StateConflictError('provider', status, 'publish')`); 404 if unknown.
   */
  async assertMayPublish(providerId: string, tx?: EntityManager): Promise<Provider> {
    const provider = await this.getProvider(providerId, tx);
    if (provider.status !== 'approved') throw new StateConflictError('provider', provider.status, 'publish');
    return provider;
  }

  /** The provider, or a 404 (a malformed id is simply unknown). Pass `tx` to read inside a transaction. */
  async getProvider(id: string, tx?: EntityManager): Promise<Provider> {
    const provider = isUuid(id) ? await (tx ?? this.dataSource.manager).findOneBy(Provider, { id }) : null;
    if (!provider) throw new NotFoundError('provider', id);
    return provider;
  }

  /** The providers with these ids, in one query; unknown ids are left out. */
  async providersByIds(ids: readonly string[], tx?: EntityManager): Promise<Provider[]> {
    const valid = [...new Set(ids)].filter(isUuid);
    if (!valid.length) return [];
    return (tx ?? this.dataSource.manager).findBy(Provider, { id: In(valid) });
  }

  /**
   * Overwrites the given parts of the provider's record inside the caller's transaction (the
   * projects context after acceptance and ratings, the events context on a no-show). Callers
   * computing a new value from the old one read it in the same transaction.
   */
  async updateRecord(tx: EntityManager, providerId: string, patch: Partial<ProviderRecord>): Promise<void> {
    const values = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<ProviderRecord>;
    if (!Object.keys(values).length) return;
    if (!isUuid(providerId)) throw new NotFoundError('provider', providerId);
    const result = await tx.update(Provider, { id: providerId }, values);
    if (!result.affected) throw new NotFoundError('provider', providerId);
  }

  /** Members of the provider and officers; everyone else sees approved or suspended providers only. */
  private mayReview(principal: Principal, provider: Provider): boolean {
    return isMember(principal, provider.id) || isProviderOverseer(principal);
  }

  private async visibleProvider(principal: Principal, id: string, tx?: EntityManager): Promise<Provider> {
    const provider = await this.getProvider(id, tx);
    if (!PUBLIC_STATUSES.includes(provider.status) && !this.mayReview(principal, provider)) throw new NotFoundError('provider', id);
    return provider;
  }

  private decisions(providerId: string): Promise<ProviderSelectionDecision[]> {
    return this.dataSource.getRepository(ProviderSelectionDecision).find({ where: { providerId }, order: { decidedAt: 'ASC', id: 'ASC' } });
  }
}
