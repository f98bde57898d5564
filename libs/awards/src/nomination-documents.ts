import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { hasRole, isMember, isUuid } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import { isDistrictOfficerFor } from '@smedx/directory';
import { DocumentOwners } from '@smedx/documents';
import type { DocumentKindRule, DocumentOwnerAccess, DocumentOwnerType } from '@smedx/documents';
import { ASSESSOR_NOMINATION_STATUSES } from './awards.policy.js';
import { Nomination } from './entities/nomination.entity.js';

export const NOMINATION_DOCUMENT_OWNER = 'nomination';

/**
 * What a nomination is judged on: the case material (典型案例材料 — what was done, the
 * figures before and after) is required before the district may recommend it; certificates
 * and test reports (证明材料) and other material go alongside.
 */
export const NOMINATION_DOCUMENT_KINDS: readonly DocumentKindRule[] = Object.freeze([
  { kind: 'case_material', name: '典型案例材料', required: true },
  { kind: 'certificate', name: '证明材料（检测报告、证书）', required: false },
  { kind: 'other', name: '其他材料', required: false },
]);

/**
 * Nominations as owners of documents. The material is read by the nominee's members, the
 * nominator, the nominee's district officer, city officers and — from the recommendation on —
 * the assessors who score it; not by the public, which reads a nomination on notice but not
 * its files. It is filed while the nomination waits for the district (`nominated`) and marked
 * by that district's officer; from the recommendation on it is frozen (replacements only).
 */
@Injectable()
export class NominationDocumentOwner implements DocumentOwnerType, OnModuleInit {
  readonly ownerKind = NOMINATION_DOCUMENT_OWNER;
  readonly label = '评优申报';
  readonly kinds = NOMINATION_DOCUMENT_KINDS;

  constructor(
    private readonly dataSource: DataSource,
    private readonly owners: DocumentOwners,
  ) {}

  onModuleInit(): void {
    this.owners.register(this);
  }

  async access(actor: Principal | null, id: string, tx?: EntityManager): Promise<DocumentOwnerAccess | null> {
    const n = isUuid(id) ? await (tx ?? this.dataSource.manager).findOneBy(Nomination, { id }) : null;
    if (!n) return null;
    const party = isMember(actor, n.nomineeId) || (!!actor && n.nominatedBy === actor.userId);
    const districtOfficer = !!actor && isDistrictOfficerFor(actor, n.district);
    const read =
      party ||
      districtOfficer ||
      hasRole(actor, 'city_officer', 'admin') ||
      (hasRole(actor, 'assessor') && ASSESSOR_NOMINATION_STATUSES.includes(n.status));
    const open = n.status === 'nominated';
    return {
      read,
      attach: party,
      review: districtOfficer && open,
      frozen: !open,
      organisationId: n.nomineeId,
    };
  }
}
