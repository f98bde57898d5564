import { In, Like } from 'typeorm';
import type { EntityManager, FindOptionsWhere } from 'typeorm';
import type { OfficerWorkbench } from '@smedx/contracts';
import { MIN_ASSESSORS, Nomination } from '@smedx/awards';
import { Need } from '@smedx/demand';
import { Enterprise, Provider } from '@smedx/directory';
import { Project } from '@smedx/projects';
import { SubsidyApplication } from '@smedx/subsidy';

/**
 * An officer's queues. `city`: a city officer or admin (遴选, 复核, public notice and award of
 * nominations, city-wide figures); `districts`: the districts they run 初审, change requests and
 * nomination recommendations for. A city officer's change-request count covers the city (filed with it).
 */
export async function officerSection(db: EntityManager, scope: { city: boolean; districts: string[] }): Promise<OfficerWorkbench> {
  const { city, districts } = scope;
  // The scope of figures and change requests: the whole city, or the officer's districts.
  const inScope = <T extends { district: string }>(): FindOptionsWhere<T> =>
    (city ? {} : { district: In(districts) }) as FindOptionsWhere<T>;
  const [pendingProviders, preliminary, review, changes, recommend, cityNominations, enterprises, publishedNeeds, activeProjects] =
    await Promise.all([
      city ? db.countBy(Provider, { status: 'pending' }) : null,
      districts.length ? db.countBy(SubsidyApplication, { status: 'submitted', district: In(districts) }) : null,
      city ? db.countBy(SubsidyApplication, { status: 'district_approved' }) : null,
      // Change requests live inside the application's JSON: only applications whose text holds a pending one are read.
      db.find(SubsidyApplication, {
        select: { id: true, changes: true },
        where: { ...inScope<SubsidyApplication>(), changes: Like('%"pending"%') },
      }),
      districts.length ? db.countBy(Nomination, { status: 'nominated', district: In(districts) }) : 0,
      city ? cityNominationsWaiting(db) : 0,
      db.countBy(Enterprise, inScope<Enterprise>()),
      db.countBy(Need, { ...inScope<Need>(), status: 'published' }),
      db.countBy(Project, { ...inScope<Project>(), status: In(['active', 'rework']) }),
    ]);
  return {
    city,
    districts,
    providersPendingSelection: pendingProviders,
    subsidyAwaitingPreliminary: preliminary,
    subsidyAwaitingReview: review,
    changeRequestsPending: changes.reduce((sum, a) => sum + a.changes.filter((c) => c.status === 'pending').length, 0),
    nominationsWaiting: recommend + cityNominations,
    figures: { enterprises, publishedNeeds, activeProjects },
  };
}

/** Nominations the city acts on: in review with enough expert scores to go on notice, and those on notice. */
async function cityNominationsWaiting(db: EntityManager): Promise<number> {
  const [inReview, onNotice] = await Promise.all([
    db.find(Nomination, { select: { id: true, scores: true }, where: { status: 'in_review' } }),
    db.countBy(Nomination, { status: 'on_notice' }),
  ]);
  return inReview.filter((n) => n.scores.length >= MIN_ASSESSORS).length + onNotice;
}
