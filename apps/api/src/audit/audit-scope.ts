import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { AuditScope } from '@smedx/audit';
import { Bid } from '@smedx/bidding';
import { Need } from '@smedx/demand';
import { Enterprise } from '@smedx/directory';
import { MatchmakingEvent } from '@smedx/events';
import { hasRole } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import { Project } from '@smedx/projects';
import { SubsidyApplication } from '@smedx/subsidy';

/**
 * The audit trail a reader sees is scoped like the objects it records: city officers and
 * admins read it all; a district officer reads the entries of objects in their districts —
 * enterprises, needs, bids (by their need), projects, subsidy applications and events of the
 * district, and providers (which every officer oversees). Within that scope the objects' own
 * views show a district officer everything the entries carry (private enterprise fields, bid
 * prices, diagnoses, change requests), so entries are shown whole. Role grants, chains and any
 * entity type not listed here stay with city officers and admins.
 */
export function auditScopeOf(principal: Principal, dataSource: DataSource): AuditScope | null {
  if (hasRole(principal, 'city_officer', 'admin')) return null;
  const districts = principal.roles.flatMap((g) => (g.role === 'district_officer' && g.district ? [g.district] : []));
  return { districts, rules: districtRules(dataSource) };
}

let cached: { dataSource: DataSource; rules: Record<string, string | true> } | null = null;

function districtRules(dataSource: DataSource): Record<string, string | true> {
  if (cached?.dataSource === dataSource) return cached.rules;
  const table = (entity: EntityTarget<ObjectLiteral>) => `"${dataSource.getMetadata(entity).tableName}"`;
  const column = (entity: EntityTarget<ObjectLiteral>, property: string) =>
    `"${dataSource.getMetadata(entity).findColumnWithPropertyName(property)!.databaseName}"`;
  // Ids are uuid columns on PostgreSQL and text in the trail: compare as text.
  const idsInDistricts = (entity: EntityTarget<ObjectLiteral>) =>
    `SELECT CAST(s.id AS varchar(64)) FROM ${table(entity)} s WHERE s.${column(entity, 'district')} IN (:...districts)`;
  const rules: Record<string, string | true> = {
    enterprise: idsInDistricts(Enterprise),
    need: idsInDistricts(Need),
    bid:
      `SELECT CAST(b.id AS varchar(64)) FROM ${table(Bid)} b WHERE b.${column(Bid, 'needId')} IN ` +
      `(SELECT CAST(n.id AS varchar(36)) FROM ${table(Need)} n WHERE n.${column(Need, 'district')} IN (:...districts))`,
    project: idsInDistricts(Project),
    subsidy_application: idsInDistricts(SubsidyApplication),
    event: idsInDistricts(MatchmakingEvent),
    provider: true,
  };
  cached = { dataSource, rules };
  return rules;
}
