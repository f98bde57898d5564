import { estimateSubsidy } from '@smedx/contracts';
import type { BlacklistEntry, BlacklistSource } from './entities/blacklist-entry.entity.js';
import type { SubsidyApplication, SubsidyChangeRequest, SubsidyDecision } from './entities/subsidy-application.entity.js';
import type { InvestmentLine } from './subsidy-rules.js';
import type { SubsidyStatus } from '@smedx/contracts';

export interface SubsidyApplicationView {
  id: string;
  enterpriseId: string;
  enterpriseName: string | null;
  projectId: string;
  district: string;
  levelAfter: number;
  lines: InvestmentLine[];
  totalInvestmentFen: number;
  eligibleFen: number;
  amountFen: number;
  /** Whether the 500,000 CNY cap cut the amount. */
  capped: boolean;
  approvedFen: number | null;
  disbursedFen: number | null;
  clawbackFen: number | null;
  paymentReference: string | null;
  status: SubsidyStatus;
  history: SubsidyDecision[];
  changes: SubsidyChangeRequest[];
  submittedBy: string;
  submittedAt: Date;
  approvedAt: Date | null;
  disbursedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export function subsidyApplicationView(a: SubsidyApplication, enterpriseName: string | null): SubsidyApplicationView {
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
    history: a.history,
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

export interface BlacklistEntryView {
  id: string;
  enterpriseId: string;
  enterpriseName: string | null;
  reason: string;
  from: Date;
  until: Date;
  source: BlacklistSource;
  applicationId: string | null;
  createdBy: string;
  lifted: boolean;
  liftedAt: Date | null;
  liftedBy: string | null;
  liftReason: string | null;
  /** In force at the time of the request: started, not ended, not lifted. */
  active: boolean;
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

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
