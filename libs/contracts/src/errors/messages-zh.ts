import {
  BID_STATUS_NAMES,
  BLACKLIST_STATUS_NAMES,
  CHANGE_STATUS_NAMES,
  CONSENT_STATUS_NAMES,
  EVENT_STATUS_NAMES,
  INVITATION_STATUS_NAMES,
  JOB_STATE_NAMES,
  JOINT_NEED_CONSENT_NAMES,
  MILESTONE_STATUS_NAMES,
  NEED_STATUS_NAMES,
  NOMINATION_STATUS_NAMES,
  PROJECT_STATUS_NAMES,
  PROVIDER_STATUS_NAMES,
  RATING_STATUS_NAMES,
  REGISTRATION_STATUS_NAMES,
  SOLUTION_STATUS_NAMES,
  SUBSIDY_STATUS_NAMES,
} from '../labels-zh.js';
import { formatFen } from '../format/money.js';
import { ENTITY_NAMES_ZH, type ErrorEntity, type FixedErrorCode, isErrorCode } from './error-codes.js';

type Details = Record<string, unknown> | undefined;
type Text = string | ((details: Details) => string);

const seconds = (details: Details): number | undefined =>
  typeof details?.retryAfterSeconds === 'number' ? Math.max(1, Math.ceil(details.retryAfterSeconds)) : undefined;

/** Chinese text of every fixed code; a function reads the error's `details`. */
export const ERROR_MESSAGES_ZH: Readonly<Record<FixedErrorCode, Text>> = {
  invalid_input: '提交的内容有误，请检查后重试',
  invalid_json: '请求体不是有效的 JSON',
  invalid_content_length: '请求长度与内容不符',
  invalid_index_settings: '检索索引设置有误',
  invalid_lexicon_entry: '检索词条有误',
  invalid_roster: '成员名单有误',
  invalid_search_query: '检索条件有误',
  project_not_own: '该项目不属于本企业',
  wrong_password: '原密码不正确',
  bad_request: '请求有误',
  check_in_token_invalid: '二维码无效或已过期',

  unauthenticated: '请先登录',
  wrong_credentials: '邮箱或密码错误',
  sms_code_wrong: (d) => (typeof d?.remainingAttempts === 'number' ? `验证码错误，还可尝试 ${d.remainingAttempts} 次` : '验证码错误'),
  sms_code_invalid: '验证码无效，请重新获取',
  sms_code_expired: '验证码已过期，请重新获取',
  sms_code_exhausted: '验证码错误次数过多，已失效，请重新获取',
  mobile_taken: '该手机号已被其他账号绑定',
  token_revoked: '登录已失效，请重新登录',

  forbidden: '无权执行此操作',
  role_required: '当前账号的角色无权执行此操作',
  district_out_of_scope: '区县工信部门只能查看本区县的数据',
  invitation_email_mismatch: '邀请发送给了其他邮箱，请使用受邀邮箱注册',
  no_diagnosis_consent: '未获该企业授权，无权查看其诊断结果',
  not_allowed: '无权查看该匹配结果',
  not_assessor: '只有评估机构可以执行此操作',
  not_chain_leader_member: '只有链主企业成员和监管部门可以执行此操作',
  not_city_officer: '只有市工信局可以执行此操作',
  not_enterprise_member: '只有该企业的成员可以执行此操作',
  not_invitee: '该邀请不是发给您或您的企业的',
  not_member: '只有该组织的成员可以执行此操作',
  not_need_party: '只有需求企业、监管部门和投标服务商可以查看投标',
  not_organiser: '只有活动组织方可以执行此操作',
  not_participant: '您不是该活动已通过审核的参会方',
  not_party: '只有项目的企业方和服务商可以执行此操作',
  not_project_party: '只有项目的企业方或服务商可以执行此操作',
  not_provider_member: '只有该服务商的成员可以执行此操作',
  not_reviewer: '当前阶段由其他审核方处理',
  not_your_district: '该事项由所属区县工信部门办理',
  organisation_required: '您属于多个组织，请选择本次操作所属的组织',
  own_need: '不能对本企业发布的需求投标',

  route_not_found: '请求的地址不存在',
  check_in_code_unknown: '签到码无效：本活动没有这个签到码',
  method_not_allowed: '不支持该请求方式',

  already_blacklisted: '该企业已在黑名单中',
  already_chain_leader: '该企业已是链主企业',
  already_enrolled: '该企业已在试点企业库中',
  already_member: '已是成员，无需重复添加',
  already_registered: '该组织已报名此活动',
  already_invited: '已邀请该服务商投标此需求，无需重复邀请',
  bid_changed: '投标已被他人修改，请刷新后重试',
  bid_exists: '本服务商已对该需求投标，请修改或撤回原投标',
  bidding_closed: '该需求的投标已截止',
  capacity_below_approved: '名额不能少于已通过审核的报名数',
  chain_exists: '该企业已创建产业链',
  chain_invitation_changed: '邀请已发生变化，请重试',
  chain_invitation_claimed: '已有其他用户通过此邀请注册',
  chain_leader: '链主企业本身不是链上成员',
  chain_member_changed: '成员信息已被他人修改，请刷新后重试',
  check_in_wrong_event: '二维码无效：这是其他活动的签到码',
  consent_exists: '该组织已有有效的数据授权，如需修改范围请先撤销',
  document_superseded: '该材料已被新版本替换，请处理最新版本',
  documents_frozen: '已有决定，材料已冻结',
  documents_missing: (d) => {
    const missing = Array.isArray(d?.missing)
      ? (d.missing as { name?: unknown }[]).map((m) => m.name).filter((n) => typeof n === 'string')
      : [];
    return missing.length ? `缺少必需材料：${missing.join('、')}` : '缺少必需材料';
  },
  double_booked: '该时段已有其他洽谈安排',
  email_taken: '该邮箱已注册',
  enterprise_required: '请先登记受邀企业，再接受邀请',
  event_changed: '活动已被他人修改，请刷新后重试',
  event_full: '活动报名名额已满',
  lexicon_entry_exists: '该检索词条已存在',
  milestone_changed: '里程碑已被他人修改，请刷新后重试',
  milestones_open: (d) => {
    const open = Array.isArray(d?.open) ? (d.open as { title?: unknown }[]).map((m) => m.title).filter((n) => typeof n === 'string') : [];
    return `验收通过需完成全部里程碑，或逐项说明未完成原因${open.length ? `：${open.map((t) => `“${t}”`).join('、')}` : ''}`;
  },
  provider_already_bid: '该服务商已对此需求投标，无需邀请',
  need_changed: '需求已被他人修改，请刷新后重试',
  need_has_bids: '需求已有投标，不能延期',
  no_opted_in_members: '尚无链上成员同意参与联合需求',
  no_participants: '日程至少需要一家已通过审核的企业和一家服务商',
  nomination_already_scored: '您已为该申报评分',
  nomination_changed: '申报已被他人修改，请刷新后重试',
  nomination_exists: '该对象已有进行中的申报',
  nomination_notice_over: '公示期已结束',
  nomination_notice_running: '公示期尚未结束',
  nomination_objections_open: '公示期内的异议尚未全部答复',
  nomination_scores_missing: '专家评分人数不足',
  not_chain_leader: '该企业不是链主企业',
  not_enrolled: '该企业不在试点企业库中',
  objection_already_answered: '该异议已答复',
  pair_already_meets: '双方已安排洽谈',
  project_already_nominated: '项目已在本产业链的案例中',
  project_changed: '项目已被他人修改，请刷新后重试',
  project_exists: '该中标已生成项目',
  provider_at_capacity: '服务商在该时段的洽谈已满',
  provider_not_approved: '只有已入选的服务商可以投标',
  rating_already_replied: '服务商已回复该评价，每条评价只能回复一次',
  rating_appeal_window_closed: '申诉期已过',
  rating_changed: '评价已被他人修改，请刷新后重试',
  rating_exists: '该项目已评价，每个项目只能评价一次',
  registration_changed: '报名已被他人修改，请刷新后重试',
  schedule_empty: '日程中没有可发布的洽谈',
  service_fee_cap_exceeded: (d) =>
    typeof d?.remainingFen === 'number'
      ? `超出每家企业的服务费上限，该企业此项费用最多还可支付${formatFen(d.remainingFen)}`
      : '超出每家企业的服务费上限',
  site_without_consent: '不能将未同意的企业列为实施点',
  slot_out_of_range: '时段超出活动范围',
  slot_unavailable: '参会方在该时段不可参加',
  solution_changed: '方案已被他人修改，请刷新后重试',
  subsidy_application_changed: '申请已被他人修改，请刷新后重试',
  subsidy_application_exists: '该项目已有进行中的专项资金申请',
  subsidy_blacklisted: '该企业在黑名单期内，不能获得专项资金',
  subsidy_change_pending: '已有变更申请等待区县审核',
  subsidy_in_pilot_2022: '该企业已纳入2022年改造试点，不符合补贴条件',
  subsidy_level_below_2: '验收数字化水平未达到二级，不符合补贴条件',
  subsidy_little_giant_funded: '该企业为已获中央资金支持的专精特新“小巨人”，不符合补贴条件',
  subsidy_project_not_accepted: '项目验收通过后方可申请补贴（先建后补）',
  table_out_of_range: '桌号超出活动范围',
  table_taken: '该时段的洽谈桌已全部占用',
  too_many_documents: '材料数量已达上限',
  uscc_taken: '该统一社会信用代码已被登记',

  chain_invitation_expired: '邀请已过期',
  check_in_token_expired: '二维码无效或已过期（签到码已过期）',

  body_too_large: '请求内容过大',
  file_too_large: '文件超过大小上限',
  quota_exceeded: '超出存储配额',

  multipart_required: '请以 multipart/form-data 上传文件（字段名 file）',
  unsupported_file_type: '不支持的文件类型',
  unsupported_media_type: '不支持的内容类型',

  account_locked: '密码错误次数过多，账户已锁定，请稍后再试',
  rate_limited: (d) => {
    const s = seconds(d);
    return s ? `请求过于频繁，请 ${s} 秒后再试` : '请求过于频繁，请稍后再试';
  },

  sms_rate_limited: (d) => {
    const s = seconds(d);
    return s ? `该手机号获取验证码过于频繁，请 ${s} 秒后再试` : '该手机号获取验证码过于频繁，请稍后再试';
  },

  internal_error: '服务器内部错误，请稍后再试',
  not_ready: '服务未就绪',
  service_unavailable: '服务暂不可用，请稍后再试',
};

/** The Chinese names of each entity's states, for a refused transition. */
const STATE_NAMES: Partial<Record<ErrorEntity, Record<string, string>>> = {
  bid: BID_STATUS_NAMES,
  blacklist_entry: BLACKLIST_STATUS_NAMES,
  chain_invitation: INVITATION_STATUS_NAMES,
  chain_member: JOINT_NEED_CONSENT_NAMES,
  change_request: CHANGE_STATUS_NAMES,
  consent: CONSENT_STATUS_NAMES,
  event: EVENT_STATUS_NAMES,
  job: JOB_STATE_NAMES,
  milestone: MILESTONE_STATUS_NAMES,
  need: NEED_STATUS_NAMES,
  nomination: NOMINATION_STATUS_NAMES,
  project: PROJECT_STATUS_NAMES,
  provider: PROVIDER_STATUS_NAMES,
  rating: RATING_STATUS_NAMES,
  registration: REGISTRATION_STATUS_NAMES,
  solution: SOLUTION_STATUS_NAMES,
  subsidy_application: SUBSIDY_STATUS_NAMES,
};

/** The Chinese name of an entity's state, or undefined when it has none. */
export function stateNameZh(entity: ErrorEntity, state: string): string | undefined {
  return STATE_NAMES[entity]?.[state];
}

const CJK = /[\u3400-\u9fff]/;

/** Whether a text holds Chinese characters. */
export function hasChinese(text: string): boolean {
  return CJK.test(text);
}

function entityOf(code: string, suffix: string): ErrorEntity | undefined {
  if (!code.endsWith(suffix)) return undefined;
  const entity = code.slice(0, -suffix.length);
  return entity in ENTITY_NAMES_ZH ? (entity as ErrorEntity) : undefined;
}

/** The Chinese text of a code (with its `details`), or undefined for a code the API does not define. */
export function codeMessageZh(code: string, details?: Record<string, unknown>): string | undefined {
  if (!isErrorCode(code)) return undefined;
  const missing = entityOf(code, '_not_found');
  if (missing) return `${ENTITY_NAMES_ZH[missing]}不存在或无权查看`;
  const refused = entityOf(code, '_invalid_transition');
  if (refused) {
    const state = typeof details?.state === 'string' ? stateNameZh(refused, details.state) : undefined;
    return state
      ? `${ENTITY_NAMES_ZH[refused]}当前状态为「${state}」，不能执行此操作`
      : `${ENTITY_NAMES_ZH[refused]}当前状态下不能执行此操作`;
  }
  const text = ERROR_MESSAGES_ZH[code as FixedErrorCode];
  return typeof text === 'function' ? text(details) : text;
}

/** A message the API wrote in Chinese first (`邮箱或密码错误 (wrong e-mail or password)`), without its English gloss. */
function chineseLead(message: string | undefined): string | undefined {
  if (!message || !CJK.test(message.charAt(0))) return undefined;
  return message.replace(/\s*\([^()\u3400-\u9fff]*\)\s*$/, '');
}

/** Chinese names of the fields the API validates, for the field problems of a 400. */
export const FIELD_NAMES_ZH: Readonly<Record<string, string>> = {
  '(body)': '请求内容',
  '(query)': '查询条件',
  uscc: '统一社会信用代码',
  email: '邮箱',
  mobile: '手机号',
  code: '验证码',
  password: '密码',
  currentPassword: '原密码',
  newPassword: '新密码',
  name: '名称',
  displayName: '姓名',
  district: '区县',
  industry: '行业',
  scale: '规模',
  title: '标题',
  description: '说明',
  summary: '摘要',
  contact: '联系人',
  phone: '电话',
  address: '地址',
  kind: '类型',
  status: '状态',
  reason: '理由',
  comment: '意见',
  note: '备注',
  file: '文件',
  from: '起始月份',
  to: '截止月份',
  page: '页码',
  pageSize: '每页条数',
  q: '关键词',
  budgetFen: '预算',
  priceFen: '报价',
  priceMinFen: '最低价格',
  priceMaxFen: '最高价格',
  deliveryDays: '工期',
  bidDeadline: '投标截止时间',
  startsAt: '开始时间',
  endsAt: '结束时间',
  venue: '地点',
  capacity: '名额',
  slot: '时段',
  table: '桌号',
  slots: '时段数',
  tables: '桌数',
  enterpriseId: '企业',
  providerId: '服务商',
  organisationId: '组织',
  granteeOrganisationId: '被授权组织',
  leaderEnterpriseId: '链主企业',
  projectId: '项目',
  solutionId: '方案',
  needId: '需求',
  bidId: '投标',
  subjectId: '申报对象',
  invitationToken: '邀请码',
  token: '签到二维码',
  shortCode: '签到码',
  actualDate: '实际完成日期',
  occurredOn: '发生日期',
  paidFen: '拨付金额',
  amountFen: '金额',
  role: '角色',
  roles: '角色',
  scenarios: '场景',
  sites: '实施点',
  answers: '问卷答案',
  sceneLevels: '场景水平',
  level: '数字化水平',
  score: '评分',
  stars: '星级',
  term: '词条',
  values: '取值',
  ownerKind: '材料所属类型',
  ownerId: '材料所属对象',
  documents: '材料',
  replaces: '被替换材料',
};

/** The Chinese name of a field path (`documents.0.kind` reads by its last named segment). */
export function fieldNameZh(field: string): string {
  if (FIELD_NAMES_ZH[field]) return FIELD_NAMES_ZH[field];
  const named = field.split('.').filter((s) => !/^\d+$/.test(s));
  for (let i = named.length - 1; i >= 0; i -= 1) {
    const name = FIELD_NAMES_ZH[named[i]!];
    if (name) return name;
  }
  return field;
}

/** The reasons the API's validation writes most, in Chinese. */
const REASONS_ZH: readonly [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^is required$/, () => '为必填项'],
  [/^must be a string$/, () => '应为文本'],
  [/^must be a number$/, () => '应为数字'],
  [/^must be an integer$/, () => '应为整数'],
  [/^must be true or false$/, () => '应为是或否'],
  [/^must not be negative$/, () => '不能为负数'],
  [/^must be in the future/, () => '应晚于当前时间'],
  [/^must not be in the future/, () => '不能晚于今天'],
  [/^must not be after to/, () => '不能晚于截止月份'],
  [/^must be a month as YYYY-MM$/, () => '应为 YYYY-MM 格式的月份'],
  [/^must be a valid e-?mail/i, () => '邮箱格式不正确'],
  [/^must be a (valid )?uuid/i, () => '标识格式不正确'],
  [/^must be one of (.*)$/, (m) => `应为以下之一：${m[1]}`],
  [/^unknown district code/, () => '区县代码无效'],
  [/^must be (\d+) letters or digits \(without 0, O, 1 or I\)$/, (m) => `应为 ${m[1]} 位字母或数字（不含 0、O、1、I）`],
  [/^a USCC has 18 characters, got (\d+)/, (m) => `应为18位，实际为${m[1]}位`],
  [/^lower-case '(.)' at position (\d+)/, (m) => `第${m[2]}位的“${m[1]}”为小写字母，应使用大写字母`],
  [/^illegal character '(.)' at position (\d+)/, (m) => `第${m[2]}位的字符“${m[1]}”不允许使用`],
  [/^wrong check character '(.)' \(expected (.)\)/, (m) => `校验位错误（第18位为“${m[1]}”，应为“${m[2]}”）`],
  [/^must be (?:at most|<=) (-?[\d.]+)/, (m) => `不能超过 ${m[1]}`],
  [/^must be (?:at least|>=) (-?[\d.]+)/, (m) => `不能小于 ${m[1]}`],
  [/^must be > (-?[\d.]+)/, (m) => `应大于 ${m[1]}`],
  [/^must be < (-?[\d.]+)/, (m) => `应小于 ${m[1]}`],
];

/** A field problem's reason in Chinese: the API's own `reasonZh`, a known reason, else the reason marked as such. */
export function reasonZh(problem: { reason: string; reasonZh?: string }): string {
  if (problem.reasonZh) return problem.reasonZh;
  if (hasChinese(problem.reason)) return chineseLead(problem.reason) ?? problem.reason;
  for (const [pattern, text] of REASONS_ZH) {
    const match = problem.reason.match(pattern);
    if (match) return text(match);
  }
  return `填写有误（${problem.reason}）`;
}

/** One field problem as a Chinese sentence: `统一社会信用代码：校验位错误（…）`. */
export function fieldProblemZh(problem: { field: string; reason: string; reasonZh?: string }): string {
  return `${fieldNameZh(problem.field)}：${reasonZh(problem)}`;
}

/** What an error body carries that the Chinese text reads. */
export interface ErrorLike {
  code?: string;
  message?: string;
  details?: Record<string, unknown>;
}

/**
 * The Chinese text of an API error: the field problems of a 400, a message the
 * API already wrote in Chinese (it names things the table cannot, such as the
 * missing documents' owner), else the code's text; undefined when none fits.
 */
export function errorMessageZh(error: ErrorLike): string | undefined {
  const problems = error.details?.problems;
  if (Array.isArray(problems) && problems.length) {
    return (problems as { field: string; reason: string; reasonZh?: string }[]).map(fieldProblemZh).join('；');
  }
  return chineseLead(error.message) ?? (error.code ? codeMessageZh(error.code, error.details) : undefined);
}
