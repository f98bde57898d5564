import { z } from 'zod';
import { BID_STATUSES } from '@smedx/contracts';

/** Far above any real offer (100 million CNY) yet well inside 2^53; the same bound as a need's budget. */
const MAX_FEN = 10_000_000_000;
/** 1 GiB: attachments are described here, stored elsewhere. */
const MAX_ATTACHMENT_BYTES = 1024 ** 3;

const text = (max: number) =>
  z.string({ error: 'must be a string' }).trim().min(1, 'is required').max(max, `must be at most ${max} characters`);

const uuid = z.string({ error: 'must be a UUID' }).uuid('must be a UUID');

const priceFen = z
  .number({ error: 'must be an integer number of fen' })
  .int('must be an integer number of fen')
  .positive('must be > 0')
  .max(MAX_FEN, `must be ≤ ${MAX_FEN}`);

const deliveryDays = z
  .number({ error: 'must be a whole number of days' })
  .int('must be a whole number of days')
  .min(1, 'must be at least 1')
  .max(730, 'must be at most 730');

const reason = z.string({ error: 'must be a string' }).trim().max(500, 'must be at most 500 characters');

/** What is known of a file that comes with a proposal. */
export const BidAttachmentSchema = z.object({
  name: text(200),
  sizeBytes: z
    .number({ error: 'must be a whole number of bytes' })
    .int('must be a whole number of bytes')
    .min(0, 'must not be negative')
    .max(MAX_ATTACHMENT_BYTES, `must be at most ${MAX_ATTACHMENT_BYTES} bytes`),
  mimeType: z
    .string({ error: 'must be a MIME type' })
    .trim()
    .max(100, 'must be at most 100 characters')
    .regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a MIME type such as application/pdf'),
  sha256: z
    .string({ error: 'must be a string' })
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal digits')
    .transform((v) => v.toLowerCase())
    .optional(),
});
export type BidAttachment = z.infer<typeof BidAttachmentSchema>;

const attachments = z.array(BidAttachmentSchema, { error: 'must be a list of attachments' }).max(20, 'must hold at most 20 attachments');

/** `POST /needs/:id/bids`: SPEC's bid fields, plus which provider bids and attachments' metadata. */
export const SubmitBidSchema = z.object({
  /** Required only when the caller belongs to several providers. */
  providerId: uuid.optional(),
  priceFen,
  deliveryDays,
  proposal: text(10_000),
  solutionId: uuid.optional(),
  attachments: attachments.optional(),
});
export type SubmitBidInput = z.infer<typeof SubmitBidSchema>;

/** `PATCH /bids/:id`: a revision; fields left out keep their value, `solutionId: null` drops the solution. */
export const ReviseBidSchema = z
  .object({
    priceFen: priceFen.optional(),
    deliveryDays: deliveryDays.optional(),
    proposal: text(10_000).optional(),
    solutionId: uuid.nullable().optional(),
    attachments: attachments.optional(),
    note: reason.optional(),
  })
  .refine((v) => [v.priceFen, v.deliveryDays, v.proposal, v.solutionId, v.attachments].some((x) => x !== undefined), {
    message: 'must change at least one of priceFen, deliveryDays, proposal, solutionId, attachments',
    path: [],
  });
export type ReviseBidInput = z.infer<typeof ReviseBidSchema>;

/** Optional body of withdraw and shortlist: why, for the other side and the record. */
export const BidActionSchema = z.object({ reason: reason.optional() });
export type BidActionInput = z.infer<typeof BidActionSchema>;

/** `POST /needs/:id/award`. */
export const AwardBidSchema = z.object({ bidId: uuid, reason: reason.optional() });
export type AwardBidInput = z.infer<typeof AwardBidSchema>;

/** An ISO 8601 instant with a zone, as a need's `bidDeadline`. */
const instant = z
  .string({ error: 'must be an ISO 8601 date-time' })
  .pipe(z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with a time zone, e.g. 2025-06-30T18:00:00+08:00' }))
  .transform((s) => new Date(s));

/** `POST /needs/:id/extend`: a later bid deadline for a need that drew no bids. */
export const ExtendDeadlineSchema = z.object({ bidDeadline: instant, reason: reason.optional() });
export type ExtendDeadlineInput = z.infer<typeof ExtendDeadlineSchema>;

/** `GET /needs/:id/bids` query. */
export const ListBidsSchema = z.object({
  status: z.enum(BID_STATUSES, { error: `must be one of ${BID_STATUSES.join(', ')}` }).optional(),
  page: z.coerce.number({ error: 'must be a page number' }).int('must be a page number').min(1, 'must be at least 1').default(1),
  pageSize: z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(1, 'must be at least 1')
    .max(100, 'must be at most 100')
    .default(20),
});
export type ListBidsQuery = z.infer<typeof ListBidsSchema>;

/** `GET /bids`: the bids of the caller's providers (name one with providerId when a member of several). */
export const ListMyBidsSchema = ListBidsSchema.extend({ providerId: uuid.optional() });
export type ListMyBidsQuery = z.infer<typeof ListMyBidsSchema>;

/** `POST /needs/:id/invitations` (邀请投标): the provider invited, the solution seen (a match or its page), a note. */
export const InviteToBidSchema = z.object({
  providerId: uuid,
  solutionId: uuid.optional(),
  message: text(500).optional(),
});
export type InviteToBidInput = z.infer<typeof InviteToBidSchema>;

/** `GET /bid-invitations`: the invitations to the caller's provider (name it when a member of several). */
export const ListInvitationsSchema = z.object({
  providerId: uuid.optional(),
  page: z.coerce.number({ error: 'must be a page number' }).int('must be a page number').min(1, 'must be at least 1').default(1),
  pageSize: z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(1, 'must be at least 1')
    .max(100, 'must be at most 100')
    .default(20),
});
export type ListInvitationsQuery = z.infer<typeof ListInvitationsSchema>;
