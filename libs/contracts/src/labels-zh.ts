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

/** Background jobs by what they do (the admin's 后台任务 page; the code stays in the row's tooltip). */
export const JOB_KIND_NAMES: Record<string, string> = {
  'audit.record': '记录审计日志',
  'bidding.close': '投标截止',
  'bidding.schedule-close': '安排投标截止',
  'bidding.release-bids': '释放已取消需求的投标',
  'documents.retention-sweep': '清理过期材料',
  'matching.rematch-enterprise': '重新匹配（企业变更）',
  'matching.rematch-need': '重新匹配（需求变更）',
  'matching.rematch-provider': '重新匹配（服务商变更）',
  'matching.rematch-solution': '重新匹配（方案变更）',
  'notifications.deliver': '发送通知',
  'notifications.deliver-many': '批量发送通知',
  'notifications.send-mail': '发送通知邮件',
  'projects.check-overdue-milestones': '检查逾期里程碑',
  'search.index-enterprise-needs': '更新搜索索引（企业的需求）',
  'search.index-need': '更新搜索索引（需求）',
  'search.index-provider-solutions': '更新搜索索引（服务商的方案）',
  'search.index-solution': '更新搜索索引（方案）',
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

/** What the audit trail's actions read as (审计日志, 办理记录); {@link auditActionNameZh} names any other by its parts. */
export const AUDIT_ACTION_NAMES: Record<string, string> = {
  'bid.awarded': '投标中标',
  'bid.invited': '邀请投标',
  'bid.revised': '修改报价',
  'bid.shortlisted': '投标入围',
  'bid.submitted': '提交投标',
  'bid.withdrawn': '撤回投标',
  'blacklist.added': '列入黑名单',
  'blacklist.lifted': '解除黑名单',
  'chain.case_nominated': '推荐链式典型案例',
  'chain.created': '创建产业链',
  'chain.invitation_claimed': '通过邀请注册',
  'chain.invitations_issued': '发出入链邀请',
  'chain.joint_need_created': '发布联合需求',
  'chain.joint_needs_opted_in': '参与联合需求',
  'chain.joint_needs_opted_out': '退出联合需求',
  'chain.member_joined': '企业入链',
  'consent.granted': '授予数据授权',
  'consent.revoked': '撤销数据授权',
  'diagnosis.assessed': '现场评估诊断',
  'diagnosis.self_checked': '企业自评',
  'document.accepted': '材料认可',
  'document.questioned': '材料存疑',
  'document.attached': '上传材料',
  'document.downloaded': '下载材料',
  'document.replaced': '替换材料（新版本）',
  'document.retention_expired': '材料到期清理',
  'enterprise.chain_leader_marked': '认定链主企业',
  'enterprise.chain_leader_unmarked': '取消链主认定',
  'enterprise.pilot_enrolled': '纳入试点企业库',
  'enterprise.pilot_withdrawn': '移出试点企业库',
  'enterprise.registered': '登记企业',
  'enterprise.updated': '修改企业信息',
  'event.cancelled': '取消活动',
  'event.checked_in': '现场签到',
  'event.completed': '活动结束',
  'event.created': '创建活动',
  'event.published': '发布活动日程',
  'event.registration_approved': '报名通过',
  'event.registration_rejected': '报名未通过',
  'event.scheduled': '安排洽谈',
  'event.updated': '修改活动',
  'member.added': '添加成员',
  'need.awarded': '需求已选定服务商',
  'need.budget_changed': '调整需求预算',
  'need.cancelled': '取消需求',
  'need.deadline_extended': '延长投标截止时间',
  'need.published': '发布需求',
  'nomination.nominated': '提交评优申报',
  'nomination.recommend': '区县推荐',
  'nomination.score': '专家评分',
  'nomination.publish': '进入公示',
  'nomination.object': '公示异议',
  'nomination.answer': '答复异议',
  'nomination.award': '授予奖励',
  'nomination.reject': '申报未通过',
  'project.acceptance_failed': '验收不通过',
  'project.acceptance_passed': '验收通过',
  'project.cancelled': '终止项目',
  'project.created': '创建项目',
  'project.milestone_replanned': '调整里程碑计划',
  'provider.applied': '申请成为服务商',
  'provider.approved': '服务商遴选通过',
  'provider.reinstated': '恢复服务商资格',
  'provider.rejected': '服务商遴选未通过',
  'provider.suspended': '暂停服务商资格',
  'provider.updated': '修改服务商信息',
  'rating.appealed': '评价申诉',
  'rating.created': '提交评价',
  'rating.removed': '评价被撤除',
  'rating.replied': '服务商回复评价',
  'rating.upheld': '评价维持',
  'role.granted': '授予角色',
  'role.revoked': '撤销角色',
  'service_fee.recorded': '登记服务费',
  'solution.delisted': '下架方案',
  'solution.price_changed': '调整方案价格',
  'solution.published': '发布方案',
  'subsidy.change_approved': '同意重大变更',
  'subsidy.change_rejected': '不同意重大变更',
  'subsidy.change_requested': '申请重大变更',
  'subsidy.district_approved': '区县初审通过',
  'subsidy.district_returned': '区县初审退回补正',
  'subsidy.district_rejected': '区县初审不通过',
  'subsidy.city_approved': '市级复核通过',
  'subsidy.city_returned': '市级复核退回补正',
  'subsidy.city_rejected': '市级复核不通过',
  'subsidy.disbursed': '拨付资金',
  'subsidy.resubmitted': '补正后重新提交',
  'subsidy.revoked': '撤销资助并追回',
  'subsidy.submitted': '提交专项资金申请',
  'user.locked_out': '账号锁定',
  'user.mobile_changed': '修改手机号',
  'user.signed_in_by_sms': '手机验证码登录',
  'user.password_changed': '修改密码',
};

/** What the objects of the audit trail are called. */
export const AUDIT_ENTITY_NAMES: Record<string, string> = {
  bid: '投标',
  blacklist: '黑名单',
  chain: '产业链',
  consent: '数据授权',
  diagnosis: '评估诊断',
  document: '材料',
  enterprise: '企业',
  event: '活动',
  file: '文件',
  job: '后台任务',
  member: '成员',
  need: '需求',
  nomination: '评优申报',
  project: '项目',
  provider: '服务商',
  rating: '评价',
  role: '角色',
  service_fee: '服务费',
  solution: '方案',
  subsidy: '专项资金',
  subsidy_application: '专项资金申请',
  user: '用户',
};

/** An audit action's Chinese name: from the table, else "<object>：<action>" with the object named. */
export function auditActionNameZh(action: string): string {
  const known = AUDIT_ACTION_NAMES[action];
  if (known) return known;
  const [entity = '', verb = ''] = action.split('.');
  return `${AUDIT_ENTITY_NAMES[entity] ?? entity}：${verb.replaceAll('_', ' ')}`;
}
