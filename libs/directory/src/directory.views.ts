import type { DigitalLevel, PilotBatchCode, ProviderKindCode, ScaleCode } from '@smedx/taxonomy';
import type { DataConsent, ConsentScope } from './entities/data-consent.entity.js';
import type { DigitalLevelSource, EnrolmentBasis, Enterprise } from './entities/enterprise.entity.js';
import type { Provider } from './entities/provider.entity.js';
import type { ProviderSelectionDecision } from './entities/provider-selection-decision.entity.js';
import type { ProviderStatus, SelectionDecision } from '@smedx/contracts';

/** What any signed-in user sees of an enterprise. */
export interface EnterprisePublicView {
  id: string;
  name: string;
  industry: string;
  district: string;
  scale: ScaleCode;
  /** Enterprises have no lifecycle of their own; blacklisting lives in the programme context. */
  status: 'active';
  digitalLevel: DigitalLevel | null;
  isChainLeader: boolean;
  pilotBatch: PilotBatchCode | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What members, city officers, the district's officer, assessors and admins see. */
export interface EnterpriseView extends EnterprisePublicView {
  uscc: string;
  employees: number | null;
  annualRevenueFen: number | null;
  isLittleGiantFunded: boolean;
  inPilot2022: boolean;
  isSpecialised: boolean;
  digitalLevelSource: DigitalLevelSource | null;
  digitalLevelAt: Date | null;
  enrolmentBasis: EnrolmentBasis | null;
  pilotEnrolledAt: Date | null;
}

export function enterprisePublicView(e: Enterprise): EnterprisePublicView {
  return {
    id: e.id,
    name: e.name,
    industry: e.industry,
    district: e.district,
    scale: e.scale,
    status: 'active',
    digitalLevel: e.digitalLevel,
    isChainLeader: e.isChainLeader,
    pilotBatch: e.pilotBatch,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}

export function enterpriseView(e: Enterprise): EnterpriseView {
  return {
    ...enterprisePublicView(e),
    uscc: e.uscc,
    employees: e.employees,
    annualRevenueFen: e.annualRevenueFen,
    isLittleGiantFunded: e.isLittleGiantFunded,
    inPilot2022: e.inPilot2022,
    isSpecialised: e.isSpecialised,
    digitalLevelSource: e.digitalLevelSource,
    digitalLevelAt: e.digitalLevelAt,
    enrolmentBasis: e.pilotEnrolmentBasis,
    pilotEnrolledAt: e.pilotEnrolledAt,
  };
}

/** An enterprise as a row of the pilot pool. */
export interface PilotPoolItem {
  id: string;
  name: string;
  industry: string;
  district: string;
  scale: ScaleCode;
  digitalLevel: DigitalLevel | null;
  pilotBatch: PilotBatchCode;
  enrolmentBasis: EnrolmentBasis;
  enrolledAt: Date;
}

export function pilotPoolItem(e: Enterprise): PilotPoolItem {
  return {
    id: e.id,
    name: e.name,
    industry: e.industry,
    district: e.district,
    scale: e.scale,
    digitalLevel: e.digitalLevel,
    pilotBatch: e.pilotBatch!,
    enrolmentBasis: e.pilotEnrolmentBasis!,
    enrolledAt: e.pilotEnrolledAt!,
  };
}

/** A provider's track record, kept on the provider and updated by the projects and events contexts. */
export interface ProviderRecord {
  acceptancePassRate: number | null;
  completedProjects: number;
  ratingAverage: number | null;
  ratingCount: number;
  noShows: number;
}

export interface SelectionDecisionView {
  id: string;
  decision: SelectionDecision;
  fromStatus: ProviderStatus;
  toStatus: ProviderStatus;
  reason: string;
  actorId: string;
  decidedAt: Date;
}

export interface ProviderView {
  id: string;
  name: string;
  uscc: string;
  kind: ProviderKindCode;
  districts: string[];
  description: string;
  status: ProviderStatus;
  record: ProviderRecord;
  createdAt: Date;
  updatedAt: Date;
  /** Selection history, oldest first: only for the provider's members and officers. */
  decisions?: SelectionDecisionView[];
}

export function providerRecord(p: Provider): ProviderRecord {
  return {
    acceptancePassRate: p.acceptancePassRate,
    completedProjects: p.completedProjects,
    ratingAverage: p.ratingAverage,
    ratingCount: p.ratingCount,
    noShows: p.noShows,
  };
}

export function providerView(p: Provider, decisions?: ProviderSelectionDecision[]): ProviderView {
  return {
    id: p.id,
    name: p.name,
    uscc: p.uscc,
    kind: p.kind,
    districts: p.districts,
    description: p.description,
    status: p.status,
    record: providerRecord(p),
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    ...(decisions
      ? {
          decisions: decisions.map((d) => ({
            id: d.id,
            decision: d.decision,
            fromStatus: d.fromStatus,
            toStatus: d.toStatus,
            reason: d.reason,
            actorId: d.actorId,
            decidedAt: d.decidedAt,
          })),
        }
      : {}),
  };
}

export interface ConsentView {
  id: string;
  enterpriseId: string;
  granteeOrganisationId: string;
  granteeKind: 'enterprise' | 'provider';
  /** The grantee's name, so the enterprise sees whom it trusts. */
  granteeName: string | null;
  scopes: ConsentScope[];
  status: 'active' | 'revoked';
  grantedBy: string;
  grantedAt: Date;
  revokedBy: string | null;
  revokedAt: Date | null;
}

export function consentView(c: DataConsent, granteeName: string | null): ConsentView {
  return {
    id: c.id,
    enterpriseId: c.enterpriseId,
    granteeOrganisationId: c.granteeOrganisationId,
    granteeKind: c.granteeKind,
    granteeName,
    scopes: c.scopes,
    status: c.revokedAt ? 'revoked' : 'active',
    grantedBy: c.grantedBy,
    grantedAt: c.grantedAt,
    revokedBy: c.revokedBy,
    revokedAt: c.revokedAt,
  };
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
