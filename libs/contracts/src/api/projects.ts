import { z } from 'zod';
import { MILESTONE_STATUSES, PROJECT_STATUSES } from '../states/project-state.js';
import { calendarDate, fen, instant, pageOf, uuid } from '../wire.js';
import { file, json } from './route.js';

/** What an acceptance's evidence may be. */
export const EVIDENCE_KINDS = ['contract', 'invoice', 'assessment_before', 'assessment_after', 'other'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const ACCEPTANCE_RESULTS = ['pass', 'fail'] as const;
export type AcceptanceResult = (typeof ACCEPTANCE_RESULTS)[number];

/** What a service-tracking entry (服务跟踪) records. */
export const PROJECT_LOG_KINDS = ['progress', 'visit', 'training', 'issue', 'feedback', 'other'] as const;
export type ProjectLogKind = (typeof PROJECT_LOG_KINDS)[number];

/** Which party wrote a tracking entry. */
export const PROJECT_SIDES = ['enterprise', 'provider'] as const;
export type ProjectSide = (typeof PROJECT_SIDES)[number];

/** A digital level 1–4 (一级 … 四级). */
const level = z.number().int().min(1).max(4);

export const MilestoneViewSchema = z.strictObject({
  id: uuid,
  title: z.string(),
  /** A Shanghai calendar day. */
  plannedDate: calendarDate,
  actualDate: calendarDate.nullable(),
  status: z.enum(MILESTONE_STATUSES),
  /** Not done (nor cancelled) and its planned day has passed in Shanghai. */
  overdue: z.boolean(),
  createdBy: uuid,
  createdAt: instant,
  updatedAt: instant,
});
export type MilestoneView = z.output<typeof MilestoneViewSchema>;

/** An assessor's monitoring report (过程监测). */
export const MonitoringReportViewSchema = z.strictObject({
  id: uuid,
  assessorId: uuid,
  summary: z.string(),
  findings: z.string(),
  progressPercent: z.number().int().min(0).max(100),
  risks: z.array(z.string()),
  filedAt: instant,
});
export type MonitoringReportView = z.output<typeof MonitoringReportViewSchema>;

/** A document the assessor relied on, kept as metadata (the file itself stays with the parties). */
export const AcceptanceEvidenceSchema = z.strictObject({
  kind: z.enum(EVIDENCE_KINDS),
  name: z.string(),
  sha256: z.string().nullable(),
  sizeBytes: z.number().int().nonnegative().nullable(),
});
export type AcceptanceEvidence = z.output<typeof AcceptanceEvidenceSchema>;

/** A milestone still open when an acceptance passed, with the assessor's reason for accepting regardless. */
export const OpenMilestoneReasonSchema = z.strictObject({
  milestoneId: uuid,
  title: z.string(),
  reason: z.string(),
});
export type OpenMilestoneReason = z.output<typeof OpenMilestoneReasonSchema>;

/** One acceptance test (验收测评) of a project by an assessor. */
export const AcceptanceViewSchema = z.strictObject({
  id: uuid,
  round: z.number().int().positive(),
  assessorId: uuid,
  result: z.enum(ACCEPTANCE_RESULTS),
  levelAfter: level,
  dataIntegration: z.string(),
  dataIntegrationScore: z.number().nullable(),
  roiPercent: z.number(),
  managementReform: z.string(),
  applicationEffect: z.string().nullable(),
  reasons: z.string(),
  evidence: z.array(AcceptanceEvidenceSchema),
  openMilestones: z.array(OpenMilestoneReasonSchema),
  decidedAt: instant,
});
export type AcceptanceView = z.output<typeof AcceptanceViewSchema>;

/** A service-tracking entry (服务跟踪). */
export const ProjectLogViewSchema = z.strictObject({
  id: uuid,
  side: z.enum(PROJECT_SIDES),
  authorId: uuid,
  kind: z.enum(PROJECT_LOG_KINDS),
  content: z.string(),
  occurredOn: calendarDate,
  writtenAt: instant,
});
export type ProjectLogView = z.output<typeof ProjectLogViewSchema>;

/** A project in a list: no scope, milestones, reports or acceptances. */
export const ProjectSummaryViewSchema = z.strictObject({
  id: uuid,
  contractNo: z.string(),
  needId: uuid,
  bidId: uuid,
  enterpriseId: uuid,
  enterpriseName: z.string(),
  providerId: uuid,
  providerName: z.string(),
  solutionId: uuid.nullable(),
  title: z.string(),
  priceFen: fen,
  /** The price in capital numerals (人民币大写), as the contract prints it. */
  priceInWords: z.string(),
  deliveryDays: z.number().int(),
  industry: z.string(),
  district: z.string(),
  startDate: calendarDate,
  plannedEndDate: calendarDate,
  status: z.enum(PROJECT_STATUSES),
  levelBefore: level.nullable(),
  acceptedAt: instant.nullable(),
  cancelledAt: instant.nullable(),
  awardedBy: uuid,
  createdAt: instant,
  updatedAt: instant,
});
export type ProjectSummaryView = z.output<typeof ProjectSummaryViewSchema>;

/** A project as its parties, assessors and officers read it. */
export const ProjectViewSchema = z.strictObject({
  ...ProjectSummaryViewSchema.shape,
  scope: z.string(),
  milestones: z.array(MilestoneViewSchema),
  reports: z.array(MonitoringReportViewSchema),
  /** Oldest first: failed rounds, then at most one pass. */
  acceptances: z.array(AcceptanceViewSchema),
});
export type ProjectView = z.output<typeof ProjectViewSchema>;

/**
 * A passed acceptance shown on the provider's public page (成果推广): what was
 * done for whom and what it achieved, without the price or the documents.
 */
export const ProjectCaseViewSchema = z.strictObject({
  projectId: uuid,
  title: z.string(),
  enterpriseId: uuid,
  enterpriseName: z.string(),
  industry: z.string(),
  district: z.string(),
  solutionId: uuid.nullable(),
  levelBefore: level.nullable(),
  levelAfter: level,
  roiPercent: z.number(),
  dataIntegration: z.string(),
  managementReform: z.string(),
  applicationEffect: z.string().nullable(),
  deliveryDays: z.number().int(),
  startDate: calendarDate,
  acceptedAt: instant,
});
export type ProjectCaseView = z.output<typeof ProjectCaseViewSchema>;

export const projectRoutes = {
  'GET /projects': json(pageOf(ProjectSummaryViewSchema)),
  'GET /projects/:id': json(ProjectViewSchema),
  'POST /projects/:id/milestones': json(MilestoneViewSchema),
  'PATCH /projects/:id/milestones/:mid': json(MilestoneViewSchema),
  'GET /projects/:id/logs': json(pageOf(ProjectLogViewSchema)),
  'POST /projects/:id/logs': json(ProjectLogViewSchema),
  'POST /projects/:id/reports': json(MonitoringReportViewSchema),
  'POST /projects/:id/acceptance': json(AcceptanceViewSchema),
  'POST /projects/:id/cancel': json(ProjectViewSchema),
  /** The standard contract (标准化合同): printable HTML, or PDF. */
  'GET /projects/:id/contract': file('text/html', 'application/pdf'),
  'GET /providers/:id/cases': json(pageOf(ProjectCaseViewSchema)),
} as const;
