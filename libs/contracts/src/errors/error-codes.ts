/**
 * Every `code` the API puts in an error body, as data: the error classes take
 * an {@link ErrorCode}, so a code missing here does not compile, and the
 * Chinese table (`messages-zh.ts`) is keyed by the same type.
 */

/** What a 404 (`<entity>_not_found`) or a refused transition (`<entity>_invalid_transition`) names, with its Chinese name. */
export const ENTITY_NAMES_ZH = {
  bid: '投标',
  blacklist_entry: '黑名单记录',
  chain: '产业链',
  chain_invitation: '产业链邀请',
  chain_member: '链上成员',
  change_request: '变更申请',
  consent: '数据授权',
  document: '材料',
  enterprise: '企业',
  event: '活动',
  file: '文件',
  job: '后台任务',
  meeting: '洽谈',
  milestone: '里程碑',
  need: '需求',
  nomination: '申报',
  notification: '通知',
  objection: '异议',
  participant: '参会方',
  project: '项目',
  provider: '服务商',
  rating: '评价',
  registration: '报名',
  role_grant: '角色授权',
  solution: '方案',
  subsidy_application: '专项资金申请',
  user: '用户',
} as const;
export type ErrorEntity = keyof typeof ENTITY_NAMES_ZH;

/** The codes not derived from an entity, grouped by the status they go with. */
export const FIXED_ERROR_CODES = [
  // 400
  'invalid_input',
  'invalid_json',
  'invalid_content_length',
  'invalid_index_settings',
  'invalid_lexicon_entry',
  'invalid_roster',
  'invalid_search_query',
  'project_not_own',
  'wrong_password',
  'bad_request',
  'check_in_token_invalid',
  // 401
  'unauthenticated',
  'wrong_credentials',
  'token_revoked',
  'sms_code_wrong',
  'sms_code_invalid',
  // 403
  'forbidden',
  'role_required',
  'district_out_of_scope',
  'invitation_email_mismatch',
  'no_diagnosis_consent',
  'not_allowed',
  'not_assessor',
  'not_chain_leader_member',
  'not_city_officer',
  'not_enterprise_member',
  'not_invitee',
  'not_member',
  'not_need_party',
  'not_organiser',
  'not_participant',
  'not_party',
  'not_project_party',
  'not_provider_member',
  'not_reviewer',
  'not_your_district',
  'organisation_required',
  'own_need',
  // 404, 405
  'route_not_found',
  'check_in_code_unknown',
  'method_not_allowed',
  // 409
  'already_blacklisted',
  'already_chain_leader',
  'already_enrolled',
  'already_invited',
  'already_member',
  'already_registered',
  'bid_changed',
  'bid_exists',
  'bidding_closed',
  'capacity_below_approved',
  'chain_exists',
  'chain_invitation_changed',
  'chain_invitation_claimed',
  'chain_leader',
  'chain_member_changed',
  'check_in_wrong_event',
  'consent_exists',
  'document_superseded',
  'documents_frozen',
  'documents_missing',
  'double_booked',
  'email_taken',
  'enterprise_required',
  'event_changed',
  'event_full',
  'lexicon_entry_exists',
  'milestone_changed',
  'mobile_taken',
  'milestones_open',
  'provider_already_bid',
  'need_changed',
  'need_has_bids',
  'no_opted_in_members',
  'no_participants',
  'nomination_already_scored',
  'nomination_changed',
  'nomination_exists',
  'nomination_notice_over',
  'nomination_notice_running',
  'nomination_objections_open',
  'nomination_scores_missing',
  'not_chain_leader',
  'not_enrolled',
  'objection_already_answered',
  'pair_already_meets',
  'project_already_nominated',
  'project_changed',
  'project_exists',
  'provider_at_capacity',
  'provider_not_approved',
  'rating_already_replied',
  'rating_appeal_window_closed',
  'rating_changed',
  'rating_exists',
  'registration_changed',
  'schedule_empty',
  'service_fee_cap_exceeded',
  'site_without_consent',
  'slot_out_of_range',
  'slot_unavailable',
  'solution_changed',
  'subsidy_application_changed',
  'subsidy_application_exists',
  'subsidy_blacklisted',
  'subsidy_change_pending',
  'subsidy_in_pilot_2022',
  'subsidy_level_below_2',
  'subsidy_little_giant_funded',
  'subsidy_project_not_accepted',
  'table_out_of_range',
  'table_taken',
  'too_many_documents',
  'uscc_taken',
  // 410
  'chain_invitation_expired',
  'check_in_token_expired',
  'sms_code_expired',
  'sms_code_exhausted',
  // 413
  'body_too_large',
  'file_too_large',
  'quota_exceeded',
  // 415
  'multipart_required',
  'unsupported_file_type',
  'unsupported_media_type',
  // 429
  'account_locked',
  'rate_limited',
  'sms_rate_limited',
  // 5xx
  'internal_error',
  'not_ready',
  'service_unavailable',
] as const;
export type FixedErrorCode = (typeof FIXED_ERROR_CODES)[number];

export type NotFoundCode = `${ErrorEntity}_not_found`;
export type InvalidTransitionCode = `${ErrorEntity}_invalid_transition`;
export type ErrorCode = FixedErrorCode | NotFoundCode | InvalidTransitionCode;

const ENTITIES = Object.keys(ENTITY_NAMES_ZH) as ErrorEntity[];

/** Every code the API may send, for the test that each has a Chinese text and for clients that list them. */
export const ERROR_CODES: readonly ErrorCode[] = Object.freeze([
  ...FIXED_ERROR_CODES,
  ...ENTITIES.map((e): NotFoundCode => `${e}_not_found`),
  ...ENTITIES.map((e): InvalidTransitionCode => `${e}_invalid_transition`),
]);

const KNOWN = new Set<string>(ERROR_CODES);

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && KNOWN.has(value);
}
