/** Nominations and awards as the API returns them (`libs/awards`, `NominationView`). */
export interface Nomination {
  id: string;
  category: 'chain_case' | 'product' | 'benchmark' | 'digital_workshop' | 'smart_factory';
  subjectId: string;
  nomineeId: string;
  nomineeName: string | null;
  industry: string | null;
  district: string;
  title: string;
  summary: string;
  evidence: { kind: string; name: string }[];
  status: 'nominated' | 'recommended' | 'in_review' | 'on_notice' | 'awarded' | 'rejected';
  scores: { assessorId: string; assessorName: string; score: number; comment: string | null }[];
  scoreCount: number;
  minAssessors: number;
  reviewScore: number | null;
  noticeStartsAt: string | null;
  noticeEndsAt: string | null;
  objections: { id: string; text: string; raisedAt: string; answer: string | null }[];
  openObjections: number;
  awardFen: number | null;
  awardedAt: string | null;
  history: { action: string; toStatus: string; reason: string | null; at: string }[];
  nominatedAt: string;
}

export const NOMINATION_CATEGORY_NAMES: Record<Nomination['category'], string> = {
  chain_case: '链式典型案例',
  product: '优秀“小快轻准”产品',
  benchmark: '数字化转型示范标杆',
  digital_workshop: '数字化车间',
  smart_factory: '智能工厂',
};

export const NOMINATION_STATUS_NAMES: Record<Nomination['status'], string> = {
  nominated: '待区县推荐',
  recommended: '待专家评审',
  in_review: '专家评审中',
  on_notice: '公示中',
  awarded: '已认定',
  rejected: '未通过',
};

/** 500,000 CNY: the most one award carries (as `AWARD_CAP_FEN` on the server). */
export const AWARD_CAP_YUAN = 500_000;
