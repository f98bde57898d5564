import { z } from 'zod';
import { PROJECT_STATUSES } from '../states/project-state.js';
import { CHAIN_CASE_STATUSES, CHAIN_POSITIONS, INVITATION_STATUSES, JOINT_NEED_CONSENTS } from '../states/chain-states.js';
import { count, fen, instant, pageOf, uuid } from '../wire.js';
import { NeedSiteViewSchema, NeedViewSchema } from './demand.js';
import { json } from './route.js';

/** How the caller stands to a chain; decides what it may see and do. */
export const CHAIN_VIEWER_ROLES = ['leader', 'member', 'officer', 'invitee'] as const;
export type ChainViewerRole = (typeof CHAIN_VIEWER_ROLES)[number];

const position = z.enum(CHAIN_POSITIONS);
const shownInvitationStatus = z.enum([...INVITATION_STATUSES, 'expired']);
const named = z.strictObject({ enterpriseId: uuid, name: z.string() });

export const ChainViewSchema = z.strictObject({
  id: uuid,
  name: z.string(),
  description: z.string(),
  leader: named,
  memberCounts: z.strictObject({ upstream: count, downstream: count, total: count }),
  viewerRole: z.enum(CHAIN_VIEWER_ROLES),
  createdAt: instant,
  updatedAt: instant,
});
export type ChainView = z.output<typeof ChainViewSchema>;

/** A member as every member of the chain sees it: who, where in the chain, since when. */
export const ChainMemberViewSchema = z.strictObject({
  enterpriseId: uuid,
  name: z.string(),
  industry: z.string(),
  district: z.string(),
  position,
  jointNeeds: z.enum(JOINT_NEED_CONSENTS),
  siteNote: z.string().nullable(),
  joinedAt: instant,
});
export type ChainMemberView = z.output<typeof ChainMemberViewSchema>;

/** An invitation as the leader and officers list it; never the token. */
export const InvitationViewSchema = z.strictObject({
  id: uuid,
  chainId: uuid,
  position,
  uscc: z.string().nullable(),
  email: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  status: shownInvitationStatus,
  expiresAt: instant,
  invitedAt: instant,
  respondedAt: instant.nullable(),
  enterpriseId: uuid.nullable(),
  sourceRow: z.number().int().nullable(),
});
export type InvitationView = z.output<typeof InvitationViewSchema>;

/** What issuing an invitation answers, once: the raw token is never shown again. */
export const IssuedInvitationSchema = InvitationViewSchema.extend({ token: z.string() });
export type IssuedInvitation = z.output<typeof IssuedInvitationSchema>;

export const RosterRowErrorSchema = z.strictObject({
  row: z.number().int(),
  field: z.string(),
  reason: z.string(),
});

/** What `POST /chains/:id/invitations/bulk` answers: a token per valid row, a reason per bad one. */
export const BulkInvitationResultSchema = z.strictObject({
  created: z.array(IssuedInvitationSchema.extend({ row: z.number().int() })),
  errors: z.array(RosterRowErrorSchema),
});
export type BulkInvitationResult = z.output<typeof BulkInvitationResultSchema>;

/** What accepting or declining answers. */
export const InvitationOutcomeSchema = z.strictObject({
  invitationId: uuid,
  chainId: uuid,
  chainName: z.string(),
  position,
  status: z.enum(INVITATION_STATUSES),
  /** The enterprise that joined or declined; null while it is not on the platform yet. */
  enterpriseId: uuid.nullable(),
});
export type InvitationOutcome = z.output<typeof InvitationOutcomeSchema>;

/** What the holder of an invitation link sees before answering; nothing here names the invitee's e-mail. */
export const InvitationPreviewSchema = z.strictObject({
  chainName: z.string(),
  chainDescription: z.string(),
  leaderName: z.string(),
  position,
  enterpriseName: z.string().nullable(),
  invitedBy: z.enum(['uscc', 'email']),
  status: shownInvitationStatus,
  expiresAt: instant,
});
export type InvitationPreview = z.output<typeof InvitationPreviewSchema>;

export const JointNeedViewSchema = z.strictObject({
  id: uuid,
  chainId: uuid,
  needId: uuid,
  title: z.string(),
  status: z.string(),
  budgetFen: fen,
  sites: z.array(named),
  createdAt: instant,
});
export type JointNeedView = z.output<typeof JointNeedViewSchema>;

export const CreatedJointNeedSchema = z.strictObject({
  id: uuid,
  chainId: uuid,
  needId: uuid,
  sites: z.array(NeedSiteViewSchema),
  /** The need as the demand context answers it (draft, or published with `publish: true`). */
  need: NeedViewSchema,
});
export type CreatedJointNeed = z.output<typeof CreatedJointNeedSchema>;

export const ChainCaseViewSchema = z.strictObject({
  id: uuid,
  chainId: uuid,
  chainName: z.string(),
  leaderEnterpriseId: uuid,
  title: z.string(),
  summary: z.string(),
  projectIds: z.array(uuid),
  status: z.enum(CHAIN_CASE_STATUSES),
  nominatedBy: uuid,
  nominatedAt: instant,
});
export type ChainCaseView = z.output<typeof ChainCaseViewSchema>;

const NeedCountsSchema = z.strictObject({ published: count, awarded: count, closed: count, cancelled: count });
const ProjectCountsSchema = z.strictObject(
  Object.fromEntries(PROJECT_STATUSES.map((s) => [s, count])) as Record<(typeof PROJECT_STATUSES)[number], typeof count>,
);

export const DashboardMemberSchema = z.strictObject({
  enterpriseId: uuid,
  name: z.string(),
  industry: z.string(),
  district: z.string(),
  scale: z.string(),
  position,
  digitalLevel: z.number().int().nullable(),
  /** Whether it reached the programme's goal (level ≥ 2). */
  atTargetLevel: z.boolean(),
  needs: NeedCountsSchema,
  projects: ProjectCountsSchema,
  jointNeeds: z.enum(JOINT_NEED_CONSENTS),
  joinedAt: instant,
});
export type DashboardMember = z.output<typeof DashboardMemberSchema>;

/** A solution that fits the open needs of several members at once: one provider could serve them together. */
export const CohortMatchSchema = z.strictObject({
  solutionId: uuid,
  title: z.string(),
  providerId: uuid,
  providerName: z.string(),
  enterpriseCount: count,
  needCount: count,
  averageScore: z.number(),
  bestScore: z.number(),
  enterprises: z.array(named),
  needs: z.array(z.strictObject({ needId: uuid, title: z.string(), enterpriseId: uuid, score: z.number() })),
});
export type CohortMatch = z.output<typeof CohortMatchSchema>;

export const ChainDashboardSchema = z.strictObject({
  chain: z.strictObject({
    id: uuid,
    name: z.string(),
    leader: z.strictObject({ enterpriseId: uuid, name: z.string(), digitalLevel: z.number().int().nullable() }),
  }),
  targetLevel: z.number().int(),
  totals: z.strictObject({
    members: count,
    upstream: count,
    downstream: count,
    assessed: count,
    atTargetLevel: count,
    /** Share of all members at level ≥ 2, 0–1; null without members. */
    shareAtTargetLevel: z.number().nullable(),
    byLevel: z.array(z.strictObject({ level: z.number().int().nullable(), count })),
    needs: NeedCountsSchema,
    projects: ProjectCountsSchema,
    pendingInvitations: count,
    jointNeeds: count,
    optedInToJointNeeds: count,
    cases: count,
  }),
  members: pageOf(DashboardMemberSchema),
  cohortMatches: z.array(CohortMatchSchema),
});
export type ChainDashboard = z.output<typeof ChainDashboardSchema>;

export const ChainLeaderViewSchema = z.strictObject({
  enterpriseId: uuid,
  name: z.string(),
  isChainLeader: z.boolean(),
  /** The chain it leads, if it created one. */
  chainId: uuid.nullable(),
});
export type ChainLeaderView = z.output<typeof ChainLeaderViewSchema>;

export const chainRoutes = {
  'POST /enterprises/:id/chain-leader': json(ChainLeaderViewSchema),
  'POST /chains': json(ChainViewSchema),
  'GET /chains': json(pageOf(ChainViewSchema)),
  'GET /chains/:id': json(ChainViewSchema),
  'GET /chains/:id/members': json(pageOf(ChainMemberViewSchema)),
  'GET /chains/:id/dashboard': json(ChainDashboardSchema),
  'POST /chains/:id/invitations': json(IssuedInvitationSchema),
  'POST /chains/:id/invitations/bulk': json(BulkInvitationResultSchema),
  'GET /chains/:id/invitations': json(pageOf(InvitationViewSchema)),
  'POST /chains/:id/members/:enterpriseId/opt-in': json(ChainMemberViewSchema),
  'POST /chains/:id/members/:enterpriseId/opt-out': json(ChainMemberViewSchema),
  'POST /chains/:id/joint-needs': json(CreatedJointNeedSchema),
  'GET /chains/:id/joint-needs': json(pageOf(JointNeedViewSchema)),
  'POST /chains/:id/cases': json(ChainCaseViewSchema),
  'GET /chains/:id/cases': json(pageOf(ChainCaseViewSchema)),
  'GET /chain-cases': json(pageOf(ChainCaseViewSchema)),
  'GET /chain-invitations/:token': json(InvitationPreviewSchema),
  'POST /chain-invitations/:token/accept': json(InvitationOutcomeSchema),
  'POST /chain-invitations/:token/decline': json(InvitationOutcomeSchema),
} as const;
