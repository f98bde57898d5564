/** Shapes of the subsidy API (`libs/subsidy`, typed by `@smedx/contracts`), its labels, and the amount estimate the apply form shows. */

import type {
  BlacklistEntryView,
  InvestmentCategory,
  InvestmentLine as InvestmentLineView,
  SubsidyApplicationView,
  SubsidyChangeRequest as SubsidyChangeRequestView,
  SubsidyDecision as SubsidyDecisionView,
  SubsidyStatus,
  Wire,
} from '@smedx/contracts';
import { ELIGIBLE_CATEGORIES, estimateSubsidy } from '@smedx/contracts/rules/subsidy-estimate.js';
import { SUBSIDY_STATE_MACHINE } from '@smedx/contracts/states/subsidy-state.js';
export { CHANGE_STATUS_NAMES, SUBSIDY_STATUS_NAMES } from '@smedx/contracts/labels-zh.js';

export type { InvestmentCategory, SubsidyStatus } from '@smedx/contracts';

export type InvestmentLine = Wire<InvestmentLineView>;
export type SubsidyDecision = Wire<SubsidyDecisionView>;
export type SubsidyChangeRequest = Wire<SubsidyChangeRequestView>;
export type SubsidyApplication = Wire<SubsidyApplicationView>;
export type BlacklistEntry = Wire<BlacklistEntryView>;

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
export const BLACKLIST_SOURCE_NAMES: Record<string, string> = { manual: '市级认定', fraud_revocation: '弄虚作假撤销补贴' };

/** Statuses in which a member may ask for a major change (第九条): those whose row of the state table allows it. */
export const CHANGEABLE_STATUSES: readonly SubsidyStatus[] = SUBSIDY_STATE_MACHINE.statesAllowing('request_change');

/** 元 typed into the form → integer fen. */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

/**
 * The amounts the server will compute (it has the last word), by the same rule:
 * eligible = software + cloud + data devices; the subsidy is {@link estimateSubsidy}.
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
    if (line.category && ELIGIBLE_CATEGORIES.includes(line.category)) eligibleFen += line.amountFen;
  }
  const { subsidyFen, capped } = estimateSubsidy({ eligibleInvestmentFen: eligibleFen, totalFen });
  return { totalFen, eligibleFen, amountFen: subsidyFen, capped };
}
