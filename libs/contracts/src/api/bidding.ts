import { z } from 'zod';
import { BID_STATUSES } from '../states/bid-state.js';
import { count, fen, instant, pageOf, uuid } from '../wire.js';
import { NeedViewSchema } from './demand.js';
import { ProviderRecordSchema } from './provider-record.js';
import { json } from './route.js';

/** What is known of a file that comes with a proposal (the file itself is stored elsewhere). */
export const BidAttachmentViewSchema = z.strictObject({
  name: z.string(),
  sizeBytes: count,
  mimeType: z.string(),
  sha256: z.string().optional(),
});

/**
 * The programme subsidy a bid's price would bring (`estimateSubsidy` of
 * rules/subsidy-estimate), as an estimate the enterprise compares bids with.
 */
export const BidSubsidyEstimateSchema = z.strictObject({
  /** 50% of the eligible investment rounded down to whole fen, at most 500,000 CNY. */
  subsidyFen: fen,
  /** What the enterprise pays after the subsidy. */
  netCostFen: fen,
  /** Whether the cap cut the amount. */
  capped: z.boolean(),
  /** Always true: the grant depends on acceptance, level 2+ and review. */
  isEstimate: z.literal(true),
  /** The part of the price counted as eligible: all of it, or nothing when the enterprise is excluded. */
  eligibleInvestmentFen: fen,
  /** What the estimate assumes, in plain Chinese. */
  basis: z.string(),
});
export type BidSubsidyEstimate = z.output<typeof BidSubsidyEstimateSchema>;

/** One version of a bid's terms. */
export const BidRevisionViewSchema = z.strictObject({
  revision: z.number().int().positive(),
  priceFen: fen,
  deliveryDays: z.number().int(),
  proposal: z.string(),
  solutionId: uuid.nullable(),
  attachments: z.array(BidAttachmentViewSchema),
  note: z.string().nullable(),
  createdBy: uuid,
  createdAt: instant,
});
export type BidRevisionView = z.output<typeof BidRevisionViewSchema>;

/** A bid as the API returns it: its terms, the provider's record and what the enterprise weighs it by. */
export const BidViewSchema = z.strictObject({
  id: uuid,
  needId: uuid,
  providerId: uuid,
  providerName: z.string(),
  providerKind: z.string(),
  providerRecord: ProviderRecordSchema.nullable(),
  solutionId: uuid.nullable(),
  solutionTitle: z.string().nullable(),
  priceFen: fen,
  deliveryDays: z.number().int(),
  proposal: z.string(),
  attachments: z.array(BidAttachmentViewSchema),
  status: z.enum(BID_STATUSES),
  revision: z.number().int().positive(),
  /**
   * The match score (0–1) of the need and the bid's solution, by the same
   * function that ranks `GET /needs/:id/matches`; null without a solution.
   */
  matchScore: z.number().min(0).max(1).nullable(),
  /** The enterprise's comparison aid, for its members and officers only; a bidder gets null. */
  subsidyEstimate: BidSubsidyEstimateSchema.nullable(),
  submittedAt: instant,
  revisedAt: instant.nullable(),
  shortlistedAt: instant.nullable(),
  withdrawnAt: instant.nullable(),
  decidedAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
  /** Every version, oldest first: only on `GET /bids/:id`. */
  revisions: z.array(BidRevisionViewSchema).optional(),
});
export type BidView = z.output<typeof BidViewSchema>;

/** What `POST /needs/:id/award` answers: the project the award created, and what was awarded. */
export const AwardResultSchema = z.strictObject({
  projectId: uuid,
  needId: uuid,
  bidId: uuid,
  enterpriseId: uuid,
  providerId: uuid,
  solutionId: uuid.nullable(),
  priceFen: fen,
  deliveryDays: z.number().int(),
  awardedAt: instant,
  /** How many other bids were not awarded (their providers are told). */
  notAwardedBids: count,
});
export type AwardResult = z.output<typeof AwardResultSchema>;

/** An invitation to bid (邀请投标): who invited whom to which need, and the bid it brought, if any. */
export const BidInvitationViewSchema = z.strictObject({
  id: uuid,
  needId: uuid,
  needTitle: z.string(),
  /** The need's status now (a provider can bid while it is `published` and before the deadline). */
  needStatus: z.string(),
  bidDeadline: instant,
  enterpriseId: uuid,
  enterpriseName: z.string().nullable(),
  providerId: uuid,
  providerName: z.string().nullable(),
  solutionId: uuid.nullable(),
  solutionTitle: z.string().nullable(),
  message: z.string().nullable(),
  invitedBy: uuid,
  bidId: uuid.nullable(),
  createdAt: instant,
});
export type BidInvitationView = z.output<typeof BidInvitationViewSchema>;

/** One of the caller's providers' bids as `GET /bids` lists it: its terms and the need it is on. */
export const MyBidViewSchema = z.strictObject({
  id: uuid,
  needId: uuid,
  needTitle: z.string(),
  needStatus: z.string(),
  bidDeadline: instant,
  enterpriseName: z.string().nullable(),
  providerId: uuid,
  providerName: z.string(),
  solutionId: uuid.nullable(),
  solutionTitle: z.string().nullable(),
  priceFen: fen,
  deliveryDays: z.number().int(),
  status: z.enum(BID_STATUSES),
  revision: z.number().int().positive(),
  submittedAt: instant,
  revisedAt: instant.nullable(),
  decidedAt: instant.nullable(),
});
export type MyBidView = z.output<typeof MyBidViewSchema>;

export const biddingRoutes = {
  'GET /bids': json(pageOf(MyBidViewSchema)),
  'GET /bids/:id': json(BidViewSchema),
  'PATCH /bids/:id': json(BidViewSchema),
  'POST /bids/:id/withdraw': json(BidViewSchema),
  'POST /bids/:id/shortlist': json(BidViewSchema),
  'POST /needs/:id/bids': json(BidViewSchema),
  'GET /needs/:id/bids': json(pageOf(BidViewSchema)),
  'POST /needs/:id/invitations': json(BidInvitationViewSchema),
  'GET /needs/:id/invitations': json(z.array(BidInvitationViewSchema)),
  'GET /bid-invitations': json(pageOf(BidInvitationViewSchema)),
  'POST /needs/:id/award': json(AwardResultSchema),
  'POST /needs/:id/extend': json(NeedViewSchema),
} as const;
