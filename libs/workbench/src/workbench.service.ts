import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, hasRole } from '@smedx/platform';
import type { Clock, Principal } from '@smedx/platform';
import type { Workbench } from '@smedx/contracts';
import { DirectoryService } from '@smedx/directory';
import { MatchingService } from '@smedx/matching';
import { reviewedDistricts } from '@smedx/subsidy';
import { assessorSection } from './assessor-section.js';
import { enterpriseSections } from './enterprise-section.js';
import { officerSection } from './officer-section.js';
import { organiserSection } from './organiser-section.js';
import { providerSections } from './provider-section.js';
import { recommendNeeds, recommendSolutions } from './recommendations.js';

/**
 * The signed-in home (工作台): for the caller's memberships and roles, and only
 * those, what waits for them — read in a fixed number of grouped queries per
 * section, so one call serves the whole page; the recommendations are the
 * matching engine's rankings of the caller's newest published needs and solutions.
 */
@Injectable()
export class WorkbenchService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: DirectoryService,
    private readonly matching: MatchingService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async forPrincipal(actor: Principal): Promise<Workbench> {
    const db = this.dataSource.manager;
    const memberOf = (kind: 'enterprise' | 'provider') => actor.memberships.filter((m) => m.kind === kind).map((m) => m.organisationId);
    const city = hasRole(actor, 'city_officer', 'admin');
    const districts = reviewedDistricts(actor);
    const [enterprises, providers] = await Promise.all([
      this.directory.enterprisesByIds(memberOf('enterprise')),
      this.directory.providersByIds(memberOf('provider')),
    ]);
    const byName = <T extends { name: string }>(rows: T[]) => rows.sort((a, b) => a.name.localeCompare(b.name, 'zh'));
    const [enterprise, provider, officer, assessor, organiser] = await Promise.all([
      enterpriseSections(db, byName(enterprises)),
      providerSections(db, byName(providers), this.clock.now()),
      city || districts.length ? officerSection(db, { city, districts }) : null,
      hasRole(actor, 'assessor') ? assessorSection(db, actor.userId) : null,
      hasRole(actor, 'organizer') ? organiserSection(db, actor.userId) : null,
    ]);
    const [solutionsFor, needsFor] = await Promise.all([
      recommendSolutions(db, this.matching, enterprises, enterprise),
      recommendNeeds(db, this.matching, provider),
    ]);
    return {
      enterprises: enterprise.map((e) => ({ ...e, recommendedSolutions: solutionsFor.get(e.enterpriseId) ?? [] })),
      providers: provider.map((p) => ({ ...p, recommendedNeeds: needsFor.get(p.providerId) ?? [] })),
      officer,
      assessor,
      organiser,
    };
  }
}
