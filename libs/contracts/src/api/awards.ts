import { z } from 'zod';
import { count, fen, instant, pageOf, uuid } from '../wire.js';
import { json } from './route.js';

/**
 * What is nominated (SPEC capability 17): a chain case (链式典型案例), an excellent 小快轻准
 * product (优秀产品), a benchmark enterprise (示范标杆), a digital workshop (数字化车间) or a
 * smart factory (智能工厂).
 */
export const NOMINATION_CATEGORIES = ['chain_case', 'product', 'benchmark', 'digital_workshop', 'smart_factory'] as const;
export type NominationCategory = (typeof NOMINATION_CATEGORIES)[number];

/**
 * Where a nomination stands: nominated by the enterprise, provider or chain leader →
 * recommended by its district (区县推荐) → scored by the city's expert assessors (市级评审) →
 * on public notice (公示, 7 days) → awarded; or rejected at any step before the award.
 * The life cycle itself is `NOMINATION_STATE_MACHINE` in libs/awards.
 */
export const NOMINATION_STATUSES = ['nominated', 'recommended', 'in_review', 'on_notice', 'awarded', 'rejected'] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];

/** The steps a nomination's history records. */
export const NOMINATION_STEPS = ['nominate', 'recommend', 'score', 'publish', 'object', 'answer', 'award', 'reject'] as const;

/** A timestamp kept inside a JSON column: ISO 8601 text on both sides. */
const isoText = z.iso.datetime({ offset: true });

/** Evidence the nominator attaches, as metadata (the files themselves live with the documents). */
export const NominationEvidenceSchema = z.strictObject({
  kind: z.string(),
  name: z.string(),
  sha256: z.string().optional(),
  sizeBytes: count.optional(),
  fileId: z.string().optional(),
});
export type NominationEvidence = z.output<typeof NominationEvidenceSchema>;

/** One assessor's expert score (0–100) in the city's review. */
export const ExpertScoreSchema = z.strictObject({
  assessorId: uuid,
  assessorName: z.string(),
  score: z.number().min(0).max(100),
  comment: z.string().nullable(),
  at: isoText,
});
export type ExpertScore = z.output<typeof ExpertScoreSchema>;

/** An objection raised during the public notice (公示) and the city's answer to it. */
export const NominationObjectionSchema = z.strictObject({
  id: uuid,
  text: z.string(),
  raisedBy: uuid,
  raisedAt: isoText,
  answer: z.string().nullable(),
  answeredBy: uuid.nullable(),
  answeredAt: isoText.nullable(),
});
export type NominationObjection = z.output<typeof NominationObjectionSchema>;

/** One step of the nomination's history. */
export const NominationStepSchema = z.strictObject({
  action: z.enum(NOMINATION_STEPS),
  fromStatus: z.enum(NOMINATION_STATUSES).nullable(),
  toStatus: z.enum(NOMINATION_STATUSES),
  reason: z.string().nullable(),
  actorId: uuid,
  at: isoText,
});
export type NominationStep = z.output<typeof NominationStepSchema>;

/** The answer of `GET /nominations/:id` and of every nomination action. */
export const NominationViewSchema = z.strictObject({
  id: uuid,
  category: z.enum(NOMINATION_CATEGORIES),
  /** The chain case, solution or enterprise nominated. */
  subjectId: uuid,
  /** The organisation nominated: the enterprise, the provider of the product, the chain's leader. */
  nomineeId: uuid,
  nomineeName: z.string().nullable(),
  /** The enterprise the award counts for in the indicators; null for a product. */
  enterpriseId: uuid.nullable(),
  industry: z.string().nullable(),
  district: z.string(),
  title: z.string(),
  summary: z.string(),
  evidence: z.array(NominationEvidenceSchema),
  status: z.enum(NOMINATION_STATUSES),
  /** The experts' scores; an assessor's own score only, for assessors before the notice. */
  scores: z.array(ExpertScoreSchema),
  scoreCount: count,
  minAssessors: count,
  /** The mean without the highest and the lowest score; null before three scores. */
  reviewScore: z.number().nullable(),
  noticeStartsAt: instant.nullable(),
  noticeEndsAt: instant.nullable(),
  objections: z.array(NominationObjectionSchema),
  /** Objections not answered yet: the award waits for them. */
  openObjections: count,
  awardFen: fen.nullable(),
  awardedAt: instant.nullable(),
  history: z.array(NominationStepSchema),
  nominatedBy: uuid,
  nominatedAt: instant,
  createdAt: instant,
  updatedAt: instant,
});
export type NominationView = z.output<typeof NominationViewSchema>;

export const awardRoutes = {
  'POST /nominations': json(NominationViewSchema),
  'GET /nominations': json(pageOf(NominationViewSchema)),
  'GET /nominations/:id': json(NominationViewSchema),
  'POST /nominations/:id/recommend': json(NominationViewSchema),
  'POST /nominations/:id/review': json(NominationViewSchema),
  'POST /nominations/:id/publish': json(NominationViewSchema),
  'POST /nominations/:id/object': json(NominationViewSchema),
  'POST /nominations/:id/objections/:oid/answer': json(NominationViewSchema),
  'POST /nominations/:id/award': json(NominationViewSchema),
  'POST /nominations/:id/reject': json(NominationViewSchema),
} as const;
