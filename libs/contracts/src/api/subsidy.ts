import { z } from 'zod';
import { INVESTMENT_CATEGORIES } from '../rules/subsidy-estimate.js';
import { SUBSIDY_STATUSES } from '../states/subsidy-state.js';
import { fen, instant, pageOf, uuid } from '../wire.js';
import { json } from './route.js';

export { ELIGIBLE_CATEGORIES, INVESTMENT_CATEGORIES } from '../rules/subsidy-estimate.js';
export type { InvestmentCategory } from '../rules/subsidy-estimate.js';

/** A major change (第九条): the project's subject (主体), main content (主要建设内容) or nature (建设性质). */
export const CHANGE_KINDS = ['subject', 'content', 'nature'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const CHANGE_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];

/** The steps of an application's history. */
export const SUBSIDY_DECISION_ACTIONS = ['submit', 'resubmit', 'approve', 'return', 'reject', 'disburse', 'revoke'] as const;

/** The review stages: 初审 by the district, 复核 by the city. */
export const REVIEW_STAGES = ['district', 'city'] as const;

/** How an enterprise came onto the blacklist. */
export const BLACKLIST_SOURCES = ['manual', 'fraud_revocation'] as const;
export type BlacklistSource = (typeof BLACKLIST_SOURCES)[number];

/** An ISO 8601 instant the server keeps as text (inside an application's JSON history). */
const isoText = z.iso.datetime({ offset: true });

export const InvestmentLineSchema = z.strictObject({
  category: z.enum(INVESTMENT_CATEGORIES),
  amountFen: fen,
  description: z.string(),
});
export type InvestmentLine = z.output<typeof InvestmentLineSchema>;

/** One step of the application's history: a submission, a review decision, a payment, a revocation. */
export const SubsidyDecisionSchema = z.strictObject({
  action: z.enum(SUBSIDY_DECISION_ACTIONS),
  /** The review stage; null for the enterprise's own steps. */
  stage: z.enum(REVIEW_STAGES).nullable(),
  fromStatus: z.enum(SUBSIDY_STATUSES).nullable(),
  toStatus: z.enum(SUBSIDY_STATUSES),
  reason: z.string().nullable(),
  actorId: uuid,
  at: isoText,
});
export type SubsidyDecision = z.output<typeof SubsidyDecisionSchema>;

/** In which capacity a step was taken: the applying enterprise, the district's 初审, the city's 复核 or payment. */
export const SUBSIDY_ACTOR_ROLES = ['enterprise', 'district_officer', 'city_officer'] as const;
export type SubsidyActorRole = (typeof SUBSIDY_ACTOR_ROLES)[number];

/** A step as shown (办理记录): with who took it, by name, and in which capacity. */
export const SubsidyDecisionViewSchema = SubsidyDecisionSchema.extend({
  actorName: z.string().nullable(),
  actorRole: z.enum(SUBSIDY_ACTOR_ROLES),
});
export type SubsidyDecisionView = z.output<typeof SubsidyDecisionViewSchema>;

/** The capacity a step is taken in follows from the step: the enterprise files, the district and the city review, the city pays. */
export function subsidyActorRole(step: Pick<SubsidyDecision, 'action' | 'stage'>): SubsidyActorRole {
  if (step.action === 'submit' || step.action === 'resubmit') return 'enterprise';
  if (step.stage === 'district') return 'district_officer';
  return 'city_officer';
}

/** A change request: asked by the enterprise, decided by the district, an approved one filed with the city (备案). */
export const SubsidyChangeRequestSchema = z.strictObject({
  id: uuid,
  kind: z.enum(CHANGE_KINDS),
  description: z.string(),
  reason: z.string(),
  status: z.enum(CHANGE_STATUSES),
  requestedBy: uuid,
  requestedAt: isoText,
  decidedBy: uuid.nullable(),
  decidedAt: isoText.nullable(),
  decisionReason: z.string().nullable(),
  /** When the approved change was filed with the city; null otherwise. */
  filedWithCityAt: isoText.nullable(),
});
export type SubsidyChangeRequest = z.output<typeof SubsidyChangeRequestSchema>;

/** An application for the programme subsidy (专项资金) on an accepted project. */
export const SubsidyApplicationViewSchema = z.strictObject({
  id: uuid,
  enterpriseId: uuid,
  enterpriseName: z.string().nullable(),
  projectId: uuid,
  district: z.string(),
  levelAfter: z.number().int().min(1).max(4),
  lines: z.array(InvestmentLineSchema),
  totalInvestmentFen: fen,
  eligibleFen: fen,
  amountFen: fen,
  /** Whether the 500,000 CNY cap cut the amount. */
  capped: z.boolean(),
  approvedFen: fen.nullable(),
  disbursedFen: fen.nullable(),
  clawbackFen: fen.nullable(),
  paymentReference: z.string().nullable(),
  status: z.enum(SUBSIDY_STATUSES),
  history: z.array(SubsidyDecisionViewSchema),
  changes: z.array(SubsidyChangeRequestSchema),
  submittedBy: uuid,
  submittedAt: instant,
  approvedAt: instant.nullable(),
  disbursedAt: instant.nullable(),
  revokedAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
});
export type SubsidyApplicationView = z.output<typeof SubsidyApplicationViewSchema>;

/** An entry of the blacklist (黑名单): who, why, for how long, and whether it is in force now. */
export const BlacklistEntryViewSchema = z.strictObject({
  id: uuid,
  enterpriseId: uuid,
  enterpriseName: z.string().nullable(),
  reason: z.string(),
  from: instant,
  until: instant,
  source: z.enum(BLACKLIST_SOURCES),
  applicationId: uuid.nullable(),
  createdBy: uuid,
  lifted: z.boolean(),
  liftedAt: instant.nullable(),
  liftedBy: uuid.nullable(),
  liftReason: z.string().nullable(),
  /** In force at the time of the request: started, not ended, not lifted. */
  active: z.boolean(),
});
export type BlacklistEntryView = z.output<typeof BlacklistEntryViewSchema>;

export const subsidyRoutes = {
  'POST /subsidy-applications': json(SubsidyApplicationViewSchema),
  'GET /subsidy-applications': json(pageOf(SubsidyApplicationViewSchema)),
  'GET /subsidy-applications/:id': json(SubsidyApplicationViewSchema),
  'POST /subsidy-applications/:id/reviews': json(SubsidyApplicationViewSchema),
  'POST /subsidy-applications/:id/resubmit': json(SubsidyApplicationViewSchema),
  'POST /subsidy-applications/:id/disbursement': json(SubsidyApplicationViewSchema),
  'POST /subsidy-applications/:id/revoke': json(SubsidyApplicationViewSchema),
  'POST /subsidy-applications/:id/changes': json(SubsidyApplicationViewSchema),
  'POST /subsidy-applications/:id/changes/:cid/decision': json(SubsidyApplicationViewSchema),
  'GET /blacklist': json(pageOf(BlacklistEntryViewSchema)),
  'POST /blacklist': json(BlacklistEntryViewSchema),
  'POST /blacklist/:id/lift': json(BlacklistEntryViewSchema),
} as const;
