/** Chinese names of the API's fixed codes (the taxonomies come from `GET /taxonomies`). */

export const ROLE_NAMES: Record<string, string> = {
  admin: '平台管理员',
  city_officer: '市工信局',
  district_officer: '区县工信部门',
  assessor: '评估机构',
  organizer: '活动组织方',
};

export const PROVIDER_STATUS_NAMES: Record<string, string> = {
  pending: '待遴选',
  approved: '已入选',
  rejected: '未通过',
  suspended: '已暂停',
};

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

export const SOLUTION_STATUS_NAMES: Record<string, string> = { draft: '草稿', published: '已发布', delisted: '已下架' };

export const NEED_STATUS_NAMES: Record<string, string> = {
  draft: '草稿',
  published: '征集中',
  awarded: '已选定',
  closed: '已关闭',
  cancelled: '已取消',
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

export const JOB_STATE_NAMES: Record<string, string> = {
  dead: '失败',
  pending: '待执行',
  processing: '执行中',
  dispatched: '已派发',
  done: '已完成',
};

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

export const BID_STATUS_NAMES: Record<string, string> = {
  submitted: '已投标',
  shortlisted: '已入围',
  withdrawn: '已撤回',
  awarded: '已中标',
  not_awarded: '未中标',
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

export const PROJECT_STATUS_NAMES: Record<string, string> = {
  active: '实施中',
  rework: '整改中',
  accepted: '已验收',
  cancelled: '已终止',
};

export const PROJECT_STATUS_COLORS: Record<string, string> = {
  active: 'blue',
  rework: 'orange',
  accepted: 'green',
  cancelled: 'red',
};

/** A project in these states takes milestones, logs, reports and acceptances. */
export const OPEN_PROJECT_STATUSES: readonly string[] = ['active', 'rework'];

export const MILESTONE_STATUS_NAMES: Record<string, string> = {
  planned: '未开始',
  in_progress: '进行中',
  done: '已完成',
  cancelled: '已取消',
};

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

export const EVENT_STATUS_NAMES: Record<string, string> = {
  draft: '草稿',
  registration_open: '报名中',
  registration_closed: '报名截止',
  scheduled: '日程待发布',
  published: '日程已发布',
  completed: '已结束',
  cancelled: '已取消',
};

export const EVENT_STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  registration_open: 'blue',
  registration_closed: 'gold',
  scheduled: 'orange',
  published: 'green',
  completed: 'default',
  cancelled: 'red',
};

export const REGISTRATION_STATUS_NAMES: Record<string, string> = { pending: '待审核', approved: '已通过', rejected: '未通过' };
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

export const INVITATION_STATUS_NAMES: Record<string, string> = {
  pending: '待回复',
  accepted_pending_enterprise: '已注册待登记企业',
  accepted: '已加入',
  declined: '已谢绝',
  superseded: '已被新邀请替代',
  expired: '已过期',
};

export const INVITATION_STATUS_COLORS: Record<string, string> = {
  pending: 'blue',
  accepted_pending_enterprise: 'gold',
  accepted: 'green',
  declined: 'red',
  superseded: 'default',
  expired: 'default',
};
