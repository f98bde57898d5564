import { estimateSubsidy, subsidyActorRole } from '@smedx/contracts';
import type { BlacklistEntryView, SubsidyApplicationView } from '@smedx/contracts';
import type { BlacklistEntry } from './entities/blacklist-entry.entity.js';
import type { SubsidyApplication } from './entities/subsidy-application.entity.js';

export type { BlacklistEntryView, Page, SubsidyApplicationView } from '@smedx/contracts';

/** The application as shown; `people` names the users who took its steps (办理记录), by id. */
export function subsidyApplicationView(
  a: SubsidyApplication,
  enterpriseName: string | null,
  people: ReadonlyMap<string, string> = new Map(),
): SubsidyApplicationView {
  return {
    id: a.id,
    enterpriseId: a.enterpriseId,
    enterpriseName,
    projectId: a.projectId,
    district: a.district,
    levelAfter: a.levelAfter,
    lines: a.lines,
    totalInvestmentFen: a.totalInvestmentFen,
    eligibleFen: a.eligibleFen,
    amountFen: a.amountFen,
    capped: estimateSubsidy({ eligibleInvestmentFen: a.eligibleFen, totalFen: a.totalInvestmentFen }).capped,
    approvedFen: a.approvedFen,
    disbursedFen: a.disbursedFen,
    clawbackFen: a.clawbackFen,
    paymentReference: a.paymentReference,
    status: a.status,
    history: a.history.map((h) => ({ ...h, actorName: people.get(h.actorId) ?? null, actorRole: subsidyActorRole(h) })),
    changes: a.changes,
    submittedBy: a.submittedBy,
    submittedAt: a.submittedAt,
    approvedAt: a.approvedAt,
    disbursedAt: a.disbursedAt,
    revokedAt: a.revokedAt,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

export function blacklistEntryView(e: BlacklistEntry, enterpriseName: string | null, now: Date): BlacklistEntryView {
  return {
    id: e.id,
    enterpriseId: e.enterpriseId,
    enterpriseName,
    reason: e.reason,
    from: e.from,
    until: e.until,
    source: e.source,
    applicationId: e.applicationId,
    createdBy: e.createdBy,
    lifted: e.liftedAt !== null,
    liftedAt: e.liftedAt,
    liftedBy: e.liftedBy,
    liftReason: e.liftReason,
    active: e.liftedAt === null && e.from.getTime() <= now.getTime() && now.getTime() < e.until.getTime(),
  };
}
