import { z } from 'zod';
import { BID_STATUSES } from '../states/bid-state.js';
import { EVENT_STATUSES } from '../states/event-state.js';
import { NEED_STATUSES } from '../states/need-state.js';
import { MILESTONE_STATUSES, PROJECT_STATUSES } from '../states/project-state.js';
import { SUBSIDY_STATUSES } from '../states/subsidy-state.js';
import { calendarDate, count, instant, uuid } from '../wire.js';
import { json } from './route.js';

/** A running project (active or in rework) and its next open milestone, if any. */
export const WorkbenchProjectSchema = z.strictObject({
  id: uuid,
  title: z.string(),
  status: z.enum(PROJECT_STATUSES),
  plannedEndDate: calendarDate,
  nextMilestone: z.strictObject({ id: uuid, title: z.string(), status: z.enum(MILESTONE_STATUSES), plannedDate: calendarDate }).nullable(),
});
export type WorkbenchProject = z.output<typeof WorkbenchProjectSchema>;

/** A published need of the enterprise with bids in the running, waiting for its decision. */
export const WorkbenchNeedAwaitingSchema = z.strictObject({
  needId: uuid,
  title: z.string(),
  bidDeadline: instant,
  /** Bids submitted or shortlisted. */
  bids: count,
});

/** A published solution recommended to an enterprise, with what it was matched against. */
export const WorkbenchRecommendedSolutionSchema = z.strictObject({
  solutionId: uuid,
  title: z.string(),
  providerId: uuid,
  providerName: z.string(),
  /** The match score in [0, 1]. */
  score: z.number().min(0).max(1),
  /** The strongest reason of the match, in plain Chinese. */
  reason: z.string().nullable(),
  /** The published need it matches best; null when it answers the latest diagnosis' weakest spots (no need published yet). */
  forNeed: z.strictObject({ id: uuid, title: z.string() }).nullable(),
});
export type WorkbenchRecommendedSolution = z.output<typeof WorkbenchRecommendedSolutionSchema>;

/** A published need recommended to a provider (it has not bid on it), with the solution it matches best. */
export const WorkbenchRecommendedNeedSchema = z.strictObject({
  needId: uuid,
  title: z.string(),
  enterpriseName: z.string(),
  score: z.number().min(0).max(1),
  reason: z.string().nullable(),
  forSolution: z.strictObject({ id: uuid, title: z.string() }),
});
export type WorkbenchRecommendedNeed = z.output<typeof WorkbenchRecommendedNeedSchema>;

/** One enterprise the caller is a member of. */
export const EnterpriseWorkbenchSchema = z.strictObject({
  enterpriseId: uuid,
  enterpriseName: z.string(),
  /** Every need status, with zero where there is none. */
  needs: z.record(z.enum(NEED_STATUSES), count),
  /** Bids in the running on the enterprise's published needs. */
  bidsAwaitingDecision: count,
  /** Those needs, earliest deadline first (at most 10). */
  needsAwaitingDecision: z.array(WorkbenchNeedAwaitingSchema),
  /** Active projects and projects in rework, by planned end (at most 10). */
  projects: z.array(WorkbenchProjectSchema),
  /** Every subsidy application status, with zero where there is none. */
  subsidyApplications: z.record(z.enum(SUBSIDY_STATUSES), count),
  /** The latest diagnosis: its level and weakest dimensions; null before the first. */
  diagnosis: z
    .strictObject({
      id: uuid,
      /** Null when the score stays below level 1. */
      level: z.number().int().min(1).max(4).nullable(),
      official: z.boolean(),
      createdAt: instant,
      weakest: z.array(z.strictObject({ key: z.string(), title: z.string(), group: z.string(), share: z.number() })),
    })
    .nullable(),
  /**
   * Up to 5 solutions: the best matches of its newest published needs, or — with none
   * published — of the scenarios its latest diagnosis suggests; best first.
   */
  recommendedSolutions: z.array(WorkbenchRecommendedSolutionSchema).max(5),
});
export type EnterpriseWorkbench = z.output<typeof EnterpriseWorkbenchSchema>;

/** A need the provider bid on whose deadline falls within the next seven days. */
export const WorkbenchDeadlineSchema = z.strictObject({
  needId: uuid,
  needTitle: z.string(),
  bidDeadline: instant,
  bidId: uuid,
  bidStatus: z.enum(BID_STATUSES),
});

/** An invitation to bid not answered by a bid yet, on a need still open for bids. */
export const WorkbenchInvitationSchema = z.strictObject({
  id: uuid,
  needId: uuid,
  needTitle: z.string(),
  bidDeadline: instant,
  createdAt: instant,
});

/** One provider the caller is a member of. */
export const ProviderWorkbenchSchema = z.strictObject({
  providerId: uuid,
  providerName: z.string(),
  /** Its selection status (遴选): only approved providers bid. */
  providerStatus: z.string(),
  /** Every bid status, with zero where there is none. */
  bids: z.record(z.enum(BID_STATUSES), count),
  invitationsOpen: count,
  /** The open invitations, earliest deadline first (at most 10). */
  invitations: z.array(WorkbenchInvitationSchema),
  projects: z.array(WorkbenchProjectSchema),
  /** Deadlines of needs it bid on in the coming seven days, earliest first. */
  deadlinesThisWeek: z.array(WorkbenchDeadlineSchema),
  /** Up to 5 published needs matching its newest published solutions best, leaving out needs it bid on; best first. */
  recommendedNeeds: z.array(WorkbenchRecommendedNeedSchema).max(5),
});
export type ProviderWorkbench = z.output<typeof ProviderWorkbenchSchema>;

/**
 * An officer's review queues. A count is null where the queue is not the caller's
 * (初审 belongs to district officers, 复核 and 遴选 to the city).
 */
export const OfficerWorkbenchSchema = z.strictObject({
  /** Whether the caller acts for the city (city officer, admin). */
  city: z.boolean(),
  /** The districts the caller is district officer of. */
  districts: z.array(z.string()),
  providersPendingSelection: count.nullable(),
  subsidyAwaitingPreliminary: count.nullable(),
  subsidyAwaitingReview: count.nullable(),
  /** Pending change requests on applications in the caller's scope. */
  changeRequestsPending: count,
  /** Nominations waiting for the caller: recommendation (district), notice or award (city). */
  nominationsWaiting: count,
  /** Figures of the caller's scope (its districts, or the city). */
  figures: z.strictObject({ enterprises: count, publishedNeeds: count, activeProjects: count }),
});
export type OfficerWorkbench = z.output<typeof OfficerWorkbenchSchema>;

/** An assessor's work: projects to monitor or accept, nominations to score. */
export const AssessorWorkbenchSchema = z.strictObject({
  projectsActive: count,
  projectsInRework: count,
  /** Those projects, by planned end (at most 10). */
  projects: z.array(WorkbenchProjectSchema),
  /** Nominations in expert review the caller has not scored yet. */
  nominationsToScore: count,
});
export type AssessorWorkbench = z.output<typeof AssessorWorkbenchSchema>;

/** An organiser's own events. */
export const OrganiserWorkbenchSchema = z.strictObject({
  /** Every event status, with zero where there is none. */
  events: z.record(z.enum(EVENT_STATUSES), count),
  registrationsPending: count,
  /** Own events with registrations waiting for a decision (at most 10). */
  eventsWithPending: z.array(z.strictObject({ id: uuid, title: z.string(), startsAt: instant, pending: count })),
});
export type OrganiserWorkbench = z.output<typeof OrganiserWorkbenchSchema>;

/** `GET /workbench` (工作台): only the sections of the caller's roles and memberships. */
export const WorkbenchSchema = z.strictObject({
  enterprises: z.array(EnterpriseWorkbenchSchema),
  providers: z.array(ProviderWorkbenchSchema),
  officer: OfficerWorkbenchSchema.nullable(),
  assessor: AssessorWorkbenchSchema.nullable(),
  organiser: OrganiserWorkbenchSchema.nullable(),
});
export type Workbench = z.output<typeof WorkbenchSchema>;

export const workbenchRoutes = {
  'GET /workbench': json(WorkbenchSchema),
} as const;
