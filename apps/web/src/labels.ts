/** Chinese names of the API's fixed codes (the taxonomies come from `GET /taxonomies`). */

/** The state and role names the server's Chinese error texts use too, from the contract. */
export {
  BID_STATUS_NAMES,
  EVENT_STATUS_NAMES,
  INVITATION_STATUS_NAMES,
  JOB_KIND_NAMES,
  JOB_STATE_NAMES,
  MILESTONE_STATUS_NAMES,
  NEED_STATUS_NAMES,
  PROJECT_STATUS_NAMES,
  PROVIDER_STATUS_NAMES,
  REGISTRATION_STATUS_NAMES,
  ROLE_NAMES,
  SOLUTION_STATUS_NAMES,
} from '@smedx/contracts/labels-zh.js';

export const PROVIDER_STATUS_COLORS: Record<string, string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'red',
  suspended: 'default',
};

export const SELECTION_DECISION_NAMES: Record<string, string> = {
  approve: '通过',
  reject: '不通过',
  suspend: '暂停',
  reinstate: '恢复',
};

/** Which decisions each provider status allows (mirrors the server's table; the server has the last word). */
export const SELECTION_ACTIONS: Record<string, readonly ('approve' | 'reject' | 'suspend' | 'reinstate')[]> = {
  pending: ['approve', 'reject'],
  rejected: ['approve'],
  approved: ['suspend'],
  suspended: ['reinstate'],
};

export const STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  published: 'blue',
  delisted: 'default',
  awarded: 'green',
  closed: 'default',
  cancelled: 'red',
};

export const LEVEL_NAMES: Record<number, string> = { 1: '一级', 2: '二级', 3: '三级', 4: '四级' };

export const PROVIDER_KIND_NAMES: Record<string, string> = { integrator: '系统集成商', product: '产品服务商' };

export const SCALE_NAMES: Record<string, string> = { above: '规上', below: '规下' };

/** Factors of a match score, as the matching context names them, with the colour of each in the score bar. */
export const MATCH_FACTORS: Record<string, { name: string; color: string }> = {
  text: { name: '文本相关', color: '#1677ff' },
  scenario: { name: '场景', color: '#13c2c2' },
  industry: { name: '行业', color: '#52c41a' },
  budget: { name: '预算', color: '#faad14' },
  delivery: { name: '工期', color: '#fa8c16' },
  level: { name: '数字化水平', color: '#722ed1' },
  record: { name: '服务商信誉', color: '#eb2f96' },
  district: { name: '区域', color: '#2f54eb' },
};

export const BID_STATUS_COLORS: Record<string, string> = {
  submitted: 'blue',
  shortlisted: 'gold',
  withdrawn: 'default',
  awarded: 'green',
  not_awarded: 'default',
};

/** Bids still in the running (mirrors the server's table): they may be withdrawn, and block a deadline extension. */
export const ACTIVE_BID_STATUSES: readonly string[] = ['submitted', 'shortlisted'];

export const PROJECT_STATUS_COLORS: Record<string, string> = {
  active: 'blue',
  rework: 'orange',
  accepted: 'green',
  cancelled: 'red',
};

/** A project in these states takes milestones, logs, reports and acceptances. */
export const OPEN_PROJECT_STATUSES: readonly string[] = ['active', 'rework'];

export const MILESTONE_STATUS_COLORS: Record<string, string> = {
  planned: 'default',
  in_progress: 'processing',
  done: 'success',
  cancelled: 'default',
};

/** Where a milestone may move from its status (mirrors the server's table). */
export const MILESTONE_MOVES: Record<string, readonly ('in_progress' | 'done' | 'cancelled')[]> = {
  planned: ['in_progress', 'done', 'cancelled'],
  in_progress: ['done', 'cancelled'],
  done: [],
  cancelled: [],
};

export const PROJECT_LOG_KIND_NAMES: Record<string, string> = {
  progress: '实施进展',
  visit: '现场走访',
  training: '培训',
  issue: '问题反馈',
  feedback: '企业评价',
  other: '其他',
};

export const EVIDENCE_KIND_NAMES: Record<string, string> = {
  contract: '合同',
  invoice: '发票',
  assessment_before: '改造前评估',
  assessment_after: '改造后评估',
  other: '其他',
};

export const SIDE_NAMES: Record<string, string> = { enterprise: '企业方', provider: '服务商' };

export const EVENT_STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  registration_open: 'blue',
  registration_closed: 'gold',
  scheduled: 'orange',
  published: 'green',
  completed: 'default',
  cancelled: 'red',
};

export const REGISTRATION_STATUS_COLORS: Record<string, string> = { pending: 'gold', approved: 'green', rejected: 'red' };

export const MEETING_KIND_NAMES: Record<string, string> = { mutual: '双向意向', requested: '单向邀约', recommended: '平台推荐' };
export const MEETING_KIND_COLORS: Record<string, string> = { mutual: 'magenta', requested: 'blue', recommended: 'cyan' };

export const NO_SHOW_NAMES: Record<string, string> = { enterprise: '企业缺席', provider: '服务商缺席', both: '双方缺席' };

export const CHAIN_POSITION_NAMES: Record<string, string> = { upstream: '上游', downstream: '下游' };
export const CHAIN_ROLE_NAMES: Record<string, string> = {
  leader: '链主企业',
  member: '成员企业',
  officer: '监管查看',
  invitee: '受邀注册',
};

export const INVITATION_STATUS_COLORS: Record<string, string> = {
  pending: 'blue',
  accepted_pending_enterprise: 'gold',
  accepted: 'green',
  declined: 'red',
  superseded: 'default',
  expired: 'default',
};
