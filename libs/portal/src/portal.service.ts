import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { Solution } from '@smedx/catalogue';
import { Need } from '@smedx/demand';
import { Enterprise, Provider } from '@smedx/directory';
import { Project } from '@smedx/projects';
import type { PortalFigures, PortalOverview } from '@smedx/contracts';
import { EventsService, MatchmakingEvent } from '@smedx/events';
import { SearchService } from '@smedx/search';

/** The published-solution counts per scenario and per industry come from the search facets. */
const FACETS = ['scenario', 'industry'] as const;

/**
 * The public portal's home (门户首页) in one call: the programme's headline figures,
 * featured and newest solutions, the newest open needs and the coming events —
 * only what a visitor without an account may see (the search index holds published
 * objects only; events past draft and not cancelled).
 */
@Injectable()
export class PortalService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly search: SearchService,
    private readonly events: EventsService,
  ) {}

  async overview(): Promise<PortalOverview> {
    const [figures, featured, newest, needs, upcomingEvents] = await Promise.all([
      this.figures(),
      this.search.solutions({ page: 1, pageSize: 6, sort: 'relevance', facets: [...FACETS] }),
      this.search.solutions({ page: 1, pageSize: 6, sort: 'newest' }),
      this.search.needs({ page: 1, pageSize: 6, sort: 'newest' }),
      this.events.upcoming(4),
    ]);
    return {
      figures,
      featuredSolutions: featured.hits,
      newestSolutions: newest.hits,
      newestNeeds: needs.hits,
      upcomingEvents,
      solutionsByScenario: featured.facets.scenario ?? {},
      solutionsByIndustry: featured.facets.industry ?? {},
    };
  }

  /** Counted in the database (not the index), one query per table. */
  private async figures(): Promise<PortalFigures> {
    const db = this.dataSource.manager;
    const byStatus = <E extends ObjectLiteral>(entity: EntityTarget<E>, status: string) =>
      db.createQueryBuilder(entity, 'x').where('x.status = :status', { status }).getCount();
    const [enterprises, providers, solutions, openNeeds, acceptedProjects, eventsHeld] = await Promise.all([
      db
        .createQueryBuilder(Enterprise, 'e')
        .select('COUNT(*)', 'all')
        .addSelect('SUM(CASE WHEN e.pilotBatch IS NOT NULL THEN 1 ELSE 0 END)', 'pilot')
        .addSelect('SUM(CASE WHEN e.digitalLevel >= 2 THEN 1 ELSE 0 END)', 'levelTwo')
        .getRawOne<{ all: string | number; pilot: string | number | null; levelTwo: string | number | null }>(),
      byStatus(Provider, 'approved'),
      byStatus(Solution, 'published'),
      byStatus(Need, 'published'),
      byStatus(Project, 'accepted'),
      byStatus(MatchmakingEvent, 'completed'),
    ]);
    return {
      enterprises: Number(enterprises?.all ?? 0),
      pilotEnterprises: Number(enterprises?.pilot ?? 0),
      levelTwoOrAbove: Number(enterprises?.levelTwo ?? 0),
      providers,
      solutions,
      openNeeds,
      acceptedProjects,
      eventsHeld,
    };
  }
}
