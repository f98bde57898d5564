/** Shapes of the subsidy API (`libs/subsidy`), its labels, and the amount estimate the apply form shows. */

export type SubsidyStatus = 'submitted' | 'returned' | 'district_approved' | 'approved' | 'disbursed' | 'rejected' | 'revoked';
export type InvestmentCategory = 'software' | 'cloud' | 'data_device' | 'other';

export interface InvestmentLine {
  category: InvestmentCategory;
  amountFen: number;
  description: string;
}

export interface SubsidyDecision {
  action: string;
  stage: 'district' | 'city' | null;
  fromStatus: SubsidyStatus | null;
  toStatus: SubsidyStatus;
  reason: string | null;
  actorId: string;
  at: string;
}

export interface SubsidyChangeRequest {
  id: string;
  kind: 'subject' | 'content' | 'nature';
  description: string;
  reason: string;
  status: 'pending' | 'approved' | 'rejected';
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  filedWithCityAt: string | null;
}

export interface SubsidyApplication {
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
  capped: boolean;
  approvedFen: number | null;
  disbursedFen: number | null;
  clawbackFen: number | null;
  paymentReference: string | null;
  status: SubsidyStatus;
  history: SubsidyDecision[];
  changes: SubsidyChangeRequest[];
  submittedBy: string;
  submittedAt: string;
  approvedAt: string | null;
  disbursedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface BlacklistEntry {
  id: string;
  enterpriseId: string;
  enterpriseName: string | null;
  reason: string;
  from: string;
  until: string;
  source: 'manual' | 'fraud_revocation';
  applicationId: string | null;
  createdBy: string;
  lifted: boolean;
  liftedAt: string | null;
  liftedBy: string | null;
  liftReason: string | null;
  active: boolean;
}

export const SUBSIDY_STATUS_NAMES: Record<string, string> = {
  submitted: '待区县初审',
  returned: '已退回',
  district_approved: '待市级复核',
  approved: '已批准',
  disbursed: '已拨付',
  rejected: '未通过',
  revoked: '已撤销',
};

export const SUBSIDY_STATUS_COLORS: Record<string, string> = {
  submitted: 'blue',
  returned: 'orange',
  district_approved: 'gold',
  approved: 'green',
  disbursed: 'cyan',
  rejected: 'red',
  revoked: 'default',
};

export const INVESTMENT_CATEGORY_NAMES: Record<InvestmentCategory, string> = {
  software: '软件',
  cloud: '云服务',
  data_device: '数据采集传输设备（网关、路由等）',
  other: '其他（不计入补贴基数）',
};

export const SUBSIDY_ACTION_NAMES: Record<string, string> = {
  submit: '提交申请',
  resubmit: '重新提交',
  approve: '通过',
  return: '退回',
  reject: '不通过',
  disburse: '拨付',
  revoke: '撤销',
};

export const STAGE_NAMES: Record<string, string> = { district: '区县初审', city: '市级复核' };

export const CHANGE_KIND_NAMES: Record<string, string> = { subject: '项目主体', content: '主要建设内容', nature: '建设性质' };
export const CHANGE_STATUS_NAMES: Record<string, string> = { pending: '待审核', approved: '已同意（已报市级备案）', rejected: '未同意' };

export const BLACKLIST_SOURCE_NAMES: Record<string, string> = { manual: '市级认定', fraud_revocation: '弄虚作假撤销补贴' };

/** Statuses in which a member may ask for a major change (第九条). */
export const CHANGEABLE_STATUSES: readonly SubsidyStatus[] = ['submitted', 'returned', 'district_approved', 'approved'];

const ELIGIBLE: readonly InvestmentCategory[] = ['software', 'cloud', 'data_device'];
/** ¥500,000 in fen (第四条). */
export const SUBSIDY_CAP_FEN = 50_000_000;

/** 元 typed into the form → integer fen. */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

/**
 * The amounts the server will compute (it has the last word): eligible = software + cloud + data
 * devices; subsidy = half of it rounded down to whole fen, at most ¥500,000.
 */
export function estimateAmounts(lines: readonly { category?: InvestmentCategory; amountFen: number }[]): {
  totalFen: number;
  eligibleFen: number;
  amountFen: number;
  capped: boolean;
} {
  let totalFen = 0;
  let eligibleFen = 0;
  for (const line of lines) {
    if (!Number.isSafeInteger(line.amountFen) || line.amountFen <= 0) continue;
    totalFen += line.amountFen;
    if (line.category && ELIGIBLE.includes(line.category)) eligibleFen += line.amountFen;
  }
  const half = Math.floor(eligibleFen / 2);
  return { totalFen, eligibleFen, amountFen: Math.min(half, SUBSIDY_CAP_FEN), capped: half > SUBSIDY_CAP_FEN };
}
