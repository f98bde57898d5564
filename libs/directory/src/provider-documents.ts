import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { hasRole, isMember } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import { DocumentOwners } from '@smedx/documents';
import type { DocumentKindRule, DocumentOwnerAccess, DocumentOwnerType } from '@smedx/documents';
import { isProviderOverseer } from './directory.policy.js';
import { Provider } from './entities/provider.entity.js';
import type { ProviderStatus } from '@smedx/contracts';

export const PROVIDER_DOCUMENT_OWNER = 'provider';

/**
 * What a provider's selection (遴选) is decided on: its business licence
 * (营业执照) is required before a city officer can approve it; its
 * qualifications and certificates (资质证书) and references (服务案例) are
 * read alongside.
 */
export const PROVIDER_DOCUMENT_KINDS: readonly DocumentKindRule[] = Object.freeze([
  { kind: 'business_licence', name: '营业执照', required: true },
  { kind: 'qualification', name: '资质证书', required: false },
  { kind: 'reference', name: '服务案例与证明', required: false },
  { kind: 'other', name: '其他材料', required: false },
]);

/** Awaiting a selection decision: the material may still change and the city officer marks it. */
const UNDER_SELECTION: readonly ProviderStatus[] = ['pending', 'rejected'];

/**
 * Providers as owners of documents. A licence and certificates are private:
 * the provider's members and the officers who oversee selection read them,
 * not the public that reads an approved provider's profile.
 */
@Injectable()
export class ProviderDocumentOwner implements DocumentOwnerType, OnModuleInit {
  readonly ownerKind = PROVIDER_DOCUMENT_OWNER;
  readonly label = '服务商遴选申请';
  readonly kinds = PROVIDER_DOCUMENT_KINDS;

  constructor(
    private readonly dataSource: DataSource,
    private readonly owners: DocumentOwners,
  ) {}

  onModuleInit(): void {
    this.owners.register(this);
  }

  async access(actor: Principal | null, id: string, tx?: EntityManager): Promise<DocumentOwnerAccess | null> {
    const provider = await (tx ?? this.dataSource.manager).findOneBy(Provider, { id });
    if (!provider) return null;
    const member = isMember(actor, provider.id);
    const underSelection = UNDER_SELECTION.includes(provider.status);
    return {
      read: member || (!!actor && isProviderOverseer(actor)),
      attach: member,
      review: hasRole(actor, 'city_officer') && underSelection,
      frozen: !underSelection,
      organisationId: provider.id,
    };
  }
}
