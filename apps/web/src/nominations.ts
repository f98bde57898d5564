import type { NominationView, Wire } from '@smedx/contracts';
import { AWARD_CAP_FEN } from '@smedx/contracts/rules/programme-caps.js';
export { NOMINATION_STATUS_NAMES } from '@smedx/contracts/labels-zh.js';

/** A nomination as the browser holds it (`NominationView` of the contract). */
export type Nomination = Wire<NominationView>;

export const NOMINATION_CATEGORY_NAMES: Record<Nomination['category'], string> = {
  chain_case: '链式典型案例',
  product: '优秀“小快轻准”产品',
  benchmark: '数字化转型示范标杆',
  digital_workshop: '数字化车间',
  smart_factory: '智能工厂',
};

/** 500,000 CNY: the most one award carries (`AWARD_CAP_FEN` of the programme's rules). */
export const AWARD_CAP_YUAN = AWARD_CAP_FEN / 100;
