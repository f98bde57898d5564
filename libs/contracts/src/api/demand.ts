import { z } from 'zod';
import { NEED_STATUSES } from '../states/need-state.js';
import { fen, instant, pageOf, uuid } from '../wire.js';
import { json } from './route.js';

/** Another site of a joint need (a chain's members): which enterprise, and what happens there. */
export const NeedSiteViewSchema = z.strictObject({
  enterpriseId: uuid,
  note: z.string().optional(),
});

/** A transformation need (需求) as its readers see it. */
export const NeedViewSchema = z.strictObject({
  id: uuid,
  enterpriseId: uuid,
  enterpriseName: z.string(),
  industry: z.string(),
  district: z.string(),
  title: z.string(),
  description: z.string(),
  scenarios: z.array(z.string()),
  budgetFen: fen,
  expectedDays: z.number().int(),
  bidDeadline: instant,
  sites: z.array(NeedSiteViewSchema),
  /** Present only for the enterprise's members, officers and providers it consented to. */
  privateDetails: z.string().nullable().optional(),
  status: z.enum(NEED_STATUSES),
  publishedAt: instant.nullable(),
  cancelledAt: instant.nullable(),
  /** When the deadline job closed bidding; null while bids are open. */
  biddingClosedAt: instant.nullable(),
  /** When a bid was awarded (which one: `GET /needs/:id/bids?status=awarded`). */
  awardedAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
});
export type NeedView = z.output<typeof NeedViewSchema>;

export const demandRoutes = {
  'POST /needs': json(NeedViewSchema),
  'GET /needs': json(pageOf(NeedViewSchema)),
  'GET /needs/:id': json(NeedViewSchema),
  'PATCH /needs/:id': json(NeedViewSchema),
  'POST /needs/:id/publish': json(NeedViewSchema),
  'POST /needs/:id/cancel': json(NeedViewSchema),
} as const;
