import { z } from 'zod';
import { CreateNeedSchema } from '@smedx/demand';
import { UsccSchema } from '@smedx/directory';
import { CHAIN_POSITIONS, INVITATION_STATUSES } from '@smedx/contracts';

const text = (max: number) =>
  z
    .string({ error: (i) => (i.input === undefined ? 'is required' : 'must be a string') })
    .trim()
    .min(1, 'is required')
    .max(max, `must be at most ${max} characters`);

const uuid = z.string({ error: (i) => (i.input === undefined ? 'is required' : 'must be a string') }).uuid('must be a UUID');

export const ChainPositionSchema = z.enum(CHAIN_POSITIONS, {
  error: (i) => (i.input === undefined ? 'is required' : `must be upstream or downstream, got "${String(i.input)}"`),
});

export const InvitationEmailSchema = z
  .string({ error: 'must be a string' })
  .trim()
  .toLowerCase()
  .email('must be an e-mail address')
  .max(254, 'must be at most 254 characters');

/** How long an invitation stays usable: two weeks unless the leader says otherwise, at most a quarter. */
const expiresInDays = z
  .number({ error: 'must be a whole number of days' })
  .int('must be a whole number of days')
  .min(1, 'must be at least 1')
  .max(90, 'must be at most 90');
export const DEFAULT_INVITATION_DAYS = 14;

const page = z.coerce.number({ error: 'must be a page number' }).int('must be a page number').min(1, 'must be at least 1').default(1);
const pageSize = z.coerce
  .number({ error: 'must be a number' })
  .int('must be an integer')
  .min(1, 'must be at least 1')
  .max(100, 'must be at most 100')
  .default(20);

/** `POST /enterprises/:id/chain-leader` (city officers): mark, or with `isChainLeader: false` unmark. */
export const MarkChainLeaderSchema = z.object({
  isChainLeader: z.boolean({ error: 'must be true or false' }).default(true),
  reason: z.string({ error: 'must be a string' }).trim().max(500, 'must be at most 500 characters').optional(),
});
export type MarkChainLeaderInput = z.infer<typeof MarkChainLeaderSchema>;

export const CreateChainSchema = z.object({
  name: text(120),
  description: text(2000),
  /** Needed only when the caller belongs to several chain-leader enterprises. */
  leaderEnterpriseId: uuid.optional(),
});
export type CreateChainInput = z.infer<typeof CreateChainSchema>;

/** One invitation: to an enterprise by USCC, to a person by e-mail, or both. */
export const CreateInvitationSchema = z
  .object({
    position: ChainPositionSchema,
    uscc: UsccSchema.optional(),
    email: InvitationEmailSchema.optional(),
    enterpriseName: text(200).optional(),
    expiresInDays: expiresInDays.default(DEFAULT_INVITATION_DAYS),
  })
  .refine((v) => v.uscc !== undefined || v.email !== undefined, { message: 'uscc or email is required', path: ['uscc'] });
export type CreateInvitationInput = z.infer<typeof CreateInvitationSchema>;

/** Query of `POST /chains/:id/invitations/bulk`, whose body is the CSV or XLSX file itself. */
export const BulkInvitationQuerySchema = z.object({
  expiresInDays: z.coerce
    .number({ error: 'must be a whole number of days' })
    .int('must be a whole number of days')
    .min(1, 'must be at least 1')
    .max(90, 'must be at most 90')
    .default(DEFAULT_INVITATION_DAYS),
});
export type BulkInvitationQuery = z.infer<typeof BulkInvitationQuerySchema>;

export const ListInvitationsSchema = z.object({
  status: z
    .enum([...INVITATION_STATUSES, 'expired'], { error: `must be one of ${[...INVITATION_STATUSES, 'expired'].join(', ')}` })
    .optional(),
  page,
  pageSize,
});
export type ListInvitationsQuery = z.infer<typeof ListInvitationsSchema>;

/** `POST /chain-invitations/:token/accept`: which enterprise joins, when the invitation (by e-mail) leaves it open. */
export const AcceptInvitationSchema = z.object({ enterpriseId: uuid.optional() });
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationSchema>;

/** The token in a path; anything longer than a token is simply unknown. */
export const InvitationTokenParam = z.string().min(1, 'is required').max(200, 'is not an invitation token');

export const ListMembersSchema = z.object({ position: ChainPositionSchema.optional(), page, pageSize });
export type ListMembersQuery = z.infer<typeof ListMembersSchema>;

export const ListChainsSchema = z.object({ page, pageSize });
export type ListChainsQuery = z.infer<typeof ListChainsSchema>;

export const DashboardQuerySchema = z.object({ page, pageSize });
export type DashboardQuery = z.infer<typeof DashboardQuerySchema>;

/** `POST /chains/:id/members/:enterpriseId/opt-in`: what happens at this member's site of joint needs. */
export const OptInSchema = z.object({
  siteNote: z.string({ error: 'must be a string' }).trim().max(200, 'must be at most 200 characters').optional(),
});
export type OptInInput = z.infer<typeof OptInSchema>;

/**
 * A joint need (联合需求): the need fields of `POST /needs`, without `enterpriseId` (always the
 * leader). `sites` picks opted-in members (default: every opted-in member, each with its own
 * site note); `publish` opens it for bids at once.
 */
export const CreateJointNeedSchema = CreateNeedSchema.omit({ enterpriseId: true, sites: true }).extend({
  sites: z
    .array(
      z.object({
        enterpriseId: uuid,
        note: z.string({ error: 'must be a string' }).trim().max(200, 'must be at most 200 characters').optional(),
      }),
      { error: 'must be a list of sites' },
    )
    .min(1, 'must name at least one member')
    .max(50, 'must hold at most 50 sites')
    .refine((list) => new Set(list.map((s) => s.enterpriseId)).size === list.length, 'must not repeat an enterprise')
    .optional(),
  publish: z.boolean({ error: 'must be true or false' }).default(false),
});
export type CreateJointNeedInput = z.infer<typeof CreateJointNeedSchema>;

export const CreateChainCaseSchema = z.object({
  title: text(120),
  summary: text(5000),
  projectIds: z
    .array(uuid, { error: 'must be a list of project ids' })
    .min(1, 'must name at least one project')
    .max(20, 'must name at most 20 projects')
    .refine((list) => new Set(list).size === list.length, 'must not repeat a project'),
});
export type CreateChainCaseInput = z.infer<typeof CreateChainCaseSchema>;

export const ListChainCasesSchema = z.object({ page, pageSize });
export type ListChainCasesQuery = z.infer<typeof ListChainCasesSchema>;
