import type { Acceptance, AcceptanceEvidence, AcceptanceResult } from './entities/acceptance.entity.js';
import type { Milestone } from './entities/milestone.entity.js';
import type { MonitoringReport } from './entities/monitoring-report.entity.js';
import type { ProjectLog, ProjectLogKind } from './entities/project-log.entity.js';
import type { Project } from './entities/project.entity.js';
import type { MilestoneStatus, ProjectStatus } from '@smedx/contracts';
import { rmbUppercase } from './rmb-uppercase.js';

export interface MilestoneView {
  id: string;
  title: string;
  plannedDate: string;
  actualDate: string | null;
  status: MilestoneStatus;
  /** Not done (nor cancelled) and its planned day has passed in Shanghai. */
  overdue: boolean;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface MonitoringReportView {
  id: string;
  assessorId: string;
  summary: string;
  findings: string;
  progressPercent: number;
  risks: string[];
  filedAt: Date;
}

export interface AcceptanceView {
  id: string;
  round: number;
  assessorId: string;
  result: AcceptanceResult;
  levelAfter: number;
  dataIntegration: string;
  dataIntegrationScore: number | null;
  roiPercent: number;
  managementReform: string;
  applicationEffect: string | null;
  reasons: string;
  evidence: AcceptanceEvidence[];
  decidedAt: Date;
}

export interface ProjectLogView {
  id: string;
  side: 'enterprise' | 'provider';
  authorId: string;
  kind: ProjectLogKind;
  content: string;
  occurredOn: string;
  writtenAt: Date;
}

/** A project as its parties, assessors and officers read it. */
export interface ProjectView {
  id: string;
  contractNo: string;
  needId: string;
  bidId: string;
  enterpriseId: string;
  enterpriseName: string;
  providerId: string;
  providerName: string;
  solutionId: string | null;
  title: string;
  scope: string;
  priceFen: number;
  /** The price in capital numerals (人民币大写), as the contract prints it. */
  priceInWords: string;
  deliveryDays: number;
  industry: string;
  district: string;
  startDate: string;
  plannedEndDate: string;
  status: ProjectStatus;
  levelBefore: number | null;
  acceptedAt: Date | null;
  cancelledAt: Date | null;
  awardedBy: string;
  createdAt: Date;
  updatedAt: Date;
  milestones: MilestoneView[];
  reports: MonitoringReportView[];
  /** Oldest first: failed rounds, then at most one pass. */
  acceptances: AcceptanceView[];
}

/** A project in a list: no milestones, reports or acceptances. */
export type ProjectSummaryView = Omit<ProjectView, 'milestones' | 'reports' | 'acceptances' | 'scope'>;

/**
 * A passed acceptance shown on the provider's public page (成果推广): what was
 * done for whom and what it achieved, without the price or the documents.
 */
export interface ProjectCaseView {
  projectId: string;
  title: string;
  enterpriseId: string;
  enterpriseName: string;
  industry: string;
  district: string;
  solutionId: string | null;
  levelBefore: number | null;
  levelAfter: number;
  roiPercent: number;
  dataIntegration: string;
  managementReform: string;
  applicationEffect: string | null;
  deliveryDays: number;
  startDate: string;
  acceptedAt: Date;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function milestoneView(m: Milestone, today: string): MilestoneView {
  return {
    id: m.id,
    title: m.title,
    plannedDate: m.plannedDate,
    actualDate: m.actualDate,
    status: m.status,
    overdue: isOverdue(m, today),
    createdBy: m.createdBy,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
}

/** Open (planned or in progress) and due before `today`. */
export function isOverdue(m: Pick<Milestone, 'status' | 'plannedDate'>, today: string): boolean {
  return (m.status === 'planned' || m.status === 'in_progress') && m.plannedDate < today;
}

export function monitoringReportView(r: MonitoringReport): MonitoringReportView {
  return {
    id: r.id,
    assessorId: r.assessorId,
    summary: r.summary,
    findings: r.findings,
    progressPercent: r.progressPercent,
    risks: r.risks,
    filedAt: r.filedAt,
  };
}

export function acceptanceView(a: Acceptance): AcceptanceView {
  return {
    id: a.id,
    round: a.round,
    assessorId: a.assessorId,
    result: a.result,
    levelAfter: a.levelAfter,
    dataIntegration: a.dataIntegration,
    dataIntegrationScore: a.dataIntegrationScore,
    roiPercent: a.roiPercent,
    managementReform: a.managementReform,
    applicationEffect: a.applicationEffect,
    reasons: a.reasons,
    evidence: a.evidence,
    decidedAt: a.decidedAt,
  };
}

export function projectLogView(l: ProjectLog): ProjectLogView {
  return {
    id: l.id,
    side: l.side,
    authorId: l.authorId,
    kind: l.kind,
    content: l.content,
    occurredOn: l.occurredOn,
    writtenAt: l.writtenAt,
  };
}

export function projectSummaryView(p: Project): ProjectSummaryView {
  return {
    id: p.id,
    contractNo: p.contractNo,
    needId: p.needId,
    bidId: p.bidId,
    enterpriseId: p.enterpriseId,
    enterpriseName: p.enterpriseParty.name,
    providerId: p.providerId,
    providerName: p.providerParty.name,
    solutionId: p.solutionId,
    title: p.title,
    priceFen: p.priceFen,
    priceInWords: rmbUppercase(p.priceFen),
    deliveryDays: p.deliveryDays,
    industry: p.industry,
    district: p.district,
    startDate: p.startDate,
    plannedEndDate: p.plannedEndDate,
    status: p.status,
    levelBefore: p.levelBefore,
    acceptedAt: p.acceptedAt,
    cancelledAt: p.cancelledAt,
    awardedBy: p.awardedBy,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

export function projectView(
  p: Project,
  parts: { milestones: Milestone[]; reports: MonitoringReport[]; acceptances: Acceptance[]; today: string },
): ProjectView {
  return {
    ...projectSummaryView(p),
    scope: p.scope,
    milestones: parts.milestones.map((m) => milestoneView(m, parts.today)),
    reports: parts.reports.map(monitoringReportView),
    acceptances: parts.acceptances.map(acceptanceView),
  };
}

export function projectCaseView(p: Project, passed: Acceptance, enterpriseName: string): ProjectCaseView {
  return {
    projectId: p.id,
    title: p.title,
    enterpriseId: p.enterpriseId,
    enterpriseName,
    industry: p.industry,
    district: p.district,
    solutionId: p.solutionId,
    levelBefore: p.levelBefore,
    levelAfter: passed.levelAfter,
    roiPercent: passed.roiPercent,
    dataIntegration: passed.dataIntegration,
    managementReform: passed.managementReform,
    applicationEffect: passed.applicationEffect,
    deliveryDays: p.deliveryDays,
    startDate: p.startDate,
    acceptedAt: p.acceptedAt!,
  };
}
