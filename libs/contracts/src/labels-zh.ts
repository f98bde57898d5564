/**
 * Chinese names of the API's fixed codes that the server and the web UI both
 * show: the states of each life cycle (the web's badges, the 409 of a refused
 * transition) and the roles. One table per life cycle, because the same code
 * reads differently in each (`published`: 已发布 for a solution, 征集中 for a need).
 */

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

export const SOLUTION_STATUS_NAMES: Record<string, string> = { draft: '草稿', published: '已发布', delisted: '已下架' };

export const NEED_STATUS_NAMES: Record<string, string> = {
  draft: '草稿',
  published: '征集中',
  awarded: '已选定',
  closed: '已关闭',
  cancelled: '已取消',
};

export const JOB_STATE_NAMES: Record<string, string> = {
  dead: '失败',
  pending: '待执行',
  processing: '执行中',
  dispatched: '已派发',
  done: '已完成',
};

export const BID_STATUS_NAMES: Record<string, string> = {
  submitted: '已投标',
  shortlisted: '已入围',
  withdrawn: '已撤回',
  awarded: '已中标',
  not_awarded: '未中标',
};

export const PROJECT_STATUS_NAMES: Record<string, string> = {
  active: '实施中',
  rework: '整改中',
  accepted: '已验收',
  cancelled: '已终止',
};

export const MILESTONE_STATUS_NAMES: Record<string, string> = {
  planned: '未开始',
  in_progress: '进行中',
  done: '已完成',
  cancelled: '已取消',
};

export const EVENT_STATUS_NAMES: Record<string, string> = {
  draft: '草稿',
  registration_open: '报名中',
  registration_closed: '报名截止',
  scheduled: '日程待发布',
  published: '日程已发布',
  completed: '已结束',
  cancelled: '已取消',
};

export const REGISTRATION_STATUS_NAMES: Record<string, string> = { pending: '待审核', approved: '已通过', rejected: '未通过' };

export const INVITATION_STATUS_NAMES: Record<string, string> = {
  pending: '待回复',
  accepted_pending_enterprise: '已注册待登记企业',
  accepted: '已加入',
  declined: '已谢绝',
  superseded: '已被新邀请替代',
  expired: '已过期',
};

export const SUBSIDY_STATUS_NAMES: Record<string, string> = {
  submitted: '待区县初审',
  returned: '已退回',
  district_approved: '待市级复核',
  approved: '已批准',
  disbursed: '已拨付',
  rejected: '未通过',
  revoked: '已撤销',
};

export const CHANGE_STATUS_NAMES: Record<string, string> = { pending: '待审核', approved: '已同意（已报市级备案）', rejected: '未同意' };

export const NOMINATION_STATUS_NAMES: Record<string, string> = {
  nominated: '待区县推荐',
  recommended: '待专家评审',
  in_review: '专家评审中',
  on_notice: '公示中',
  awarded: '已认定',
  rejected: '未通过',
};

export const RATING_STATUS_NAMES: Record<string, string> = {
  published: '已发布',
  appealed: '申诉中',
  upheld: '申诉不成立（保留）',
  removed: '申诉成立（已移除）',
};

/** A chain member's answer to joint needs (`JOINT_NEED_CONSENTS`). */
export const JOINT_NEED_CONSENT_NAMES: Record<string, string> = { opted_in: '参与联合需求', opted_out: '不参与联合需求' };

export const CONSENT_STATUS_NAMES: Record<string, string> = { active: '有效', revoked: '已撤销' };

export const BLACKLIST_STATUS_NAMES: Record<string, string> = { active: '生效中', lifted: '已解除' };
