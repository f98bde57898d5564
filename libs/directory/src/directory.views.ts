import type {
  ConsentView,
  EnterprisePublicView,
  EnterpriseView,
  PilotPoolItemView,
  ProviderRecordView,
  ProviderView,
} from '@smedx/contracts';
import type { DataConsent } from './entities/data-consent.entity.js';
import type { Enterprise } from './entities/enterprise.entity.js';
import type { Provider } from './entities/provider.entity.js';
import type { ProviderSelectionDecision } from './entities/provider-selection-decision.entity.js';

/**
 * The directory's answers: their types are the contract's (`@smedx/contracts`), these
 * functions build them from the entities.
 */
export type { ConsentView, EnterprisePublicView, EnterpriseView, ProviderView, SelectionDecisionView, Page } from '@smedx/contracts';
/** A provider's track record, kept on the provider and updated by the projects and events contexts. */
export type ProviderRecord = ProviderRecordView;
/** An enterprise as a row of the pilot pool. */
export type PilotPoolItem = PilotPoolItemView;

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
