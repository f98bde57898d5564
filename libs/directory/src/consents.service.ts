import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import {
  CLOCK,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  StateConflictError,
  UnitOfWork,
  isMember,
  isUuid,
} from '@smedx/platform';
import type { Clock, Principal } from '@smedx/platform';
import { AuditService } from '@smedx/audit';
import type { GrantConsentInput } from './dto/directory.dto.js';
import { consentView } from './directory.views.js';
import type { ConsentView, Page } from './directory.views.js';
import { DataConsent } from './entities/data-consent.entity.js';
import type { ConsentScope } from './entities/data-consent.entity.js';
import { Enterprise } from './entities/enterprise.entity.js';
import { Provider } from './entities/provider.entity.js';

/**
 * Data rights: an enterprise decides which providers and chain leaders may see its diagnosis
 * and the private details of its needs, and may revoke that consent. Only its members manage it.
 */
@Injectable()
export class ConsentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Grants consent to one organisation; 409 `consent_exists` while an earlier one to it is still active. */
  async grant(principal: Principal, enterpriseId: string, input: GrantConsentInput): Promise<ConsentView> {
    return this.uow.run(async (tx) => {
      await this.assertManages(principal, enterpriseId, tx);
      if (input.granteeOrganisationId === enterpriseId) {
        throw new InvalidInputError([{ field: 'granteeOrganisationId', reason: 'an enterprise always sees its own data' }]);
      }
      const [provider, enterprise] = await Promise.all([
        tx.findOne(Provider, { where: { id: input.granteeOrganisationId }, select: { id: true, name: true } }),
        tx.findOne(Enterprise, { where: { id: input.granteeOrganisationId }, select: { id: true, name: true } }),
      ]);
      const grantee = provider
        ? { kind: 'provider' as const, name: provider.name }
        : enterprise
          ? { kind: 'enterprise' as const, name: enterprise.name }
          : null;
      if (!grantee) {
        throw new InvalidInputError([{ field: 'granteeOrganisationId', reason: 'no provider or enterprise has this id' }]);
      }
      const active = await tx.findOneBy(DataConsent, {
        enterpriseId,
        granteeOrganisationId: input.granteeOrganisationId,
        revokedAt: IsNull(),
      });
      if (active) {
        throw new ConflictError(
          'consent_exists',
          'this organisation already holds an active consent; revoke it first to change the scopes',
          {
            consentId: active.id,
          },
        );
      }
      const consent = await tx.save(
        tx.create(DataConsent, {
          enterpriseId,
          granteeOrganisationId: input.granteeOrganisationId,
          granteeKind: grantee.kind,
          scopes: input.scopes,
          grantedBy: principal.userId,
          grantedAt: this.clock.now(),
          revokedBy: null,
          revokedAt: null,
        }),
      );
      await this.audit.record(tx, {
        actorId: principal.userId,
        action: 'consent.granted',
        entityType: 'enterprise',
        entityId: enterpriseId,
        data: {
          consentId: consent.id,
          granteeOrganisationId: consent.granteeOrganisationId,
          granteeKind: grantee.kind,
          scopes: consent.scopes,
        },
      });
      return consentView(consent, grantee.name);
    });
  }

  /** The enterprise's consents, active and revoked, newest first. */
  async list(principal: Principal, enterpriseId: string, page: number, pageSize: number): Promise<Page<ConsentView>> {
    await this.assertManages(principal, enterpriseId);
    const [rows, total] = await this.dataSource.getRepository(DataConsent).findAndCount({
      where: { enterpriseId },
      order: { grantedAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    const names = await this.granteeNames(rows);
    return { items: rows.map((c) => consentView(c, names.get(c.granteeOrganisationId) ?? null)), total, page, pageSize };
  }

  /** Revokes a consent; 409 naming the state if it is already revoked. */
  async revoke(principal: Principal, enterpriseId: string, consentId: string): Promise<ConsentView> {
    const consent = await this.uow.run(async (tx) => {
      await this.assertManages(principal, enterpriseId, tx);
      const current = isUuid(consentId) ? await tx.findOneBy(DataConsent, { id: consentId, enterpriseId }) : null;
      if (!current) throw new NotFoundError('consent', consentId);
      if (current.revokedAt) throw new StateConflictError('consent', 'revoked', 'revoke');
      current.revokedAt = this.clock.now();
      current.revokedBy = principal.userId;
      const saved = await tx.save(current);
      await this.audit.record(tx, {
        actorId: principal.userId,
        action: 'consent.revoked',
        entityType: 'enterprise',
        entityId: enterpriseId,
        data: { consentId, granteeOrganisationId: saved.granteeOrganisationId, scopes: saved.scopes },
      });
      return saved;
    });
    const names = await this.granteeNames([consent]);
    return consentView(consent, names.get(consent.granteeOrganisationId) ?? null);
  }

  /** Whether the enterprise currently lets `granteeOrganisationId` see data of `scope`. */
  async hasConsent(enterpriseId: string, granteeOrganisationId: string, scope: ConsentScope): Promise<boolean> {
    if (!isUuid(enterpriseId) || !isUuid(granteeOrganisationId)) return false;
    const active = await this.dataSource.getRepository(DataConsent).findBy({ enterpriseId, granteeOrganisationId, revokedAt: IsNull() });
    return active.some((c) => c.scopes.includes(scope));
  }

  private async assertManages(principal: Principal, enterpriseId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const exists = isUuid(enterpriseId) && (await manager.existsBy(Enterprise, { id: enterpriseId }));
    if (!exists) throw new NotFoundError('enterprise', enterpriseId);
    if (!isMember(principal, enterpriseId)) throw new ForbiddenError("only the enterprise's members manage its data consents");
  }

  /** Names of the grantees, one query per kind. */
  private async granteeNames(consents: DataConsent[]): Promise<Map<string, string>> {
    const ids = (kind: DataConsent['granteeKind']) => [
      ...new Set(consents.filter((c) => c.granteeKind === kind).map((c) => c.granteeOrganisationId)),
    ];
    const [providers, enterprises] = await Promise.all([
      ids('provider').length
        ? this.dataSource.getRepository(Provider).find({ where: { id: In(ids('provider')) }, select: { id: true, name: true } })
        : [],
      ids('enterprise').length
        ? this.dataSource.getRepository(Enterprise).find({ where: { id: In(ids('enterprise')) }, select: { id: true, name: true } })
        : [],
    ]);
    return new Map([...providers, ...enterprises].map((o) => [o.id, o.name]));
  }
}
