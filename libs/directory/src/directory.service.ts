import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DigitalLevel } from '@smedx/taxonomy';
import { ConsentsService } from './consents.service.js';
import type { ProviderRecord } from './directory.views.js';
import type { ConsentScope } from './entities/data-consent.entity.js';
import type { DigitalLevelSource, Enterprise } from './entities/enterprise.entity.js';
import type { Provider } from './entities/provider.entity.js';
import { EnterprisesService } from './enterprises.service.js';
import { ProvidersService } from './providers.service.js';

/**
 * The directory as other contexts use it: look-ups of enterprises and providers, the
 * publishing gate, data-rights checks, and the few fields other contexts maintain (digital
 * level, chain leader, provider record). Returned entities are read-only to callers.
 */
@Injectable()
export class DirectoryService {
  constructor(
    private readonly enterprises: EnterprisesService,
    private readonly providers: ProvidersService,
    private readonly consents: ConsentsService,
  ) {}

  /** The enterprise, or `NotFoundError` (404). */
  getEnterprise(id: string, tx?: EntityManager): Promise<Enterprise> {
    return this.enterprises.getEnterprise(id, tx);
  }

  /** The enterprise with its row locked for the rest of `tx` (PostgreSQL), or a 404. */
  lockEnterprise(tx: EntityManager, id: string): Promise<Enterprise> {
    return this.enterprises.lockEnterprise(tx, id);
  }

  /** Enterprises by id in one query; unknown ids are left out, order is not kept. */
  enterprisesByIds(ids: readonly string[], tx?: EntityManager): Promise<Enterprise[]> {
    return this.enterprises.enterprisesByIds(ids, tx);
  }

  /** The provider, or `NotFoundError` (404). */
  getProvider(id: string, tx?: EntityManager): Promise<Provider> {
    return this.providers.getProvider(id, tx);
  }

  /** Providers by id in one query; unknown ids are left out, order is not kept. */
  providersByIds(ids: readonly string[], tx?: EntityManager): Promise<Provider[]> {
    return this.providers.providersByIds(ids, tx);
  }

  /**
   * The provider if it is approved; otherwise `StateConflictError('provider', status, 'publish')`
   * (409 naming the status). Gate for publishing solutions and bidding.
   */
  assertMayPublish(providerId: string, tx?: EntityManager): Promise<Provider> {
    return this.providers.assertMayPublish(providerId, tx);
  }

  /** Whether the enterprise currently lets that organisation see data of this scope. */
  hasConsent(enterpriseId: string, granteeOrganisationId: string, scope: ConsentScope): Promise<boolean> {
    return this.consents.hasConsent(enterpriseId, granteeOrganisationId, scope);
  }

  /** Sets the enterprise's current digital level (and what set it) in the caller's transaction. */
  setDigitalLevel(tx: EntityManager, enterpriseId: string, level: DigitalLevel, source: DigitalLevelSource): Promise<void> {
    return this.enterprises.setDigitalLevel(tx, enterpriseId, level, source);
  }

  /** Marks or unmarks the enterprise as a chain leader (链主) in the caller's transaction. */
  setChainLeader(tx: EntityManager, enterpriseId: string, isChainLeader: boolean): Promise<void> {
    return this.enterprises.setChainLeader(tx, enterpriseId, isChainLeader);
  }

  /** Overwrites the given parts of the provider's record in the caller's transaction. */
  updateRecord(tx: EntityManager, providerId: string, patch: Partial<ProviderRecord>): Promise<void> {
    return this.providers.updateRecord(tx, providerId, patch);
  }
}
