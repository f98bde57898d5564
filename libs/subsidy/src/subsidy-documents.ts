import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { hasRole, isMember } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import { isDistrictOfficerFor } from '@smedx/directory';
import { DocumentOwners } from '@smedx/documents';
import type { DocumentKindRule, DocumentOwnerAccess, DocumentOwnerType } from '@smedx/documents';
import { SubsidyApplication } from './entities/subsidy-application.entity.js';
import type { SubsidyStatus } from '@smedx/contracts';
import { mayReadApplication } from './subsidy.policy.js';

export const SUBSIDY_DOCUMENT_OWNER = 'subsidy_application';

/**
 * The evidence an application is decided on (第七条、第八条: build first,
 * subsidise after, on the contract, the invoices and the payment records of
 * the software, cloud services and data devices claimed, and the delivery's
 * acceptance). The required ones must all be given before an application can
 * be submitted (409 naming the missing ones); a change request (第九条) is
 * explained by its own document.
 */
export const SUBSIDY_DOCUMENT_KINDS: readonly DocumentKindRule[] = Object.freeze([
  { kind: 'contract', name: '项目合同', required: true },
  { kind: 'invoice', name: '发票', required: true },
  { kind: 'payment_record', name: '付款凭证', required: true },
  { kind: 'delivery_acceptance', name: '交付验收单', required: true },
  { kind: 'change_request', name: '变更申请材料', required: false },
  { kind: 'other', name: '其他证明材料', required: false },
]);

/** A decided application keeps its documents as they were reviewed. */
const DECIDED: readonly SubsidyStatus[] = ['approved', 'disbursed', 'rejected', 'revoked'];

/**
 * Marks belong to the reviewer at the application's stage: the officer of its
 * district while it awaits 初审, a city officer while it awaits 复核.
 */
function reviewsNow(actor: Principal, a: SubsidyApplication): boolean {
  return (
    (a.status === 'submitted' && isDistrictOfficerFor(actor, a.district)) ||
    (a.status === 'district_approved' && hasRole(actor, 'city_officer'))
  );
}

/** Subsidy applications as owners of documents, under the application's own read policy. */
@Injectable()
export class SubsidyDocumentOwner implements DocumentOwnerType, OnModuleInit {
  readonly ownerKind = SUBSIDY_DOCUMENT_OWNER;
  readonly label = '专项资金申报';
  readonly kinds = SUBSIDY_DOCUMENT_KINDS;

  constructor(
    private readonly dataSource: DataSource,
    private readonly owners: DocumentOwners,
  ) {}

  onModuleInit(): void {
    this.owners.register(this);
  }

  async access(actor: Principal | null, id: string, tx?: EntityManager): Promise<DocumentOwnerAccess | null> {
    const a = await (tx ?? this.dataSource.manager).findOneBy(SubsidyApplication, { id });
    if (!a) return null;
    const read = !!actor && mayReadApplication(actor, a);
    return {
      read,
      attach: read && isMember(actor, a.enterpriseId),
      review: read && reviewsNow(actor!, a),
      frozen: DECIDED.includes(a.status),
      organisationId: a.enterpriseId,
    };
  }

  /** Kept for `years` after the payment (or after the rejection or revocation that ended it); live ones are kept. */
  async retainUntil(id: string, years: number): Promise<Date | null> {
    const a = await this.dataSource.manager.findOneBy(SubsidyApplication, { id });
    if (!a) return new Date(0);
    const end =
      a.status === 'disbursed' ? a.disbursedAt : a.status === 'revoked' ? a.revokedAt : a.status === 'rejected' ? a.updatedAt : null;
    if (!end) return null;
    const until = new Date(end);
    until.setUTCFullYear(until.getUTCFullYear() + years);
    return until;
  }
}
