import type { Acceptance } from './entities/acceptance.entity.js';
import type { Milestone } from './entities/milestone.entity.js';
import type { MonitoringReport } from './entities/monitoring-report.entity.js';
import type { ProjectLog } from './entities/project-log.entity.js';
import type { Project } from './entities/project.entity.js';
import type {
  AcceptanceView,
  MilestoneView,
  MonitoringReportView,
  ProjectCaseView,
  ProjectLogView,
  ProjectSummaryView,
  ProjectView,
} from '@smedx/contracts';
import { isOpenMilestone } from '@smedx/contracts';

export type {
  AcceptanceView,
  MilestoneView,
  MonitoringReportView,
  ProjectCaseView,
  ProjectLogView,
  ProjectSummaryView,
  ProjectView,
  Page,
} from '@smedx/contracts';
import { rmbUppercase } from './rmb-uppercase.js';

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
  return isOpenMilestone(m) && m.plannedDate < today;
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
    openMilestones: a.openMilestones ?? [],
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
